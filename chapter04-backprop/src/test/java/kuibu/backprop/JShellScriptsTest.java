package kuibu.backprop;

import java.nio.file.Path;
import java.util.stream.Stream;
import kuibu.grading.jshell.JShellScripts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every script in {@code jshell/} runs without a rejected snippet or an exception. */
class JShellScriptsTest {

    @TestFactory
    Stream<DynamicTest> everyScriptRuns() {
        return JShellScripts.testsIn(Path.of("jshell"));
    }
}
