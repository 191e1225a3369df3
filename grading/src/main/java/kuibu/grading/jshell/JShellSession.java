package kuibu.grading.jshell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A JShell that evaluates course code the way a student's {@code jshell} would, and reports every
 * snippet it could not run.
 *
 * <p>Scripts ({@code jshell/*.jsh}) and the book's {@code [source,jshell]} blocks both go through
 * here, so a script or a worked number that no longer runs against the chapter's classes fails the
 * build instead of rotting.
 */
public final class JShellSession implements AutoCloseable {

    /**
     * What one snippet did: its source, the value it displayed (or null), what it printed, its error
     * (or null), and whether it was an expression (whose value a reader wants to see) rather than a
     * declaration such as {@code var x = 1;} (whose value the book does not repeat).
     */
    public record Result(String source, String value, String printed, String error, boolean expression) {
        public Result(String source, String value, String printed, String error) {
            this(source, value, printed, error, false);
        }

        public boolean failed() {
            return error != null;
        }
    }

    /** The imports the {@code jshell} tool starts with (its DEFAULT startup), so scripts behave the same here. */
    private static final List<String> DEFAULT_IMPORTS = List.of("java.io", "java.math", "java.net", "java.nio.file",
            "java.util", "java.util.concurrent", "java.util.function", "java.util.prefs", "java.util.regex", "java.util.stream");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final JShell shell;

    /** A fresh session whose snippets see the classes on {@code classpath}. */
    public JShellSession(String classpath) {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        shell = JShell.builder().out(out).err(out).build();
        if (!classpath.isBlank()) {
            shell.addToClasspath(classpath);
        }
        DEFAULT_IMPORTS.forEach(pkg -> shell.eval("import " + pkg + ".*;"));
    }

    /**
     * Evaluates {@code source} snippet by snippet, stopping at the first failure. Like the
     * {@code jshell} tool reading a file, it reads line by line and runs what it has as soon as it is
     * a complete snippet, so a bare expression on its own line needs no semicolon.
     */
    public List<Result> eval(String source) {
        List<Result> results = new ArrayList<>();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        StringBuilder pending = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            pending.append(line).append('\n');
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending.toString());
            while (info.completeness().isComplete()) {
                Result result = evalOne(info.source());
                results.add(result);
                if (result.failed()) {
                    return results;
                }
                pending.setLength(0);
                pending.append(info.remaining());
                info = analysis.analyzeCompletion(pending.toString());
            }
        }
        if (!pending.toString().isBlank()) {
            results.add(new Result(pending.toString().strip(), null, "", "incomplete snippet (missing ';', ')' or '}'?)"));
        }
        return results;
    }

    private Result evalOne(String snippet) {
        printed.reset();
        List<SnippetEvent> events = shell.eval(snippet);
        String error = null;
        String value = null;
        boolean expression = false;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a side effect on an earlier snippet, not this one's outcome
            }
            if (event.exception() != null) {
                error = describe(event.exception());
            } else if (event.status() == Snippet.Status.REJECTED) {
                error = "rejected: " + diagnostics(event.snippet());
            } else if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                error = "refers to something undefined: " + shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) event.snippet())
                        .collect(Collectors.joining(", "));
            } else if (event.value() != null && isValueKind(event.snippet())) {
                value = event.value();
                expression = isExpression(event.snippet());
            }
        }
        return new Result(snippet.strip(), value, printed.toString(StandardCharsets.UTF_8), error, expression);
    }

    /** A bare expression or an assignment, as opposed to a variable declaration. */
    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static boolean isValueKind(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION || snippet.kind() == Snippet.Kind.VAR;
    }

    private String diagnostics(Snippet snippet) {
        return shell.diagnostics(snippet).map(d -> d.getMessage(null)).map(String::strip)
                .collect(Collectors.joining("; "));
    }

    private static String describe(Exception exception) {
        String type = exception instanceof EvalException eval ? eval.getExceptionClassName() : exception.getClass().getName();
        return "threw " + type + ": " + exception.getMessage();
    }

    @Override
    public void close() {
        shell.close();
    }
}
