package kuibu.docs.jshell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kuibu.grading.jshell.JShellSession;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Cursor;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.Section;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.Treeprocessor;

/**
 * Evaluates the book's {@code [source,jshell]} blocks and shows each snippet's output under it.
 *
 * <p>Blocks run in document order in one JShell session per chapter (a level-1 section; the preface
 * is one too), on the class path given, so a chapter's snippets can build on each other but not on
 * another chapter's. Each piece of code is followed in the rendered block by what it printed and the
 * value of each expression, as {@code //=>} lines; if the author stated the output with {@code //=>}
 * lines, the actual output must match it ({@link OutputMatch}). A mismatch, an exception or a rejected
 * snippet is recorded as a {@link Failure} with file and line; the caller fails the build on them.
 *
 * <p>One instance can render several editions of the same book: the rendered text of each block is
 * kept, so the student's book shows the output of the reference code without running it again.
 */
public final class JShellBlocks extends Treeprocessor {

    /** A snippet that failed: where it is, and why. */
    public record Failure(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final String classpath;
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, String> rendered = new HashMap<>();
    private int evaluated;

    /** Snippets will see the classes on {@code classpath}. */
    public JShellBlocks(String classpath) {
        this.classpath = classpath;
    }

    /** Every failure so far, in document order. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** How many pieces of code were evaluated (not counting ones reused for a second edition). */
    public int evaluated() {
        return evaluated;
    }

    @Override
    public Document process(Document document) {
        Map<Object, Object> selector = new HashMap<>();
        selector.put("context", ":listing");
        Map<StructuralNode, Integer> ordinal = new IdentityHashMap<>();
        StructuralNode chapter = null;
        JShellSession session = null;
        boolean chapterFailed = false;
        try {
            for (StructuralNode node : document.findBy(selector)) {
                if (!(node instanceof Block block) || !"source".equals(block.getStyle())
                        || !"jshell".equals(block.getAttribute("language"))) {
                    continue;
                }
                StructuralNode owner = chapterOf(block);
                if (session == null || owner != chapter) {
                    if (session != null) {
                        session.close();
                    }
                    session = null;
                    chapter = owner;
                    chapterFailed = false;
                }
                int index = ordinal.merge(owner == null ? document : owner, 1, Integer::sum);
                String key = (owner == null ? "" : owner.getId() + "|" + owner.getTitle()) + "#" + index + "\n" + block.getSource();
                String text = rendered.get(key);
                if (text == null) {
                    if (chapterFailed) {
                        text = block.getSource(); // an earlier snippet failed: the rest of the chapter cannot run
                    } else {
                        if (session == null) {
                            session = new JShellSession(classpath);
                        }
                        text = run(session, block);
                        chapterFailed = text == null;
                        if (text == null) {
                            text = block.getSource();
                        }
                    }
                    rendered.put(key, text);
                }
                block.setSource(text);
                block.setAttribute("language", "java", true);
                block.addRole("jshell");
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
        return document;
    }

    /** The block's text with actual output under each piece, or null if a piece failed (recorded). */
    private String run(JShellSession session, Block block) {
        Cursor at = block.getSourceLocation();
        String file = at == null ? "?" : fileOf(at);
        int firstLine = at == null ? 0 : at.getLineNumber() + 1; // the block's location is its ---- line
        StringBuilder out = new StringBuilder();
        for (Snippets.Piece piece : Snippets.split(block.getLines())) {
            evaluated++;
            int line = firstLine + piece.line();
            List<String> codeLines = piece.code().lines().toList();
            List<JShellSession.Result> results = session.eval(piece.code());
            StringBuilder actual = new StringBuilder();
            for (JShellSession.Result result : results) {
                if (result.failed()) {
                    String first = result.source().lines().findFirst().orElse("").strip();
                    int offset = 0;
                    while (offset < codeLines.size() - 1 && !codeLines.get(offset).strip().equals(first)) {
                        offset++;
                    }
                    failures.add(new Failure(file, line + offset, "snippet\n    " + result.source().replace("\n", "\n    ")
                            + "\n  " + result.error()));
                    return null;
                }
                actual.append(result.printed());
                if (result.expression() && result.value() != null && !result.value().isEmpty()) {
                    if (actual.length() > 0 && actual.charAt(actual.length() - 1) != '\n') {
                        actual.append('\n');
                    }
                    actual.append(result.value()).append('\n');
                }
            }
            if (piece.expected() != null) {
                String mismatch = OutputMatch.mismatch(piece.expected(), actual.toString());
                if (mismatch != null) {
                    failures.add(new Failure(file, line + codeLines.size(), "output of\n    " + piece.code().strip().replace("\n", "\n    ")
                            + "\n  does not match its //=> lines: " + mismatch
                            + "\n  stated:\n    " + OutputMatch.normalise(piece.expected()).replace("\n", "\n    ")
                            + "\n  actual:\n    " + OutputMatch.normalise(actual.toString()).replace("\n", "\n    ")));
                    return null;
                }
            }
            out.append(piece.code().stripTrailing()).append('\n');
            actual.toString().stripTrailing().lines()
                    .forEach(l -> out.append(Snippets.OUTPUT_PREFIX).append(' ').append(l.stripTrailing()).append('\n'));
        }
        return out.toString().stripTrailing();
    }

    /** The absolute path of the file the cursor is in. */
    private static String fileOf(Cursor at) {
        java.nio.file.Path file = java.nio.file.Path.of(at.getFile() != null ? at.getFile() : at.getPath());
        if (!file.isAbsolute() && at.getDir() != null) {
            file = java.nio.file.Path.of(at.getDir()).resolve(file.getFileName());
        }
        return file.normalize().toString();
    }

    /** The level-1 section (chapter or preface) that holds {@code node}, or null before the first one. */
    private static StructuralNode chapterOf(StructuralNode node) {
        for (StructuralNode n = node; n != null; n = parentOf(n)) {
            if (n instanceof Section section && section.getLevel() <= 1) {
                return section;
            }
        }
        return null;
    }

    private static StructuralNode parentOf(StructuralNode node) {
        return node.getParent() instanceof StructuralNode parent && !(parent instanceof Document) ? parent : null;
    }
}
