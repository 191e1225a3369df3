package kuibu.docs.jshell;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of one {@code [source,jshell]} block: each piece is some code and, if the author stated
 * it, the output that code must print, written as {@code //=>} lines right after it.
 */
final class Snippets {

    static final String OUTPUT_PREFIX = "//=>";

    /** Code, its first line's offset inside the block (0-based), and the stated output or null. */
    record Piece(String code, int line, String expected) {}

    private Snippets() {}

    static List<Piece> split(List<String> lines) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        StringBuilder expected = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean output = line.strip().startsWith(OUTPUT_PREFIX);
            if (output) {
                if (expected == null) {
                    expected = new StringBuilder();
                }
                String text = line.strip().substring(OUTPUT_PREFIX.length());
                expected.append(text.startsWith(" ") ? text.substring(1) : text).append('\n');
            } else {
                if (expected != null) {
                    pieces.add(new Piece(code.toString(), start, expected.toString()));
                    code.setLength(0);
                    expected = null;
                    start = i;
                }
                if (code.length() == 0 && line.isBlank()) {
                    start = i + 1;
                    continue;
                }
                code.append(line).append('\n');
            }
        }
        if (expected != null || !code.toString().isBlank()) {
            pieces.add(new Piece(code.toString(), start, expected == null ? null : expected.toString()));
        }
        return pieces;
    }
}
