package kuibu.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for solution text in a folder (a student edition): any line of a solution region that is
 * distinctive, meaning at least {@link #MIN_LENGTH} characters long and found nowhere in the
 * course's sources outside the solution regions, and any leftover solution marker. HTML is read as
 * its text, so a book that shows a solution in a highlighted listing is caught too.
 */
public final class SolutionScan {

    /** Shorter solution lines (a lone {@code return x;}) say too little to call a match a leak. */
    static final int MIN_LENGTH = 12;

    private static final Pattern MARKER = Pattern.compile("^\\s*//\\s*(BEGIN|END) SOLUTION");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** distinctive solution line (stripped) -> the exercise and place it comes from */
    private final Map<String, String> needles;

    private SolutionScan(Map<String, String> needles) {
        this.needles = needles;
    }

    /** A scan for the solutions of {@code course}. */
    public static SolutionScan of(Course course) throws CourseException {
        Set<String> common = new HashSet<>();
        Map<String, String> needles = new LinkedHashMap<>();
        for (Course.Chapter chapter : course.chapters()) {
            for (Path file : Course.javaFiles(chapter.dir().resolve("src"))) {
                String rel = chapter.mainJava().relativize(file).toString().replace('\\', '/');
                List<String> lines = Course.read(file).lines().toList();
                List<SolutionMarkers.Region> regions = file.startsWith(chapter.mainJava())
                        ? chapter.solutionFiles().getOrDefault(rel, List.of()) : List.of();
                boolean[] inRegion = new boolean[lines.size() + 1];
                for (SolutionMarkers.Region r : regions) {
                    for (int line = r.beginLine(); line <= r.endLine(); line++) {
                        inRegion[line - 1] = true;
                    }
                    for (int line = r.beginLine() + 1; line < r.endLine(); line++) {
                        String text = lines.get(line - 1).strip();
                        if (text.length() >= MIN_LENGTH) {
                            needles.putIfAbsent(text, "solution " + r.id() + " (" + course.root().relativize(file) + ":" + line + ")");
                        }
                    }
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (!inRegion[i]) {
                        common.add(lines.get(i).strip());
                    }
                }
            }
        }
        // lines of the course's other code (the tools, the book's code) are not evidence either
        try (Stream<Path> walk = Files.walk(course.root())) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = course.root().relativize(file).toString().replace('\\', '/');
                if (!rel.startsWith("chapter") && !rel.contains("target/") && !rel.startsWith(".git")) {
                    Course.read(file).lines().map(String::strip).forEach(common::add);
                }
            }
        } catch (IOException e) {
            throw new CourseException(course.root() + ": cannot scan (" + e.getMessage() + ")");
        }
        needles.keySet().removeAll(common);
        return new SolutionScan(needles);
    }

    /** The leaks found under {@code dir}, as {@code file:line: what}; empty when there are none. */
    public List<String> scan(Path dir) throws CourseException {
        List<String> leaks = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new CourseException(dir + ": cannot scan (" + e.getMessage() + ")");
        }
        for (Path file : files) {
            String rel = dir.relativize(file).toString().replace('\\', '/');
            String text = textOf(file);
            if (text == null) {
                continue;
            }
            boolean tooling = rel.startsWith("grading/src/"); // the marker tool's own code names the markers
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (!tooling && MARKER.matcher(line).find()) {
                    leaks.add(rel + ":" + (i + 1) + ": a solution marker is left here");
                }
                for (Map.Entry<String, String> needle : needles.entrySet()) {
                    if (line.contains(needle.getKey())) {
                        leaks.add(rel + ":" + (i + 1) + ": text of " + needle.getValue());
                        break;
                    }
                }
            }
        }
        return leaks;
    }

    /** The file's text (HTML without its tags and entities), or null for a binary file. */
    private static String textOf(Path file) throws CourseException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CourseException(file + ": cannot read (" + e.getMessage() + ")");
        }
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            text = TAG.matcher(text).replaceAll("").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&#8217;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
        }
        return text;
    }

    /** How many distinctive solution lines the scan looks for. */
    public int size() {
        return needles.size();
    }
}
