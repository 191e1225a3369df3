package kuibu.grading.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kuibu.grading.Course;
import kuibu.grading.grader.Grader;
import kuibu.grading.grader.StubCheck;
import kuibu.tools.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check-stubs", mixinStandardHelpOptions = true,
        header = "Check that every exercise's tests fail on its stub.",
        description = {"For authors: an exercise nobody can fail grades nothing. Each exercise in turn is replaced by its"
                + " stub, alone, and its tests run. Exit code 1 if one does not fail."})
final class CheckStubsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--course", paramLabel = "DIR", description = "The instructor's course (default: the one around the current folder).")
    Path course;

    @Option(names = "--jobs", paramLabel = "N", description = "Exercises checked at once (default: ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        if (jobs < 1) {
            throw Cli.bad(spec, "--jobs must be at least 1, got " + jobs);
        }
        Course loaded = Course.load(KuibuCommand.courseRoot(course), true);
        List<StubCheck.Finding> findings = StubCheck.run(loaded, new Grader.Options(30, 600, "512m", jobs));
        var stdout = spec.commandLine().getOut();
        int bad = 0;
        for (StubCheck.Finding f : findings) {
            stdout.printf("%s %-5s %s%n", f.failsOnStub() ? "ok " : "BAD", f.exercise().id(), f.detail());
            bad += f.failsOnStub() ? 0 : 1;
        }
        stdout.println(bad == 0 ? "Every exercise fails on its stub." : bad + " exercise(s) do not fail on their stub.");
        return bad == 0 ? 0 : 1;
    }
}
