package kuibu.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the solution regions of a source file and replaces them with stubs.
 *
 * <p>A solution region is the code between a line {@code // BEGIN SOLUTION <id>} and the next line
 * {@code // END SOLUTION}; the id names an exercise, such as {@code 1.2}. The student edition keeps
 * everything outside the regions and replaces each region, markers included, with one
 * {@code throw} statement. Regions therefore end a method body (nothing may follow the throw in
 * the same block), and they cannot nest.
 *
 * <p>Markers are checked strictly, because a marker the tool misreads would leak a solution to
 * students: any line that mentions {@code BEGIN SOLUTION} or {@code END SOLUTION} but is not exactly
 * one of the two forms, an unbalanced or a nested marker, is an error naming file and line.
 */
public final class SolutionMarkers {

    private static final Pattern BEGIN = Pattern.compile("^(\\s*)// BEGIN SOLUTION (\\d+\\.\\d+)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\s*$");
    private static final Pattern ANY_MARKER = Pattern.compile("(BEGIN|END)\\s+SOLUTION");

    /** One solution region; lines are numbered from 1 and include the two marker lines. */
    public record Region(String id, int beginLine, int endLine, String indent) {}

    /** A malformed marker, reported as {@code file:line: message}. */
    public static final class MarkerException extends Exception {
        private static final long serialVersionUID = 1L;

        public MarkerException(String file, int line, String message) {
            super(file + ":" + line + ": " + message);
        }
    }

    private SolutionMarkers() {}

    /** The regions of {@code lines}, in order; {@code file} only names the source in errors. */
    public static List<Region> find(String file, List<String> lines) throws MarkerException {
        List<Region> regions = new ArrayList<>();
        String openId = null;
        String openIndent = null;
        int openLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            Matcher begin = BEGIN.matcher(line);
            if (begin.matches()) {
                if (openId != null) {
                    throw new MarkerException(file, lineNo, "nested BEGIN SOLUTION " + begin.group(2)
                            + " inside solution " + openId + " opened at line " + openLine);
                }
                openId = begin.group(2);
                openIndent = begin.group(1);
                openLine = lineNo;
            } else if (END.matcher(line).matches()) {
                if (openId == null) {
                    throw new MarkerException(file, lineNo, "END SOLUTION without a BEGIN SOLUTION");
                }
                regions.add(new Region(openId, openLine, lineNo, openIndent));
                openId = null;
            } else if (ANY_MARKER.matcher(line).find()) {
                throw new MarkerException(file, lineNo, "malformed solution marker '" + line.strip()
                        + "': write '// BEGIN SOLUTION <chapter>.<n>' or '// END SOLUTION' on a line of its own");
            }
        }
        if (openId != null) {
            throw new MarkerException(file, openLine, "BEGIN SOLUTION " + openId + " is never closed by END SOLUTION");
        }
        return regions;
    }

    /**
     * {@code lines} with every region replaced by the single line {@code stubFor.apply(region)},
     * indented like the region's BEGIN marker.
     */
    public static List<String> replaceRegions(String file, List<String> lines, Function<Region, String> stubFor)
            throws MarkerException {
        List<String> out = new ArrayList<>(lines.size());
        int next = 0;
        for (Region region : find(file, lines)) {
            out.addAll(lines.subList(next, region.beginLine() - 1));
            out.add(region.indent() + stubFor.apply(region));
            next = region.endLine();
        }
        out.addAll(lines.subList(next, lines.size()));
        return out;
    }

    /**
     * {@code lines} with the regions that {@code which} accepts replaced as by
     * {@link #replaceRegions(String, List, Function)}; the other regions stay as they are, markers
     * included. The self-check uses it to stub one exercise at a time.
     */
    public static List<String> replaceRegions(String file, List<String> lines, java.util.function.Predicate<Region> which,
                                              Function<Region, String> stubFor) throws MarkerException {
        List<String> out = new ArrayList<>(lines.size());
        int next = 0;
        for (Region region : find(file, lines)) {
            if (!which.test(region)) {
                continue;
            }
            out.addAll(lines.subList(next, region.beginLine() - 1));
            out.add(region.indent() + stubFor.apply(region));
            next = region.endLine();
        }
        out.addAll(lines.subList(next, lines.size()));
        return out;
    }

    /** The statement a student finds in place of a solution: it names the exercise and the book section. */
    public static String throwStatement(String id, String where) {
        String message = "Exercise " + id + " is yours to write: see " + where;
        return "throw new UnsupportedOperationException(\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\");";
    }
}
