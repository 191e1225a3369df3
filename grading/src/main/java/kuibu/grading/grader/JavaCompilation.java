package kuibu.grading.grader;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources in this JVM with the JDK's compiler ({@code javax.tools}), for Java 17, with
 * annotation processing off: compiling runs none of the code it compiles.
 */
final class JavaCompilation {

    /** The outcome: ok, or the compiler's errors as {@code file:line: message} lines. */
    record Result(boolean ok, String errors) {}

    private static final int MAX_ERRORS = 15;

    private JavaCompilation() {}

    /**
     * Compiles {@code sources} into {@code out} against {@code classpath}. {@code sourcepath} (or
     * null) lets the compiler pick up further sources the given ones need; {@code shownRelativeTo}
     * shortens file names in the messages.
     */
    static Result compile(List<Path> sources, List<Path> classpath, Path sourcepath, Path out, Path shownRelativeTo)
            throws IOException {
        return compile(sources, classpath, sourcepath, out, shownRelativeTo, "");
    }

    /** As above, naming files in messages as {@code shownPrefix} + their path relative to {@code shownRelativeTo}. */
    static Result compile(List<Path> sources, List<Path> classpath, Path sourcepath, Path out, Path shownRelativeTo,
                          String shownPrefix) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this Java runtime (" + System.getProperty("java.home")
                    + "): run the grader with a JDK, not a JRE");
        }
        Files.createDirectories(out);
        if (sources.isEmpty()) {
            return new Result(true, "");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-encoding", "UTF-8", "-nowarn",
                "-Xlint:none", "-Xmaxerrs", "100", "-d", out.toString(),
                "-classpath", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        if (sourcepath != null) {
            options.addAll(List.of("-sourcepath", sourcepath.toString(), "-implicit:class"));
        }
        StringWriter javacOutput = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(javacOutput, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(describe(d, shownRelativeTo, shownPrefix));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add(javacOutput.toString().strip());
            }
            String text = errors.stream().limit(MAX_ERRORS).collect(Collectors.joining("\n"))
                    + (errors.size() > MAX_ERRORS ? "\n... and " + (errors.size() - MAX_ERRORS) + " more errors" : "");
            return new Result(ok, ok ? "" : text);
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d, Path shownRelativeTo, String shownPrefix) {
        String file = "";
        if (d.getSource() != null) {
            Path path = Path.of(d.getSource().toUri());
            file = shownRelativeTo != null && path.startsWith(shownRelativeTo)
                    ? shownPrefix + shownRelativeTo.relativize(path).toString().replace('\\', '/')
                    : path.getFileName().toString();
            file += d.getLineNumber() > 0 ? ":" + d.getLineNumber() + ": " : ": ";
        }
        return file + d.getMessage(Locale.ROOT).lines().findFirst().orElse("").strip();
    }
}
