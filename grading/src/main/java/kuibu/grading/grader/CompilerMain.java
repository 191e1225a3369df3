package kuibu.grading.grader;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The compiler's JVM: compiles a list of jobs with the JDK's compiler and reports each one, so that
 * compiling a submission (whose source may be made to exhaust the compiler) happens under the limits
 * of a process of its own, never in the grader.
 *
 * <p>Arguments: the jobs file, the report file, the file of jobs already done. A job is one line:
 * id, output folder, class path and source files (both separated by the path separator), separated
 * by tabs. The report has lines {@code START id}, {@code ERROR id file line message} and
 * {@code END id ok|failed}, fields escaped as {@link TestRunnerMain#escape} does.
 */
public final class CompilerMain {

    private CompilerMain() {}

    public static void main(String[] args) throws IOException {
        List<String> jobs = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Set<String> done = new HashSet<>(Files.exists(Path.of(args[2])) ? Files.readAllLines(Path.of(args[2])) : List.of());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (PrintWriter report = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8), true)) {
            for (String job : jobs) {
                String[] f = job.split("\t", -1);
                if (done.contains(f[0])) {
                    continue;
                }
                report.println("START\t" + TestRunnerMain.escape(f[0]));
                boolean ok = compile(javac, f[0], Path.of(f[1]), f[2], f[3], report);
                report.println("END\t" + TestRunnerMain.escape(f[0]) + "\t" + (ok ? "ok" : "failed"));
            }
        }
        System.exit(0);
    }

    private static boolean compile(JavaCompiler javac, String id, Path out, String classpath, String sources, PrintWriter report)
            throws IOException {
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        for (String s : sources.split(File.pathSeparator)) {
            if (!s.isEmpty()) {
                files.add(Path.of(s));
            }
        }
        if (files.isEmpty()) {
            return true;
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8", "-nowarn", "-Xlint:none",
                "-Xmaxerrs", "100", "-implicit:none", "-d", out.toString(), "-classpath", classpath, "-sourcepath", "");
        StringWriter javacOutput = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(javacOutput, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            int errors = 0;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors++;
                    String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).toString();
                    report.println(String.join("\t", "ERROR", TestRunnerMain.escape(id), TestRunnerMain.escape(file),
                            String.valueOf(d.getLineNumber()),
                            TestRunnerMain.escape(d.getMessage(Locale.ROOT).lines().findFirst().orElse("").strip())));
                }
            }
            if (!ok && errors == 0) {
                report.println(String.join("\t", "ERROR", TestRunnerMain.escape(id), "", "0",
                        TestRunnerMain.escape(javacOutput.toString().strip())));
            }
            return ok;
        }
    }
}
