package kuibu.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the student edition: the course as students get it, every solution region replaced by a
 * {@code throw} that names the exercise and where the book states it.
 *
 * <p>The edition holds the course's files (git-tracked and untracked-but-not-ignored ones when the
 * course is a git work tree, else every file except build output), without instructor-only material:
 * {@link #INSTRUCTOR_ONLY}. The book's sources (the {@code docs} module) stay out too: the book is
 * built from the solutions, so the edition carries the student book rendered beforehand into
 * {@code docs/target/student-book}, when there is one, and the parent pom loses its {@code docs}
 * module. It is written into a fresh folder and has no git history, so no earlier solution can leak
 * through it. Last, the whole edition is scanned for solution text: see {@link SolutionScan}.
 */
public final class StudentEdition {

    /** Paths (relative, '/'-separated) never copied into the edition. */
    static final List<Pattern> INSTRUCTOR_ONLY = List.of(
            Pattern.compile("(.*/)?target/.*"),
            Pattern.compile("(.*/)?\\.git(/.*)?"),
            Pattern.compile("AUTHORING\\.adoc"),          // its examples show solutions
            Pattern.compile("\\.ci/.*"),                  // the instructors' CI expects every test to pass
            Pattern.compile("docs/.*"),                   // built from the solutions; the student book replaces it
            Pattern.compile("grading/gradescope/.*"),     // the autograder's setup
            Pattern.compile("grading/src/test/.*"),       // the tools' own tests: not the student's business
            Pattern.compile("\\.github/.*"),               // the instructor's CI; the edition gets a workflow of its own
            Pattern.compile("(.*/)?instructor(/.*)?"),
            Pattern.compile("(.*/)?[^/]*\\.instructor(\\.[^/]*)?"));

    /** Where the docs module renders the book without solution code. */
    public static final String STUDENT_BOOK = "docs/target/student-book";

    /** What was written. */
    public record Report(Path out, int files, int regions, boolean bookIncluded, List<String> notes) {}

    private StudentEdition() {}

    /** Writes the edition of {@code course} to {@code out}, which must not exist or be empty. */
    public static Report write(Course course, Path out) throws CourseException {
        Path target = out.toAbsolutePath().normalize();
        if (target.startsWith(course.root()) && !target.equals(course.root())) {
            Path rel = course.root().relativize(target);
            if (!rel.toString().startsWith("target") && !rel.toString().contains("/target")) {
                // writing inside the course would copy the edition into itself on the next run
                throw new CourseException("--out " + out + ": choose a folder outside the course (or under a target/ folder)");
            }
        }
        if (Files.exists(target) && !isEmptyDir(target)) {
            throw new CourseException("--out " + out + ": already exists and is not empty");
        }
        if (!course.hasSolutions()) {
            throw new CourseException(course.root() + ": has no solution regions: make the student edition from the instructor's course");
        }
        Path parent = target.getParent();
        Path temp;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new CourseException("--out " + out + ": cannot create (" + e.getMessage() + ")");
        }
        try {
            Report report = writeInto(course, temp, target);
            if (Files.exists(target)) {
                Files.delete(target);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return report;
        } catch (IOException e) {
            throw new CourseException("--out " + out + ": cannot write (" + e.getMessage() + ")");
        } finally {
            deleteTree(temp);
        }
    }

    private static Report writeInto(Course course, Path dir, Path finalOut) throws CourseException, IOException {
        Path root = course.root();
        List<String> notes = new ArrayList<>();
        int regions = 0;
        Set<String> stubbedFiles = new HashSet<>();
        for (Course.Chapter chapter : course.chapters()) {
            for (var entry : chapter.solutionFiles().entrySet()) {
                Path file = chapter.mainJava().resolve(entry.getKey());
                String rel = FileTrees.slashes(root.relativize(file));
                writeString(dir.resolve(rel), Stubs.stubbed(course, chapter, entry.getKey(), id -> true));
                stubbedFiles.add(rel);
                regions += entry.getValue().size();
            }
        }
        writeString(dir.resolve(Course.EXERCISE_METHODS), course.exerciseMethodsIndex());
        int files = stubbedFiles.size() + 1;
        writeString(dir.resolve("README.adoc"), resource("edition/README.adoc"));
        writeString(dir.resolve(".github/workflows/classroom.yml"), classroomWorkflow(course));
        files += 2;
        for (String rel : courseFiles(root)) {
            if (stubbedFiles.contains(rel) || isInstructorOnly(rel) || rel.equals("README.adoc")
                    || isTestThatNeedsSolutions(rel, root.resolve(rel))) {
                continue;
            }
            Path source = root.resolve(rel);
            Path copy = dir.resolve(rel);
            Files.createDirectories(copy.getParent());
            if (rel.equals("pom.xml")) {
                String pom = Files.readString(source, StandardCharsets.UTF_8);
                writeString(copy, pom.replaceAll("(?m)^[ \\t]*<module>docs</module>[ \\t]*\\R", ""));
            } else {
                Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
            files++;
        }
        Path book = root.resolve(STUDENT_BOOK);
        boolean bookIncluded = Files.isDirectory(book);
        if (bookIncluded) {
            files += FileTrees.copy(book, dir.resolve("book"));
        } else {
            notes.add("no student book at " + STUDENT_BOOK + ": render it first with './mvnw -B package -pl docs -am' "
                    + "(the docs module writes it there), then make the edition again to include it as book/");
        }
        List<String> leaks = SolutionScan.of(course).scan(dir);
        if (!leaks.isEmpty()) {
            throw new CourseException("solution text would leak into the student edition, nothing written:\n  "
                    + String.join("\n  ", leaks.subList(0, Math.min(20, leaks.size())))
                    + (leaks.size() > 20 ? "\n  ... and " + (leaks.size() - 20) + " more" : ""));
        }
        return new Report(finalOut, files, regions, bookIncluded, notes);
    }

    private static final Pattern CHAPTER_TEST = Pattern.compile("chapter\\d+-[^/]+/src/test/java/.+\\.java");
    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "@(org\\.junit\\.jupiter\\.(api|params)\\.)?(Test|TestFactory|ParameterizedTest|RepeatedTest|TestTemplate)\\b");

    /**
     * Whether {@code rel} is a chapter's test that is no exercise's: such tests (the chapter's own unit
     * tests, the check of its JShell scripts) need the solutions, so in the student edition they would fail
     * for reasons that are no exercise's. The edition keeps the exercise tests and the classes they use.
     */
    static boolean isTestThatNeedsSolutions(String rel, Path file) throws IOException {
        if (!CHAPTER_TEST.matcher(rel).matches()) {
            return false;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return !text.contains("@Exercise") && !text.contains("@kuibu.grading.Exercise") && TEST_ANNOTATION.matcher(text).find();
    }

    /**
     * GitHub Classroom's workflow for the edition: one step per exercise, worth its points, whose command
     * passes exactly when the exercise's tests pass ({@code progress --exercise}).
     */
    static String classroomWorkflow(Course course) {
        StringBuilder steps = new StringBuilder();
        StringBuilder env = new StringBuilder();
        List<String> runners = new ArrayList<>();
        for (Course.ExerciseDef e : course.exercises()) {
            String id = "exercise-" + e.id().replace('.', '-');
            runners.add(id);
            steps.append("      - name: ").append(yaml(e.name())).append('\n')
                    .append("        id: ").append(id).append('\n')
                    .append("        uses: classroom-resources/autograding-command-grader@v1\n")
                    .append("        with:\n")
                    .append("          test-name: ").append(yaml(e.name())).append('\n')
                    .append("          setup-command: \"\"\n")
                    .append("          command: java -jar grading/target/kuibu-grading.jar progress --exercise ").append(e.id()).append('\n')
                    .append("          timeout: 10\n")
                    .append("          max-score: ").append(e.points()).append('\n');
            env.append("          ").append(id.toUpperCase(java.util.Locale.ROOT)).append("_RESULTS: \"${{steps.").append(id)
                    .append(".outputs.result}}\"\n");
        }
        return resource("edition/classroom.yml").replace("{{steps}}", steps).replace("{{env}}", env)
                .replace("{{runners}}", String.join(",", runners));
    }

    private static String yaml(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "") + "\"";
    }

    /** A text file bundled with the tools (kuibu/grading/...). */
    static String resource(String name) {
        try (var in = StudentEdition.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the tools lack their resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isInstructorOnly(String rel) {
        return INSTRUCTOR_ONLY.stream().anyMatch(p -> p.matcher(rel).matches());
    }

    /** The course's files, relative with '/': from git when it can tell, else a walk of the tree. */
    static List<String> courseFiles(Path root) throws IOException {
        List<String> fromGit = gitFiles(root);
        if (fromGit != null) {
            return fromGit;
        }
        List<String> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                String name = d.getFileName() == null ? "" : d.getFileName().toString();
                boolean skip = !d.equals(root) && (name.equals("target") || name.equals(".git") || name.equals(".idea")
                        || name.equals(".vscode") || name.equals(".settings"));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                String name = f.getFileName().toString();
                if (attrs.isRegularFile() && !name.endsWith(".class") && !name.endsWith(".iml")) {
                    files.add(FileTrees.slashes(root.relativize(f)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private static List<String> gitFiles(Path root) {
        if (!Files.exists(root.resolve(".git"))) {
            return null;
        }
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z", "--cached", "--others",
                    "--exclude-standard").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] listing = git.getInputStream().readAllBytes();
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return null;
            }
            Set<String> files = new TreeSet<>();
            for (String name : new String(listing, StandardCharsets.UTF_8).split("\0")) {
                if (!name.isEmpty() && Files.isRegularFile(root.resolve(name))) {
                    files.add(name);
                }
            }
            return new ArrayList<>(files);
        } catch (IOException e) {
            return null; // no git: walk the tree instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static void writeString(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static boolean isEmptyDir(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes {@code dir} and everything in it, if it exists. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
