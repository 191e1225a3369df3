package kuibu.grading.grader;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import kuibu.grading.Course;
import kuibu.grading.CourseException;
import kuibu.grading.FileTrees;
import kuibu.grading.StudentEdition;
import kuibu.grading.Stubs;
import kuibu.grading.jshell.JShellScripts;

/**
 * Grades student working copies with the course's own tests.
 *
 * <p>For each chapter, in order, the submission's main sources are compiled on their own (against the
 * chapters before it and the course's libraries): a compile error costs that chapter's exercises
 * only, and the chapters after it are compiled against the chapter's stubbed edition instead. Files
 * holding solution regions, and any new files, come from the submission; every other course file
 * comes from the course, so a student cannot change the numeric referee or any test. Then the
 * course's exercise tests are compiled against those classes and run in a separate JVM (see
 * {@link TestProcess}). An exercise earns its points when all of its tests pass.
 */
public final class Grader {

    /** How to grade: the test JVM's limits and how many submissions at once. */
    public record Options(int testTimeoutSeconds, int totalTimeoutSeconds, String heap, int jobs) {
        public static Options defaults() {
            return new Options(30, 600, "512m", Math.max(1, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** One exercise's grade. {@code hint} is the first failure message (empty when it passed). */
    public record ExerciseResult(Course.ExerciseDef exercise, int score, int tests, int failedTests, String output,
                                 String hint) {
        public boolean passed() {
            return score == exercise.points();
        }
    }

    /** One submission's grades, with notes on how it was graded (ignored changes, missing files). */
    public record SubmissionResult(String name, Path dir, List<ExerciseResult> exercises, Map<String, String> compileErrors,
                                   List<String> notes, double seconds) {
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

    private final Course course;
    private final Options options;
    private final List<Path> toolClasspath;

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

    /** Grades {@code submissions} (name to folder) in parallel, in the given order. */
    public List<SubmissionResult> gradeAll(Map<String, Path> submissions) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.jobs(), submissions.size())));
        try {
            List<Future<SubmissionResult>> futures = new ArrayList<>();
            for (Map.Entry<String, Path> s : submissions.entrySet()) {
                futures.add(pool.submit(() -> grade(s.getKey(), s.getValue())));
            }
            List<SubmissionResult> results = new ArrayList<>();
            for (Future<SubmissionResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Grades one submission. Whatever the submission holds (nothing, code that does not compile, code
     * that never stops), this returns a grade for every exercise; an exception here means a problem
     * with the grader's own files (disk full, unreadable course).
     */
    public SubmissionResult grade(String name, Path submission) throws IOException, InterruptedException, CourseException {
        long start = System.nanoTime();
        Path root = Course.locateIn(submission);
        Path work = Files.createTempDirectory("kuibu-grade-");
        try {
            List<String> notes = new ArrayList<>();
            Map<String, String> compileErrors = new LinkedHashMap<>();
            Map<String, String> testProblems = new LinkedHashMap<>();
            List<Path> chapterClasses = new ArrayList<>();
            List<Path> testClasses = new ArrayList<>();
            List<String> classesToRun = new ArrayList<>();
            for (Course.Chapter chapter : course.chapters()) {
                Path chapterWork = work.resolve(chapter.module());
                Path sources = chapterWork.resolve("src");
                Path submitted = root.resolve(chapter.module()).resolve("src/main/java");
                if (!Files.isDirectory(submitted) && !chapter.exercises().isEmpty()) {
                    notes.add(chapter.module() + "/src/main/java is missing from the submission: its exercises are graded as not done");
                }
                assembleSources(chapter, submitted, sources, notes);
                List<Path> classpath = new ArrayList<>(toolClasspath);
                classpath.addAll(chapterClasses);
                Path classes = chapterWork.resolve("classes");
                JavaCompilation.Result main = JavaCompilation.compile(Course.javaFiles(sources), classpath, null, classes, sources,
                        chapter.module() + "/src/main/java/");
                if (!main.ok()) {
                    compileErrors.put(chapter.module(), main.errors());
                    // later chapters still need this one's classes: give them its stubbed edition
                    Path stubs = chapterWork.resolve("stub-src");
                    assembleSources(chapter, null, stubs, new ArrayList<>());
                    classes = chapterWork.resolve("stub-classes");
                    JavaCompilation.Result fallback = JavaCompilation.compile(Course.javaFiles(stubs), classpath, null, classes, stubs);
                    if (!fallback.ok()) {
                        throw new IllegalStateException("the course's own stubbed " + chapter.module() + " does not compile:\n"
                                + fallback.errors());
                    }
                }
                FileTrees.copy(chapter.dir().resolve("src/main/resources"), classes);
                chapterClasses.add(classes);
                if (!main.ok() || chapter.exercises().isEmpty()) {
                    continue;
                }
                compileTests(chapter, classpath, classes, chapterWork, testClasses, classesToRun, testProblems);
            }

            List<TestProcess.Outcome> outcomes = List.of();
            if (!classesToRun.isEmpty()) {
                List<Path> classpath = new ArrayList<>(chapterClasses);
                classpath.addAll(testClasses);
                classpath.addAll(toolClasspath);
                outcomes = TestProcess.run(classpath, classesToRun, List.of(),
                        new TestProcess.Limits(options.testTimeoutSeconds(), options.totalTimeoutSeconds(), options.heap()),
                        work.resolve("run"));
            }
            List<ExerciseResult> results = new ArrayList<>();
            for (Course.Chapter chapter : course.chapters()) {
                for (Course.ExerciseDef exercise : chapter.exercises()) {
                    results.add(judge(exercise, compileErrors.get(chapter.module()), testProblems.get(exercise.id()), outcomes));
                }
            }
            return new SubmissionResult(name, root, results, compileErrors, notes, (System.nanoTime() - start) / 1e9);
        } finally {
            StudentEdition.deleteTree(work);
        }
    }

    /**
     * Copies the chapter's sources to grade into {@code into}: from {@code submitted} (null: none) the
     * files holding solution regions and files the course does not have; the course's own version of
     * every other file; the stubbed version of a solution file the submission lacks.
     */
    private void assembleSources(Course.Chapter chapter, Path submitted, Path into, List<String> notes)
            throws IOException, CourseException {
        Path courseMain = chapter.mainJava();
        Set<String> courseFiles = new LinkedHashSet<>();
        for (Path file : Course.javaFiles(courseMain)) {
            String rel = FileTrees.slashes(courseMain.relativize(file));
            courseFiles.add(rel);
            Path target = into.resolve(rel);
            Files.createDirectories(target.getParent());
            Path theirs = submitted == null ? null : submitted.resolve(rel);
            if (chapter.solutionFiles().containsKey(rel)) {
                if (theirs != null && Files.isRegularFile(theirs)) {
                    Files.copy(theirs, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.writeString(target, Stubs.stubbed(course, chapter, rel, id -> true), StandardCharsets.UTF_8);
                    if (submitted != null && Files.isDirectory(submitted)) {
                        notes.add(chapter.module() + "/src/main/java/" + rel + " is missing: graded with the exercises in it not done");
                    }
                }
            } else {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                if (theirs != null && Files.isRegularFile(theirs) && Files.mismatch(file, theirs) != -1) {
                    notes.add(chapter.module() + "/src/main/java/" + rel
                            + " differs from the course's: it holds no exercise, so the grader used the course's version");
                }
            }
        }
        if (submitted != null && Files.isDirectory(submitted) && !submitted.equals(courseMain)) {
            for (Path file : Course.javaFiles(submitted)) {
                String rel = FileTrees.slashes(submitted.relativize(file));
                if (!courseFiles.contains(rel)) {
                    Path target = into.resolve(rel);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Compiles the course's exercise tests of {@code chapter} (never the submission's) against the
     * graded classes. If they do not compile together, each test file is tried on its own, so a changed
     * signature costs only the exercises whose tests use it.
     */
    private void compileTests(Course.Chapter chapter, List<Path> classpath, Path classes, Path chapterWork,
                              List<Path> testClasses, List<String> classesToRun, Map<String, String> testProblems)
            throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Course.ExerciseDef exercise : chapter.exercises()) {
            for (String type : exercise.testClasses()) {
                files.put(type, chapter.testJava().resolve(type.replace('.', '/') + ".java"));
            }
        }
        List<Path> testClasspath = new ArrayList<>(classpath);
        testClasspath.add(classes);
        Path out = chapterWork.resolve("test-classes");
        JavaCompilation.Result all = JavaCompilation.compile(List.copyOf(files.values()), testClasspath, chapter.testJava(),
                out, course.root());
        if (all.ok()) {
            FileTrees.copy(chapter.dir().resolve("src/test/resources"), out);
            testClasses.add(out);
            classesToRun.addAll(files.keySet());
            return;
        }
        int n = 0;
        for (Map.Entry<String, Path> file : files.entrySet()) {
            Path alone = chapterWork.resolve("test-classes-" + n++);
            JavaCompilation.Result one = JavaCompilation.compile(List.of(file.getValue()), testClasspath, chapter.testJava(),
                    alone, course.root());
            if (one.ok()) {
                FileTrees.copy(chapter.dir().resolve("src/test/resources"), alone);
                testClasses.add(alone);
                classesToRun.add(file.getKey());
            } else {
                for (Course.ExerciseDef exercise : chapter.exercises()) {
                    if (exercise.testClasses().contains(file.getKey())) {
                        testProblems.merge(exercise.id(), one.errors(), (a, b) -> a + "\n" + b);
                    }
                }
            }
        }
    }

    private static ExerciseResult judge(Course.ExerciseDef exercise, String compileError, String testProblem,
                                        List<TestProcess.Outcome> outcomes) {
        if (compileError != null) {
            return new ExerciseResult(exercise, 0, 0, 0, "Not tested: the code of " + exercise.module()
                    + " does not compile:\n" + compileError, "your code in " + exercise.module() + " does not compile");
        }
        if (testProblem != null) {
            return new ExerciseResult(exercise, 0, 0, 0, "Not tested: the course's tests for this exercise do not compile "
                    + "against your code (did you change a class, method or signature the tests use?):\n" + testProblem,
                    "the tests do not compile against your code: " + testProblem.lines().findFirst().orElse(""));
        }
        List<TestProcess.Outcome> mine = outcomes.stream().filter(o -> o.exercise().equals(exercise.id())).toList();
        long failed = mine.stream().filter(TestProcess.Outcome::failed).count();
        long passed = mine.stream().filter(o -> o.status() == TestProcess.Status.PASSED).count();
        if (mine.isEmpty() || passed == 0 && failed == 0) {
            return new ExerciseResult(exercise, 0, 0, 0, "Not tested: none of its tests ran.", "none of its tests ran");
        }
        if (failed == 0) {
            return new ExerciseResult(exercise, exercise.points(), mine.size(), 0,
                    "All " + mine.size() + (mine.size() == 1 ? " test passed." : " tests passed."), "");
        }
        StringBuilder output = new StringBuilder(failed + " of " + mine.size() + " tests failed:");
        String hint = "";
        for (TestProcess.Outcome o : mine) {
            if (o.failed()) {
                output.append("\n\n- ").append(o.name()).append("\n  ").append(o.message().replace("\n", "\n  "));
                if (hint.isEmpty()) {
                    hint = o.message().lines().findFirst().orElse("failed");
                }
            }
        }
        return new ExerciseResult(exercise, 0, mine.size(), (int) failed, output.toString(), hint);
    }

}
