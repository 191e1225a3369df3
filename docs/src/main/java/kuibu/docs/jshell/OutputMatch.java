package kuibu.docs.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a snippet's output is the output its {@code //=>} lines state.
 *
 * <p>Text is compared after normalising white space (runs of blanks become one, lines are trimmed,
 * blank lines at either end dropped). Numbers are compared as numbers with a relative tolerance,
 * because the same double prints differently on different JDKs ({@code Double.toString} changed in
 * JDK 19) and because the author writes what matters, not seventeen digits.
 */
public final class OutputMatch {

    /** Relative tolerance for numbers: a wrong derivative is off by far more, a JDK's printing by far less. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?|[-+]?Infinity|NaN");

    private OutputMatch() {}

    /** Null when {@code actual} matches {@code expected}, else a sentence saying where they differ. */
    public static String mismatch(String expected, String actual) {
        List<String> want = tokens(expected);
        List<String> got = tokens(actual);
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            if (!same(want.get(i), got.get(i))) {
                return "expected '" + want.get(i) + "' but got '" + got.get(i) + "'";
            }
        }
        if (want.size() != got.size()) {
            return want.size() > got.size()
                    ? "output ends before the expected '" + want.get(got.size()) + "'"
                    : "output goes on with '" + got.get(want.size()) + "', not stated";
        }
        return null;
    }

    /** Normalised text: trimmed lines, single blanks, no blank lines at the ends. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").lines().map(line -> line.strip().replaceAll("\\s+", " "))
                .reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    /** The normalised text cut into numbers and the text between them. */
    static List<String> tokens(String text) {
        String normal = normalise(text);
        List<String> tokens = new ArrayList<>();
        Matcher m = NUMBER.matcher(normal);
        int last = 0;
        while (m.find()) {
            // a digit run inside a word ("x2", "v13") is text, not a number
            if (m.start() > 0 && Character.isLetter(normal.charAt(m.start() - 1)) && !m.group().startsWith("I")
                    && !m.group().startsWith("N")) {
                continue;
            }
            if (m.start() > last) {
                tokens.add(normal.substring(last, m.start()));
            }
            tokens.add(m.group());
            last = m.end();
        }
        if (last < normal.length()) {
            tokens.add(normal.substring(last));
        }
        return tokens;
    }

    private static boolean same(String want, String got) {
        if (want.equals(got)) {
            return true;
        }
        Double a = number(want);
        Double b = number(got);
        if (a == null || b == null) {
            return false;
        }
        if (a.isNaN() || b.isNaN() || a.isInfinite() || b.isInfinite()) {
            return a.equals(b);
        }
        return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    private static Double number(String token) {
        if (!NUMBER.matcher(token).matches()) {
            return null;
        }
        return Double.valueOf(token);
    }
}
