package kuibu.grading.grader;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kuibu.grading.Course;
import kuibu.grading.FileTrees;

/**
 * What the grader reads of a submission: the text of the Java files under each chapter's
 * {@code src/main/java}, read once, at the start, and nothing else. Everything else a submission holds
 * (tests, poms, build output, the referee's file) is never read, so it cannot matter.
 *
 * <p>A submission is untrusted: symbolic links (which could point into the course, or anywhere) and
 * files with several hard links are refused, never followed; so are files that are too large, too
 * many files, and text that is not UTF-8. Each refusal becomes a note in the feedback.
 */
final class Submission {

    /** Larger files are refused: no exercise needs more, and the parser should not be handed megabytes. */
    static final long MAX_FILE_BYTES = 256 * 1024;
    /** At most this many Java files per chapter are read. */
    static final int MAX_FILES_PER_CHAPTER = 200;

    private final Path root;
    private final Map<String, Map<String, String>> files; // module -> file under src/main/java -> text
    private final List<String> notes;

    private Submission(Path root, Map<String, Map<String, String>> files, List<String> notes) {
        this.root = root;
        this.files = files;
        this.notes = notes;
    }

    /**
     * Reads the submission at {@code given}: the course folder itself, or the one folder it holds (an
     * unpacked archive often wraps the course in a folder of its own), never through a link.
     */
    static Submission read(Path given, Course course) throws IOException {
        List<String> notes = new ArrayList<>();
        Path root = locate(given.toAbsolutePath().normalize(), notes);
        Map<String, Map<String, String>> files = new LinkedHashMap<>();
        for (Course.Chapter chapter : course.chapters()) {
            Map<String, String> texts = new TreeMap<>();
            files.put(chapter.module(), texts);
            if (root == null) {
                continue;
            }
            Path module = root.resolve(chapter.module());
            Path main = module.resolve("src/main/java");
            String shown = chapter.module() + "/src/main/java";
            if (isLink(module) || isLink(module.resolve("src")) || isLink(main)) {
                notes.add(shown + " (or a folder above it) is a symbolic link: refused, so its exercises are graded as not done");
                continue;
            }
            if (!Files.isDirectory(main, LinkOption.NOFOLLOW_LINKS)) {
                if (!chapter.exercises().isEmpty()) {
                    notes.add(shown + " is missing from the submission: its exercises are graded as not done");
                }
                continue;
            }
            Files.walkFileTree(main, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String rel = FileTrees.slashes(main.relativize(file));
                    if (!rel.endsWith(".java")) {
                        return FileVisitResult.CONTINUE;
                    }
                    String where = shown + "/" + rel;
                    if (attrs.isSymbolicLink()) {
                        notes.add(where + " is a symbolic link: refused");
                    } else if (!attrs.isRegularFile()) {
                        notes.add(where + " is not a regular file: refused");
                    } else if (attrs.size() > MAX_FILE_BYTES) {
                        notes.add(where + " is larger than " + MAX_FILE_BYTES / 1024 + " KB: refused");
                    } else if (linkCount(file) > 1) {
                        notes.add(where + " has several hard links: refused");
                    } else if (texts.size() >= MAX_FILES_PER_CHAPTER) {
                        notes.add(where + ": more than " + MAX_FILES_PER_CHAPTER + " Java files in " + shown + ": the rest are refused");
                        return FileVisitResult.TERMINATE;
                    } else {
                        try {
                            texts.put(rel, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString());
                        } catch (CharacterCodingException e) {
                            notes.add(where + " is not UTF-8 text: refused");
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        notes.add(shown + "/" + FileTrees.slashes(main.relativize(dir)) + " is a symbolic link: refused");
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return new Submission(root, files, notes);
    }

    /** The folder the course is in, or null (with a note) when the submission is a link or holds none. */
    private static Path locate(Path given, List<String> notes) throws IOException {
        Path dir = given;
        for (int depth = 0; depth < 3; depth++) {
            if (isLink(dir)) {
                notes.add((dir.equals(given) ? "the submission" : given.relativize(dir).toString())
                        + " is a symbolic link: refused, so every exercise is graded as not done");
                return null;
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                notes.add("the submission is not a folder: every exercise is graded as not done");
                return null;
            }
            if (Files.isRegularFile(dir.resolve("pom.xml"), LinkOption.NOFOLLOW_LINKS) || hasChapterFolder(dir)) {
                return dir;
            }
            List<Path> subdirs;
            try (Stream<Path> children = Files.list(dir)) {
                subdirs = children.filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || isLink(p)).toList();
            }
            if (subdirs.size() != 1) {
                break;
            }
            dir = subdirs.get(0);
        }
        return given;
    }

    private static boolean hasChapterFolder(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.anyMatch(p -> p.getFileName().toString().matches("chapter\\d+-.*"));
        }
    }

    private static boolean isLink(Path p) {
        return Files.isSymbolicLink(p);
    }

    private static int linkCount(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1; // no such attribute on this file system
        }
    }

    /** The folder the course was found in (null when none could be read). */
    Path root() {
        return root;
    }

    /** The Java files of {@code module} under {@code src/main/java}, by relative path, with their text. */
    Map<String, String> files(String module) {
        return files.getOrDefault(module, Map.of());
    }

    /** What was refused or missing, one sentence each. */
    List<String> notes() {
        return notes;
    }
}
