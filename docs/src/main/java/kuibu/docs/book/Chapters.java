package kuibu.docs.book;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The course's chapter modules, found as {@code chapterNN-slug} folders of the project root. A
 * chapter whose {@code chapter.adoc} is not written yet is still a chapter: the book leaves it out,
 * and references into it are not errors yet.
 */
record Chapters(List<Chapter> all) {

    /** One chapter module: its number, folder and anchor ({@code chapter-<slug>}). */
    record Chapter(int number, Path dir, String slug) {
        Path text() {
            return dir.resolve("chapter.adoc");
        }

        boolean written() {
            return Files.isRegularFile(text());
        }

        String anchor() {
            return "chapter-" + slug;
        }

        /** The chapter's title: its first level-1 section title, or the module name when not written. */
        String title() throws IOException {
            if (written()) {
                for (String line : Files.readAllLines(text())) {
                    if (line.startsWith("== ")) {
                        return line.substring(3).strip();
                    }
                }
            }
            return dir.getFileName().toString();
        }
    }

    private static final Pattern MODULE = Pattern.compile("chapter(\\d\\d)-([a-z0-9-]+)");

    static Chapters in(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return new Chapters(dirs.filter(Files::isDirectory)
                    .map(dir -> {
                        Matcher m = MODULE.matcher(dir.getFileName().toString());
                        return m.matches() ? new Chapter(Integer.parseInt(m.group(1)), dir, m.group(2)) : null;
                    })
                    .filter(c -> c != null)
                    .sorted((a, b) -> Integer.compare(a.number(), b.number()))
                    .toList());
        }
    }

    List<Chapter> written() {
        return all.stream().filter(Chapter::written).toList();
    }

    /** True when {@code id} points into a chapter not written yet: {@code chapter-<slug>} or {@code exercise-N.M}. */
    boolean pointsIntoUnwritten(String id) {
        for (Chapter c : all) {
            if (!c.written() && (id.equals(c.anchor()) || id.startsWith("exercise-" + c.number() + "."))) {
                return true;
            }
        }
        return false;
    }
}
