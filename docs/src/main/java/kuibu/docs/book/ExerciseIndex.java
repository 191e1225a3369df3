package kuibu.docs.book;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The book's index of exercises, generated at build time from the two places an exercise lives: its
 * statement in a chapter's text ({@code [[exercise-N.M]]} and {@code .Exercise N.M: Title}) and its
 * tests ({@code @Exercise(id = "N.M", points = P)} in {@code *ExerciseTest} classes). So the index
 * cannot list an exercise that does not exist or get its points wrong.
 */
final class ExerciseIndex {

    /** What the index knows about one exercise. */
    static final class Entry {
        final String id;
        String title;
        int points;
        final TreeSet<String> tests = new TreeSet<>();

        Entry(String id) {
            this.id = id;
        }
    }

    private static final Pattern ANCHOR = Pattern.compile("^\\[\\[exercise-(\\d+\\.\\d+)\\]\\]\\s*$");
    private static final Pattern TITLE = Pattern.compile("^\\.Exercise (\\d+\\.\\d+):?\\s*(.*)$");
    private static final Pattern ANNOTATION = Pattern.compile("@(?:kuibu\\.grading\\.)?Exercise\\s*\\(([^)]*)\\)");
    private static final Pattern ID = Pattern.compile("id\\s*=\\s*\"(\\d+\\.\\d+)\"");
    private static final Pattern POINTS = Pattern.compile("points\\s*=\\s*(\\d+)");

    private ExerciseIndex() {}

    /** The exercises of every chapter, by id in numeric order. */
    static Map<String, Entry> scan(Chapters chapters) throws IOException {
        Map<String, Entry> entries = new TreeMap<>(ExerciseIndex::compareIds);
        for (Chapters.Chapter chapter : chapters.all()) {
            if (chapter.written()) {
                List<String> lines = Files.readAllLines(chapter.text());
                for (int i = 0; i < lines.size(); i++) {
                    Matcher anchor = ANCHOR.matcher(lines.get(i));
                    if (anchor.matches()) {
                        Entry e = entries.computeIfAbsent(anchor.group(1), Entry::new);
                        Matcher title = i + 1 < lines.size() ? TITLE.matcher(lines.get(i + 1)) : null;
                        e.title = title != null && title.matches() ? title.group(2).strip() : "";
                    }
                }
            }
            Path tests = chapter.dir().resolve("src/test/java");
            if (Files.isDirectory(tests)) {
                try (Stream<Path> files = Files.walk(tests)) {
                    // the tests in instructor packages are the grader's, not shown in either edition of the book
                    for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> !tests.relativize(p).toString().replace('\\', '/').contains("/instructor/"))
                            .sorted().toList()) {
                        Matcher m = ANNOTATION.matcher(Files.readString(file));
                        while (m.find()) {
                            Matcher id = ID.matcher(m.group(1));
                            Matcher points = POINTS.matcher(m.group(1));
                            if (id.find()) {
                                Entry e = entries.computeIfAbsent(id.group(1), Entry::new);
                                e.points = Math.max(e.points, points.find() ? Integer.parseInt(points.group(1)) : 0);
                                e.tests.add(file.getFileName().toString().replaceFirst("\\.java$", ""));
                            }
                        }
                    }
                }
            }
        }
        return entries;
    }

    /** The index as an AsciiDoc table. */
    static String asciidoc(Map<String, Entry> entries) {
        StringBuilder out = new StringBuilder();
        if (entries.isEmpty()) {
            return "No exercises yet.\n";
        }
        out.append("[cols=\"3,1,3\",options=\"header\"]\n|===\n| Exercise | Points | Checked by\n\n");
        int total = 0;
        List<String> rows = new ArrayList<>();
        for (Entry e : entries.values()) {
            String name = e.title == null
                    ? "Exercise " + e.id + " (statement not written yet)"
                    : "<<exercise-" + e.id + ",Exercise " + e.id + (e.title.isEmpty() ? "" : ": " + e.title) + ">>";
            String tests = e.tests.isEmpty() ? "not tested yet"
                    : String.join(", ", e.tests.stream().map(t -> "`" + t + "`").toList());
            rows.add("| " + name + "\n| " + (e.tests.isEmpty() ? "–" : e.points) + "\n| " + tests + "\n");
            total += e.points;
        }
        out.append(String.join("\n", rows));
        out.append("\n| *Total* | *").append(total).append("* |\n|===\n");
        return out.toString();
    }

    private static int compareIds(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
