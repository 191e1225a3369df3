package kuibu.grading.jshell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a chapter's {@code jshell/*.jsh} scripts as tests, so they keep working as the code changes.
 *
 * <p>A chapter's test is one line: {@code return JShellScripts.testsIn(Path.of("jshell"));} inside a
 * {@code @TestFactory}. Each script runs in a fresh JShell with the test classpath (the chapter's
 * classes and those it depends on); a rejected snippet or an exception fails the script's test with
 * the script name, the snippet and the reason.
 */
public final class JShellScripts {

    private JShellScripts() {}

    /** One dynamic test per {@code .jsh} file in {@code folder}, in name order. */
    public static Stream<DynamicTest> testsIn(Path folder) {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(folder)) {
            scripts = files.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list JShell scripts in " + folder.toAbsolutePath(), e);
        }
        if (scripts.isEmpty()) {
            throw new IllegalStateException("no .jsh scripts in " + folder.toAbsolutePath());
        }
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> run(script)));
    }

    /** Runs {@code script} and throws an {@link AssertionError} naming the first snippet that failed. */
    public static void run(Path script) throws IOException {
        String source = Files.readString(script, StandardCharsets.UTF_8);
        try (JShellSession session = new JShellSession(testClasspath())) {
            for (JShellSession.Result result : session.eval(withoutCommands(source))) {
                if (result.failed()) {
                    throw new AssertionError(script + ": snippet\n    " + result.source().replace("\n", "\n    ")
                            + "\n" + result.error());
                }
            }
        }
    }

    /**
     * The script without JShell commands such as {@code /exit}: they steer the interactive tool,
     * and a script may end with one, but they are not Java.
     */
    static String withoutCommands(String source) {
        return source.lines().map(line -> line.startsWith("/") ? "" : line)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** The classpath of the running tests: Surefire's, else the JVM's. */
    public static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }
}
