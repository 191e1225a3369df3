package kuibu.grading.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: help for every command, one clear line and exit code 2 for bad input. */
class KuibuCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return KuibuCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"student-edition", "grade", "progress", "check-stubs"}) {
            assertThat(command, run(command, "--help"), equalTo(0));
            assertThat(out.toString(), containsString("Usage: kuibu-grading " + command));
        }
    }

    @Test
    void aMissingSubmissionFolderIsOneLineAndExitCode2() {
        int code = run("grade", "--course", temp.toString(), "--submission", temp.resolve("nope").toString(),
                "--out", temp.resolve("out").toString());
        assertThat(code, equalTo(2));
        assertThat(err.toString(), containsString("nope: no such folder"));
        assertThat(err.toString().strip().lines().count(), equalTo(1L));
        assertThat(err.toString(), not(containsString("Exception")));
    }

    @Test
    void aFolderThatIsNoCourseIsExitCode2() {
        int code = run("student-edition", "--course", temp.toString(), "--out", temp.resolve("out").toString());
        assertThat(code, equalTo(2));
        assertThat(err.toString(), containsString("not a Kuibu course"));
    }

    @Test
    void aMissingOptionIsExitCode2() {
        assertThat(run("grade"), equalTo(2));
        assertThat(err.toString(), containsString("--out"));
    }
}
