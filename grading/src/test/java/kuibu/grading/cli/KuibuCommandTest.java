package kuibu.grading.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

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

    @Test
    void theCommandListHasOneWholeSentencePerCommand() {
        assertThat(run("--help"), equalTo(0));
        String list = out.toString().substring(out.toString().indexOf("Commands:"));
        for (String line : list.lines().skip(1).takeWhile(l -> !l.isBlank()).toList()) {
            assertThat("one line per command: " + line, line.startsWith("   "), equalTo(false));
            assertThat("a whole sentence: " + line, line.endsWith("."), equalTo(true));
        }
        for (String command : new String[] {"", "student-edition", "grade", "progress", "check-stubs"}) {
            out.getBuffer().setLength(0);
            assertThat(command.isEmpty() ? run("--help") : run(command, "--help"), equalTo(0));
            for (String line : out.toString().lines().toList()) {
                assertThat("80 columns: " + line, line.length() <= 80, equalTo(true));
            }
        }
    }

    @Test
    void aMisspeltCommandOrOptionGetsASuggestionNotTheWholeUsage() {
        assertThat(run("grdae"), equalTo(2));
        assertThat(err.toString().lines().toList(), contains("kuibu-grading: 'grdae' is not a command; did you mean 'grade'?",
                "Try 'kuibu-grading --help'."));
        err.getBuffer().setLength(0);
        assertThat(run("grade", "--jbos", "2"), equalTo(2));
        assertThat(err.toString().lines().toList(), contains("kuibu-grading grade: unknown option '--jbos'; did you mean '--jobs'?",
                "Try 'kuibu-grading grade --help'."));
        assertThat(out.toString(), equalTo(""));
    }

    @Test
    void aBadValueIsOneLineNamingTheOptionThenAPointerToHelp() {
        assertThat(run("grade", "--submission", temp.toString(), "--out", temp.resolve("out").toString(), "--jobs", "0"),
                equalTo(2));
        assertThat(err.toString().lines().toList(), contains("kuibu-grading grade: --jobs must be at least 1, got 0",
                "Try 'kuibu-grading grade --help'."));
        err.getBuffer().setLength(0);
        assertThat(run("grade", "--submission", temp.toString(), "--out", temp.resolve("out").toString(), "--sandbox", "requird"),
                equalTo(2));
        assertThat(err.toString(), containsString("did you mean 'required'?"));
    }

    @Test
    void anUnwritableOutputFolderStopsGradingBeforeItStartsAndNamesThePathGiven() throws Exception {
        Path file = java.nio.file.Files.writeString(temp.resolve("a-file"), "not a folder");
        Path course = Path.of("..").toAbsolutePath().normalize();
        int code = run("grade", "--course", course.toString(), "--submission", temp.toString(),
                "--out", file.resolve("grades").toString());
        assertThat(err.toString(), code, equalTo(2));
        assertThat(out.toString(), equalTo(""));
        assertThat(err.toString().lines().count(), equalTo(1L));
        assertThat(err.toString(), containsString(file.resolve("grades").toString()));
        assertThat(err.toString(), not(containsString(".tmp")));
    }

    @Test
    void theVersionIsTheBuilds() {
        assertThat(run("--version"), equalTo(0));
        assertThat(out.toString(), startsWith("kuibu-grading " + System.getProperty("kuibu.version")));
        assertThat(out.toString(), not(containsString("${")));
    }
}
