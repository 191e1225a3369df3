package kuibu.grading.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kuibu.grading.Course;
import kuibu.grading.grader.Grader;
import kuibu.grading.grader.Progress;
import kuibu.grading.grader.Reports;
import kuibu.tools.Cli;
import kuibu.tools.Steps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "progress", mixinStandardHelpOptions = true,
        header = "Show which exercises of your working copy are done.",
        description = {"For each chapter, every exercise, done or not, its points, and for each one not done the first"
                + " failure message of its tests (your hint).",
                "Runs the exercises' tests of your working copy the way the grader does."})
final class ProgressCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--course", paramLabel = "DIR", description = "Your working copy (default: the one around the current folder).")
    Path course;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", description = "Time limit of one test (default: ${DEFAULT-VALUE}).")
    int testTimeout = 30;

    @Option(names = "--exercise", paramLabel = "ID",
            description = "Check only this exercise (repeat for several); the exit code is then 0 when all of them pass, "
                    + "1 when one does not.")
    List<String> exercises = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (testTimeout < 1) {
            throw Cli.bad(spec, "--test-timeout must be at least 1, got " + testTimeout);
        }
        Course loaded = Course.load(KuibuCommand.courseRoot(course), false);
        if (!exercises.isEmpty()) {
            loaded = loaded.only(exercises);
        }
        var stdout = spec.commandLine().getOut();
        stdout.printf("Checking %s (%d exercise%s)...%n%n", loaded.root(), loaded.exercises().size(),
                loaded.exercises().size() == 1 ? "" : "s");
        Grader.SubmissionResult result;
        try (Steps steps = new Steps("progress", Progress.steps(loaded), spec.commandLine().getErr())) {
            result = Progress.check(loaded, new Grader.Options(testTimeout, 900, "1g", 1), steps::begin);
        }
        stdout.print(Reports.table(result, true));
        result.compileErrors().forEach((module, errors) -> stdout.printf("%n%s does not compile:%n  %s%n", module,
                errors.replace("\n", "\n  ")));
        boolean allPass = result.exercises().stream().allMatch(Grader.ExerciseResult::passed);
        return exercises.isEmpty() || allPass ? 0 : 1;
    }
}
