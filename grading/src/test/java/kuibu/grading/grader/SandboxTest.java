package kuibu.grading.grader;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kuibu.grading.StudentEdition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operating-system sandbox on its own, with code the policy never saw: a program that tries to write
 * the course, read another submission, reach the network and leave a process behind. Skipped, saying so,
 * where bubblewrap does not work (then the grader says so in every report too).
 */
class SandboxTest {

    private Path dir;

    @BeforeEach
    void makeFolders() throws Exception {
        dir = Files.createTempDirectory("kuibu-sandbox-test-");
    }

    @AfterEach
    void removeFolders() {
        StudentEdition.deleteTree(dir);
    }

    @Test
    void studentCodeReachesNothingButItsOwnScratchFolder() throws Exception {
        Sandbox sandbox = Sandbox.detect(Sandbox.Mode.AUTO, null, List.of());
        assumeTrue(sandbox.isolated(), "no operating-system sandbox here: " + sandbox.description());

        Path course = Files.createDirectories(dir.resolve("course"));
        Path solution = Files.writeString(course.resolve("Solution.java"), "the instructor's solution");
        Path other = Files.createDirectories(dir.resolve("other-submission"));
        Path secret = Files.writeString(other.resolve("Answer.java"), "another student's code");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        String marker = "kuibu-left-behind-" + ProcessHandle.current().pid();
        Path sleeper = Files.writeString(scratch.resolve(marker + ".sh"), "sleep 300\n");
        compileProbe(classes);
        Sandbox.shareReadOnly(classes);
        Sandbox.shareReadOnly(course);
        Sandbox.shareReadOnly(other);
        sandbox.prepareWritable(scratch);

        List<String> java = List.of(TestProcess.javaExecutable(), "-Xmx64m", "-cp", classes.toString(), "Probe", solution.toString(),
                secret.toString(), sleeper.toString());
        Process p = new ProcessBuilder(sandbox.wrap(java, List.of(classes), scratch)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out, p.waitFor(60, TimeUnit.SECONDS), equalTo(true));

        assertThat(out, containsString("write the course: refused"));
        assertThat(out, containsString("read another submission: refused"));
        assertThat(out, containsString("reach the network: refused"));
        assertThat(out, containsString("write its scratch folder: done"));
        assertThat(out, containsString("start a process: done"));
        assertThat(Files.readString(solution), equalTo("the instructor's solution"));
        Thread.sleep(500);
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            assertThat("processes left behind by the sandboxed code",
                    all.filter(h -> h.info().commandLine().orElse("").contains(marker)).map(ProcessHandle::pid).toList(), empty());
        }
    }

    private static void compileProbe(Path classes) throws Exception {
        Path source = classes.resolveSibling("probe-src").resolve("Probe.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                import java.nio.file.*;
                public class Probe {
                    interface Attempt { Object run() throws Exception; }
                    static void attempt(String what, Attempt a) {
                        try { a.run(); System.out.println(what + ": done"); }
                        catch (Throwable e) { System.out.println(what + ": refused (" + e + ")"); }
                    }
                    public static void main(String[] args) {
                        attempt("write the course", () -> Files.writeString(Path.of(args[0]), "overwritten"));
                        attempt("read another submission", () -> Files.readString(Path.of(args[1])));
                        attempt("reach the network", () -> {
                            try (var s = new java.net.Socket()) { s.connect(new java.net.InetSocketAddress("1.1.1.1", 80), 3000); }
                            return null; });
                        attempt("write its scratch folder", () -> Files.writeString(Path.of(args[2]).resolveSibling("mine.txt"), "ok"));
                        attempt("start a process", () -> new ProcessBuilder("setsid", "sh", args[2]).start());
                        try { Thread.sleep(300); } catch (InterruptedException e) { }
                    }
                }
                """);
        JavaCompilation.Result result = JavaCompilation.compile(List.of(source), List.of(), null, classes, source.getParent());
        assertThat(result.errors(), result.ok(), equalTo(true));
    }
}
