package kuibu.grading.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kuibu.grading.Course;
import kuibu.grading.CourseException;
import kuibu.grading.grader.Grader;
import kuibu.grading.grader.Reports;
import kuibu.grading.grader.Sandbox;
import kuibu.tools.AtomicFiles;
import kuibu.tools.Cli;
import kuibu.tools.Steps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "grade", mixinStandardHelpOptions = true,
        abbreviateSynopsis = true,
        header = "Grade students' submissions with the course's own tests.",
        description = {"Grades student working copies with the course's own tests (never the submission's): each exercise"
                + " compiled on its own, the tests run in a separate JVM with a heap limit and timeouts.",
                "Writes OUT/<submission>/results.json (Gradescope's format) and OUT/<submission>/feedback.txt for each"
                + " submission and OUT/gradebook.csv for the run."})
final class GradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--submission", paramLabel = "DIR", description = "A student's working copy (repeat for several).")
    List<Path> submissions = new ArrayList<>();

    @Option(names = "--submissions-in", paramLabel = "DIR", description = "A folder whose every subfolder is one submission.")
    Path submissionsIn;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the results.")
    Path out;

    @Option(names = "--course", paramLabel = "DIR",
            description = "The instructor's course, whose tests grade (default: the one around the current folder or the jar).")
    Path course;

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once (default: the number of cores, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--test-timeout", paramLabel = "SECONDS", description = "Time limit of one test (default: ${DEFAULT-VALUE}).")
    int testTimeout = 30;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Time limit of all tests of one submission (default: ${DEFAULT-VALUE}).")
    int timeLimit = 600;

    @Option(names = "--heap", paramLabel = "SIZE", description = "Heap limit of the test JVM (default: ${DEFAULT-VALUE}).")
    String heap = "512m";

    @Option(names = "--compile-heap", paramLabel = "SIZE",
            description = "Heap limit of the compiler's JVM (default: ${DEFAULT-VALUE}).")
    String compileHeap = "768m";

    @Option(names = "--compile-time-limit", paramLabel = "SECONDS",
            description = "Time limit of compiling all of one submission's code (default: ${DEFAULT-VALUE}).")
    int compileTimeLimit = 240;

    @Option(names = "--visibility", paramLabel = "WHEN",
            description = "When students see their results on Gradescope: visible, after_due_date, after_published or hidden "
                    + "(default: ${DEFAULT-VALUE}).")
    String visibility = "visible";

    @Option(names = "--exercise-visibility", paramLabel = "ID=WHEN",
            description = "The same for one exercise, e.g. 5.3=after_due_date (repeatable).")
    Map<String, String> exerciseVisibility = new LinkedHashMap<>();

    @Option(names = "--sandbox", paramLabel = "MODE",
            description = "auto: run student code in bubblewrap where it works, else say so in every report; required: "
                    + "refuse to grade without it; off: never (default: ${DEFAULT-VALUE}).")
    String sandbox = "auto";

    @Option(names = "--run-as", paramLabel = "USER",
            description = "When the grader runs as root: the unprivileged user student code runs as (default: nobody).")
    String runAs;

    @Option(names = "--gradescope-results", paramLabel = "FILE",
            description = "Also write the (single) submission's results.json here, e.g. /autograder/results/results.json.")
    Path gradescopeResults;

    @Override
    public Integer call() throws Exception {
        for (Object[] limit : new Object[][] {{"--jobs", jobs}, {"--test-timeout", testTimeout}, {"--time-limit", timeLimit},
                {"--compile-time-limit", compileTimeLimit}}) {
            if ((int) limit[1] < 1) {
                throw Cli.bad(spec, limit[0] + " must be at least 1, got " + limit[1]);
            }
        }
        if (!heap.matches("\\d+[kKmMgG]?")) {
            throw Cli.bad(spec, "--heap " + heap + ": expected a size such as 512m or 2g");
        }
        if (!compileHeap.matches("\\d+[kKmMgG]?")) {
            throw Cli.bad(spec, "--compile-heap " + compileHeap + ": expected a size such as 512m or 2g");
        }
        if (!Reports.VISIBILITIES.contains(visibility)) {
            throw Cli.bad(spec, "--visibility " + visibility + ": expected one of " + String.join(", ", Reports.VISIBILITIES)
                    + Cli.didYouMean(visibility, Reports.VISIBILITIES));
        }
        for (Map.Entry<String, String> e : exerciseVisibility.entrySet()) {
            if (!Reports.VISIBILITIES.contains(e.getValue())) {
                throw Cli.bad(spec, "--exercise-visibility " + e.getKey() + "=" + e.getValue() + ": expected one of "
                        + String.join(", ", Reports.VISIBILITIES) + Cli.didYouMean(e.getValue(), Reports.VISIBILITIES));
            }
        }
        Sandbox.Mode mode = switch (sandbox) {
            case "auto" -> Sandbox.Mode.AUTO;
            case "required" -> Sandbox.Mode.REQUIRED;
            case "off" -> Sandbox.Mode.OFF;
            default -> throw Cli.bad(spec, "--sandbox " + sandbox + ": expected auto, required or off"
                    + Cli.didYouMean(sandbox, List.of("auto", "required", "off")));
        };
        Map<String, Path> named = submissions();
        if (gradescopeResults != null && named.size() != 1) {
            throw new CourseException("--gradescope-results needs exactly one submission, got " + named.size());
        }
        Course loaded = Course.load(KuibuCommand.courseRoot(course), true);
        for (String id : exerciseVisibility.keySet()) {
            if (loaded.exercises().stream().noneMatch(e -> e.id().equals(id))) {
                throw new CourseException("--exercise-visibility " + id + ": no such exercise in " + loaded.root());
            }
        }
        // every file this run writes, checked before the grading (which takes minutes), not after it
        AtomicFiles.checkWritable(out.resolve("gradebook.csv"));
        for (String name : named.keySet()) {
            AtomicFiles.checkWritable(out.resolve(name).resolve("results.json"));
        }
        if (gradescopeResults != null) {
            AtomicFiles.checkWritable(gradescopeResults);
        }
        Grader grader = new Grader(loaded, new Grader.Options(testTimeout, timeLimit, heap, jobs, mode, runAs, compileHeap, compileTimeLimit));
        var stdout = spec.commandLine().getOut();
        stdout.printf("Grading %d submission(s) against %s (%d exercises, %d points), %d at a time...%n",
                named.size(), loaded.root(), loaded.exercises().size(), loaded.maxPoints(), Math.min(jobs, named.size()));
        stdout.flush();
        List<Grader.SubmissionResult> results;
        try (Steps steps = new Steps("grade", named.size() + 1, spec.commandLine().getErr())) {
            results = grader.listener(new Grader.Listener() {
                @Override
                public void courseReady() {
                    steps.done("the course's own solutions pass its tests");
                }

                @Override
                public void graded(Grader.SubmissionResult r) {
                    synchronized (steps) {
                        steps.done(r.name() + " graded: " + r.score() + "/" + r.maxScore());
                    }
                }
            }).gradeAll(named);
        }
        for (Grader.SubmissionResult r : results) {
            Path dir = out.resolve(r.name());
            String json = Reports.resultsJson(r, visibility, exerciseVisibility);
            Reports.writeAtomically(dir.resolve("results.json"), json);
            Reports.writeAtomically(dir.resolve("feedback.txt"), Reports.feedback(r));
            if (gradescopeResults != null) {
                Reports.writeAtomically(gradescopeResults, json);
            }
            stdout.printf("  %-30s %3d/%d  (%.0f s)%s%n", r.name(), r.score(), r.maxScore(), r.seconds(),
                    r.compileErrors().isEmpty() ? "" : "  does not compile: " + String.join(", ", r.compileErrors().keySet()));
        }
        results.stream().map(Grader.SubmissionResult::sandbox).distinct().forEach(s -> stdout.printf("Sandbox: %s%n", s));
        Reports.writeAtomically(out.resolve("gradebook.csv"), Reports.gradebook(loaded, results));
        stdout.printf("Wrote %s, and results.json and feedback.txt per submission.%n", out.resolve("gradebook.csv"));
        return 0;
    }

    /** The submissions by name (their folder's name, made unique), in the order given. */
    private Map<String, Path> submissions() throws CourseException, IOException {
        List<Path> all = new ArrayList<>(submissions);
        if (submissionsIn != null) {
            if (!Files.isDirectory(submissionsIn)) {
                throw new CourseException("--submissions-in " + submissionsIn + ": no such folder");
            }
            try (Stream<Path> children = Files.list(submissionsIn)) {
                children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(all::add);
            }
        }
        if (all.isEmpty()) {
            throw new CourseException("no submission: give --submission DIR (repeatable) or --submissions-in DIR");
        }
        Map<String, Path> named = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (Path p : all) {
            if (!Files.isDirectory(p)) {
                throw new CourseException("--submission " + p + ": no such folder");
            }
            if (submissionsIn != null && p.startsWith(submissionsIn) && Files.isSymbolicLink(p)) {
                throw new CourseException(p + ": a symbolic link in --submissions-in: copy the submission there instead");
            }
            Path name = p.toAbsolutePath().normalize().getFileName();
            String base = name == null ? "submission" : name.toString().replaceAll("[^\\w.-]", "_");
            if (base.equals("gradebook.csv") || base.startsWith(".")) {
                base = "submission-" + base;
            }
            String unique = base;
            for (int i = 2; !used.add(unique); i++) {
                unique = base + "-" + i;
            }
            named.put(unique, p);
        }
        return named;
    }
}
