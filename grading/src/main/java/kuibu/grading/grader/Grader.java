package kuibu.grading.grader;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kuibu.grading.Course;
import kuibu.grading.CourseException;
import kuibu.grading.FileTrees;
import kuibu.grading.StudentEdition;
import kuibu.grading.jshell.JShellScripts;
import kuibu.grading.policy.Policy;

/**
 * Grades student working copies with the course's own tests, treating the student's code as an
 * adversary.
 *
 * <p>What decides a grade is out of the submission's reach. Of a submission only the bodies of the
 * exercises' methods are taken, each spliced into the course's own copy of its file, plus new files in
 * the chapter's own packages under names the course does not use ({@link ExerciseSources}). Each
 * exercise is graded on its own: its methods from the submission, every other exercise's from the
 * course's solutions, so a mistake costs the exercise it is in and nothing else. Its code is compiled
 * in a JVM of its own ({@link CompileJobs}); then the exercise's tests, the course's and never the
 * submission's, run in a test JVM in the {@link Sandbox}, and the grader counts only the tests the
 * course's own solutions pass ({@link Reference}), as the test JVM's signed report tells them. An
 * exercise earns its points when all of them pass.
 */
public final class Grader {

    /** How to grade: the test JVM's limits, how many submissions at once, and the sandbox. */
    public record Options(int testTimeoutSeconds, int totalTimeoutSeconds, String heap, int jobs, Sandbox.Mode sandbox,
                          String runAs, String compileHeap, int compileSeconds) {
        public Options(int testTimeoutSeconds, int totalTimeoutSeconds, String heap, int jobs) {
            this(testTimeoutSeconds, totalTimeoutSeconds, heap, jobs, Sandbox.Mode.AUTO, null, "768m", 240);
        }

        public static Options defaults() {
            return new Options(30, 600, "512m", Math.max(1, Runtime.getRuntime().availableProcessors()));
        }

        TestProcess.Limits limits() {
            return new TestProcess.Limits(testTimeoutSeconds, totalTimeoutSeconds, heap);
        }
    }

    /** One exercise's grade. {@code hint} is the first failure message (empty when it passed). */
    public record ExerciseResult(Course.ExerciseDef exercise, int score, int tests, int failedTests, String output,
                                 String hint) {
        public boolean passed() {
            return score == exercise.points();
        }
    }

    /**
     * One submission's grades, with notes on how it was graded (ignored changes, refused files) and the
     * sandbox its code ran in.
     */
    public record SubmissionResult(String name, Path dir, List<ExerciseResult> exercises, Map<String, String> compileErrors,
                                   List<String> notes, double seconds, String sandbox) {
        public int score() {
            return exercises.stream().mapToInt(ExerciseResult::score).sum();
        }

        public int maxScore() {
            return exercises.stream().mapToInt(e -> e.exercise().points()).sum();
        }

        public Map<String, Integer> scores() {
            Map<String, Integer> scores = new LinkedHashMap<>();
            exercises.forEach(e -> scores.put(e.exercise().id(), e.score()));
            return scores;
        }
    }

    /** Seconds the compiler may spend on one exercise's code. */
    static final int COMPILE_SECONDS = 60;

    private final Course course;
    private final Options options;
    private final List<Path> toolClasspath;
    private Path runDir;
    private Reference reference;
    private Sandbox sandbox;
    private TestOrder testOrder;
    private final Map<String, Policy> policies = new java.util.concurrent.ConcurrentHashMap<>();
    private List<Path> sandboxClasspath;

    /** What a run reports as it goes, for a progress display: the course checked, then each submission graded. */
    public interface Listener {
        /** The course is compiled and its tests have run on its own solutions: the submissions' turn. */
        default void courseReady() {}

        /** One submission is graded (called from the thread that graded it). */
        default void graded(SubmissionResult result) {}
    }

    private Listener listener = new Listener() {};

    /** Reports the run's progress to {@code listener}. */
    public Grader listener(Listener listener) {
        this.listener = listener;
        return this;
    }

    public Grader(Course course, Options options) {
        this(course, options, toolClasspath());
    }

    Grader(Course course, Options options, List<Path> toolClasspath) {
        this.course = course;
        this.options = options;
        this.toolClasspath = toolClasspath;
    }

    /**
     * The grader's own class path: the grading classes and every library the chapters use. From
     * {@code kuibu-grading.jar} that is the jar itself (it bundles them) plus any jars in a {@code lib}
     * folder beside it, for libraries a course adds later.
     */
    public static List<Path> toolClasspath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : JShellScripts.testClasspath().split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.exists(Path.of(entry))) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        for (Path entry : List.copyOf(entries)) {
            Path lib = entry.resolveSibling("lib");
            if (entry.toString().endsWith(".jar") && Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(entries::add);
                } catch (IOException e) {
                    // no extra libraries then
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(entries));
    }

    /**
     * Grades {@code submissions} (name to folder) in parallel, in the given order. Before any student
     * code runs, the course is compiled and its tests run on its own solutions; after the last, the course
     * folder is checked to be unchanged.
     */
    public List<SubmissionResult> gradeAll(Map<String, Path> submissions) throws IOException, InterruptedException, CourseException {
        start();
        listener.courseReady();
        try {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.jobs(), submissions.size())));
            try {
                List<Future<SubmissionResult>> futures = new ArrayList<>();
                for (Map.Entry<String, Path> s : submissions.entrySet()) {
                    futures.add(pool.submit(() -> {
                        SubmissionResult graded = grade(s.getKey(), s.getValue());
                        listener.graded(graded);
                        return graded;
                    }));
                }
                List<SubmissionResult> results = new ArrayList<>();
                for (Future<SubmissionResult> f : futures) {
                    try {
                        results.add(f.get());
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
                    }
                }
                String after = Reference.checksum(course.root());
                if (!after.equals(reference.checksum())) {
                    throw new CourseException(course.root() + ": the course folder changed while the submissions were graded: "
                            + "these grades cannot be trusted (was something else writing there?)");
                }
                return results;
            } finally {
                pool.shutdownNow();
            }
        } finally {
            StudentEdition.deleteTree(runDir);
            runDir = null;
        }
    }

    /** Compiles the course, learns the plan and finds the sandbox: once per run. */
    private void start() throws IOException, InterruptedException, CourseException {
        runDir = Files.createTempDirectory("kuibu-grade-");
        reference = Reference.of(course, toolClasspath, options.limits());
        testOrder = TestOrder.of(course);
        // an unprivileged user cannot read the grader's own class path where it lies (under /root, say): copy it
        sandboxClasspath = toolClasspath;
        if (Sandbox.dropsPrivileges(options.sandbox())) {
            sandboxClasspath = stage(toolClasspath, runDir.resolve("tool"));
            Sandbox.shareReadOnly(runDir.resolve("tool"));
            Sandbox.shareReadOnly(reference.dir());
        }
        sandbox = Sandbox.detect(options.sandbox(), options.runAs(), sandboxClasspath);
    }

    /** Copies the grader's class path where an unprivileged user can read it. */
    private static List<Path> stage(List<Path> classpath, Path dir) throws IOException {
        List<Path> staged = new ArrayList<>();
        int n = 0;
        for (Path entry : classpath) {
            Path copy = dir.resolve(n++ + "-" + entry.getFileName());
            if (Files.isDirectory(entry)) {
                FileTrees.copy(entry, copy);
            } else {
                Files.createDirectories(dir);
                Files.copy(entry, copy);
            }
            staged.add(copy);
        }
        return staged;
    }

    /**
     * Grades one submission. Whatever the submission holds (nothing, code that does not compile, code
     * that never stops, code that attacks the grader), this returns a grade for every exercise; an
     * exception here means a problem with the grader's own files (disk full, unreadable course).
     */
    private SubmissionResult grade(String name, Path path) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        Path work = Files.createDirectories(runDir.resolve("submissions").resolve(name));
        Submission submission = Submission.read(path, course);
        ExerciseSources sources = ExerciseSources.of(reference, submission);
        List<String> notes = new ArrayList<>(submission.notes());
        notes.addAll(sources.notes());

        // write the sources to compile: each written exercise's spliced files, and the chapters' new files
        Path src = work.resolve("src");
        Path build = work.resolve("build");
        List<CompileJobs.Job> jobs = new ArrayList<>();
        Map<String, ExerciseSources.Spliced> splicedByPath = new LinkedHashMap<>();
        Map<String, List<Path>> newFiles = new LinkedHashMap<>();
        for (Course.Chapter chapter : course.chapters()) {
            List<Path> written = new ArrayList<>();
            for (ExerciseSources.NewFile file : sources.newFiles(chapter.module())) {
                Path to = src.resolve("new").resolve(chapter.module()).resolve(file.file());
                writeFile(to, file.text());
                written.add(to);
            }
            newFiles.put(chapter.module(), written);
            for (Course.ExerciseDef def : chapter.exercises()) {
                ExerciseSources.Exercise exercise = sources.exercise(def.id());
                if (exercise.state() != ExerciseSources.State.WRITTEN) {
                    continue;
                }
                List<Path> files = new ArrayList<>(written);
                for (ExerciseSources.Spliced spliced : exercise.files()) {
                    Path to = src.resolve(def.id()).resolve(spliced.file());
                    writeFile(to, spliced.text());
                    files.add(to);
                    splicedByPath.put(to.toString(), spliced);
                }
                List<Path> classpath = new ArrayList<>(sandboxClasspath);
                classpath.addAll(reference.mainClasspath(chapter.module()));
                jobs.add(new CompileJobs.Job(def.id(), build.resolve(def.id()), classpath, files));
            }
        }
        if (sandbox.dropsPrivileges()) {
            Sandbox.shareReadOnly(src);
        }
        sandbox.prepareWritable(build);
        List<Path> visible = new ArrayList<>(reference.readable());
        visible.add(src);
        Map<String, CompileJobs.Result> compiled = CompileJobs.run(jobs, sandboxClasspath, options.compileHeap(),
                Math.min(COMPILE_SECONDS, options.compileSeconds()), options.compileSeconds(), build, sandbox, visible);
        sandbox.reclaim(build);

        // the tests of every exercise that compiled, each with its own class path, in one test JVM
        Map<String, TestProcess.Planned> plan = new LinkedHashMap<>();
        List<String> batch = new ArrayList<>();
        Map<String, String> compileErrors = new LinkedHashMap<>();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (Course.Chapter chapter : course.chapters()) {
            for (Course.ExerciseDef def : chapter.exercises()) {
                ExerciseSources.Exercise exercise = sources.exercise(def.id());
                if (exercise.state() == ExerciseSources.State.UNPARSABLE) {
                    compileErrors.put(def.id(), String.join("\n", exercise.problems()));
                }
                CompileJobs.Result result = compiled.get(def.id());
                if (result == null) {
                    continue;
                }
                if (!result.ok()) {
                    compileErrors.put(def.id(), describe(result.errors(), splicedByPath, chapter.module(), src));
                    continue;
                }
                List<Policy.Violation> refused = policies.computeIfAbsent(chapter.module(), this::policy)
                        .check(build.resolve(def.id()), def.id(), studentLines(exercise, sources.newFiles(chapter.module())));
                if (!refused.isEmpty()) {
                    violations.put(def.id(), refused.stream().map(v -> chapter.module() + "/src/main/java/" + v.describe()).toList());
                    continue;
                }
                reference.plan(def.id()).forEach((uid, test) -> plan.put(def.id() + "|" + uid, test));
                batch.add(String.join("\t", def.id(), def.id(),
                        reference.classpathFor(chapter.module(), build.resolve(def.id())).stream().map(Path::toString)
                                .collect(Collectors.joining(File.pathSeparator)),
                        String.join(",", def.testClasses())));
            }
        }
        List<TestProcess.Outcome> outcomes = List.of();
        if (!batch.isEmpty()) {
            Path run = work.resolve("run");
            Files.createDirectories(run);
            Path batchFile = work.resolve("batch.txt");
            Files.write(batchFile, batch, StandardCharsets.UTF_8);
            List<Path> testVisible = new ArrayList<>(reference.readable());
            testVisible.add(build);
            testVisible.add(batchFile);
            outcomes = TestProcess.runBatch(sandboxClasspath, batchFile, plan, options.limits(), run, sandbox, testVisible);
        }

        List<ExerciseResult> results = new ArrayList<>();
        for (Course.ExerciseDef def : course.exercises()) {
            results.add(judge(sources.exercise(def.id()), compileErrors.get(def.id()), violations.get(def.id()), outcomes));
        }
        return new SubmissionResult(name, submission.root() == null ? path : submission.root(), results, compileErrors, notes,
                (System.nanoTime() - begin) / 1e9, sandbox.description());
    }

    /** The policy for a chapter's exercises (the course's classes it may call depend on the chapter). */
    private Policy policy(String module) {
        try {
            return reference.policy(module);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Which lines of an exercise's compiled classes are the student's: the lines of its method bodies in
     * the spliced files, and every line of the submission's new files.
     */
    private static Policy.StudentLines studentLines(ExerciseSources.Exercise exercise, List<ExerciseSources.NewFile> newFiles) {
        Map<String, ExerciseSources.Spliced> spliced = new LinkedHashMap<>();
        exercise.files().forEach(f -> spliced.put(f.file(), f));
        java.util.Set<String> added = newFiles.stream().map(ExerciseSources.NewFile::file).collect(Collectors.toSet());
        return (source, line) -> {
            ExerciseSources.Spliced file = spliced.get(source);
            if (file != null) {
                return file.submittedLine(line);
            }
            return added.contains(source) ? line : -1;
        };
    }

    /** Compiler errors as the student knows the code: their file and line where the line is theirs. */
    private static String describe(List<CompileJobs.Error> errors, Map<String, ExerciseSources.Spliced> spliced, String module,
                                   Path src) {
        List<String> lines = new ArrayList<>();
        for (CompileJobs.Error e : errors) {
            if (lines.size() == 15) {
                lines.add("... and " + (errors.size() - 15) + " more errors");
                break;
            }
            if (e.file() == null) {
                lines.add(e.message());
                continue;
            }
            ExerciseSources.Spliced file = spliced.get(e.file().toString());
            String where;
            if (file != null) {
                int theirs = file.submittedLine((int) e.line());
                where = module + "/src/main/java/" + file.file() + (theirs > 0 ? ":" + theirs : " (the course's code, line " + e.line() + ")");
            } else if (e.file().startsWith(src.resolve("new"))) {
                Path rel = src.resolve("new").relativize(e.file());
                where = rel.getName(0) + "/src/main/java/" + FileTrees.slashes(rel.subpath(1, rel.getNameCount())) + ":" + e.line();
            } else {
                where = e.file().getFileName() + ":" + e.line();
            }
            lines.add(where + ": " + e.message());
        }
        return String.join("\n", lines);
    }

    private ExerciseResult judge(ExerciseSources.Exercise exercise, String compileError, List<String> violations,
                                 List<TestProcess.Outcome> outcomes) {
        Course.ExerciseDef def = exercise.def();
        switch (exercise.state()) {
            case MISSING -> {
                String problems = String.join("\n", exercise.problems());
                return new ExerciseResult(def, 0, 0, 0, "Not graded: " + problems, exercise.problems().get(0));
            }
            case UNPARSABLE -> {
                return new ExerciseResult(def, 0, 0, 0, "Not tested: your code for this exercise does not compile:\n" + compileError,
                        "your code does not compile: " + compileError.lines().findFirst().orElse(""));
            }
            case NOT_WRITTEN -> {
                String stub = "Exercise " + def.id() + " is yours to write: see " + def.where();
                return new ExerciseResult(def, 0, 0, 0, "not written yet: " + stub, "not written yet: " + stub);
            }
            default -> { }
        }
        if (compileError != null) {
            return new ExerciseResult(def, 0, 0, 0, "Not tested: your code for this exercise does not compile:\n" + compileError,
                    "your code does not compile: " + compileError.lines().findFirst().orElse(""));
        }
        if (violations != null) {
            return new ExerciseResult(def, 0, 0, 0, "Not tested: your code for this exercise uses what exercise code may not "
                    + "(it scores 0 until it does not):\n" + String.join("\n", violations),
                    "not allowed: " + violations.get(0));
        }
        return fromOutcomes(def, outcomes.stream().filter(o -> o.uid().startsWith(def.id() + "|")).toList(), testOrder);
    }

    /** The grade of an exercise whose tests ran: all its points when every one passed, else none, with what failed. */
    static ExerciseResult fromOutcomes(Course.ExerciseDef def, List<TestProcess.Outcome> mine, TestOrder order) {
        long failed = mine.stream().filter(o -> o.status() != TestProcess.Status.PASSED).count();
        if (mine.isEmpty()) {
            return new ExerciseResult(def, 0, 0, 0, "Not tested: none of its tests ran.", "none of its tests ran");
        }
        if (failed == 0) {
            return new ExerciseResult(def, def.points(), mine.size(), 0,
                    "All " + mine.size() + (mine.size() == 1 ? " test passed." : " tests passed."), "");
        }
        StringBuilder output = new StringBuilder(failed + " of " + mine.size() + " tests failed:");
        String hint = "";
        // the tests students have come first, so the hint is one they can reproduce, in the order their file states them
        List<TestProcess.Outcome> ordered = new ArrayList<>(mine);
        ordered.sort(java.util.Comparator.comparing((TestProcess.Outcome o) -> isHidden(o.uid()))
                .thenComparingInt(o -> order.lineOf(o.uid())));
        for (TestProcess.Outcome o : ordered) {
            if (o.status() != TestProcess.Status.PASSED) {
                String message = isHidden(o.uid()) ? HIDDEN_FAILURE : o.message();
                output.append("\n\n- ").append(isHidden(o.uid()) ? "a test you do not have" : o.name()).append("\n  ")
                        .append(message.replace("\n", "\n  "));
                if (hint.isEmpty()) {
                    hint = hintOf(message);
                }
            }
        }
        return new ExerciseResult(def, 0, mine.size(), (int) failed, output.toString(), hint);
    }

    /**
     * What a student reads of a hidden test that failed: not its message, which would tell the exact values
     * at its points (and so how to pass it without the formula).
     */
    static final String HIDDEN_FAILURE = "failed: a test the student edition does not have checks your result at other points "
            + "against exact values (to about 1e-12). A formula that is right everywhere passes it; one right only at the points "
            + "your tests use, or a numeric approximation of the derivative, does not.";

    /** Whether a test is one the student edition leaves out (its class is in an {@code instructor} package). */
    static boolean isHidden(String uid) {
        return uid.contains(".instructor.");
    }

    /**
     * The line of a failure message a student can act on. A Hamcrest failure reads "reason, Expected: ...,
     * but: ..."; its first line says what was expected in general, while the diagnosis (which component,
     * analytic against numeric, "off by a factor of 2") is in the "but:" part, so the hint is the reason
     * followed by that part.
     */
    static String hintOf(String message) {
        int expected = message.indexOf("Expected: ");
        int but = message.indexOf("\n     but: ");
        if (expected >= 0 && but > expected) {
            String reason = message.substring(0, expected).strip();
            String mismatch = message.substring(but + "\n     but: ".length()).strip();
            int end = mismatch.indexOf("\n    at ");
            mismatch = (end >= 0 ? mismatch.substring(0, end) : mismatch).replaceAll("\\s*\n\\s*", " ");
            return reason.isEmpty() ? mismatch : reason + ": " + mismatch;
        }
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("failed");
    }

    private static void writeFile(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
