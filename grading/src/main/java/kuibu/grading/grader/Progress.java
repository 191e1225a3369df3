package kuibu.grading.grader;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import kuibu.grading.Course;
import kuibu.grading.CourseException;
import kuibu.grading.FileTrees;
import kuibu.grading.JavaSource;
import kuibu.grading.SolutionMarkers;
import kuibu.grading.StudentEdition;
import kuibu.grading.policy.Policy;

/**
 * A student's view of their own working copy: every chapter compiled as it is, the exercise tests
 * run on it, and the same policy the grader applies. Unlike {@link Grader}, each exercise runs with the
 * student's own versions of the others (there are no solutions to put in their place), so a mistake in
 * an early exercise can show in a later one; the hint says so.
 */
public final class Progress {

    private Progress() {}

    /** Checks the working copy {@code course} (a student edition, or the instructor's course itself). */
    public static Grader.SubmissionResult check(Course course, Grader.Options options)
            throws IOException, InterruptedException, CourseException {
        return check(course, options, step -> { });
    }

    /** The number of steps {@link #check(Course, Grader.Options, Consumer)} reports: each chapter, then the tests. */
    public static int steps(Course course) {
        return course.chapters().size() + 1;
    }

    /** {@link #check(Course, Grader.Options)}, telling {@code step} what it begins: each chapter, then the tests. */
    public static Grader.SubmissionResult check(Course course, Grader.Options options, Consumer<String> step)
            throws IOException, InterruptedException, CourseException {
        long begin = System.nanoTime();
        List<Path> tool = Grader.toolClasspath();
        Path work = Files.createTempDirectory("kuibu-progress-");
        try {
            Map<String, String> compileErrors = new LinkedHashMap<>();
            Map<String, List<String>> violations = new LinkedHashMap<>();
            Map<String, String> changedTests = new LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            Map<String, Path> built = new LinkedHashMap<>();
            List<String> batch = new ArrayList<>();
            for (Course.Chapter chapter : course.chapters()) {
                step.accept("compiling " + chapter.module());
                Path dir = work.resolve(chapter.module());
                List<Path> classpath = new ArrayList<>(tool);
                course.dependencies(chapter, false).forEach(c -> {
                    if (built.containsKey(c.module())) {
                        classpath.add(built.get(c.module()));
                    }
                });
                Path classes = dir.resolve("classes");
                JavaCompilation.Result main = JavaCompilation.compile(Course.javaFiles(chapter.mainJava()), classpath, null, classes,
                        chapter.mainJava(), chapter.module() + "/src/main/java/");
                if (!main.ok()) {
                    compileErrors.put(chapter.module(), main.errors());
                    // later chapters still need this one: try it with every exercise stubbed again
                    classes = dir.resolve("stub-classes");
                    if (!JavaCompilation.compile(stubbed(course, chapter, dir.resolve("stub-src")), classpath, null, classes,
                            dir).ok()) {
                        notes.add(chapter.module() + " does not compile even with its exercises left out, so the chapters after it"
                                + " cannot be checked either: fix " + chapter.module() + " first");
                        for (Course.Chapter later : course.chapters().subList(course.chapters().indexOf(chapter) + 1,
                                course.chapters().size())) {
                            compileErrors.putIfAbsent(later.module(), "not checked: it builds on " + chapter.module()
                                    + ", which does not compile");
                        }
                        break;
                    }
                }
                FileTrees.copy(chapter.dir().resolve("src/main/resources"), classes);
                built.put(chapter.module(), classes);
                List<Path> mainPath = new ArrayList<>(classpath.subList(tool.size(), classpath.size()));
                mainPath.add(0, classes);
                List<Path> testPath = new ArrayList<>();
                testPath.add(classes);
                course.dependencies(chapter, true).forEach(c -> {
                    if (built.containsKey(c.module())) {
                        testPath.add(built.get(c.module()));
                    }
                });
                if (!main.ok() || chapter.exercises().isEmpty()) {
                    continue;
                }
                violations.putAll(policyCheck(course, chapter, mainPath, classes));
                for (Map.Entry<String, String> test : course.handedOutTests(chapter.module()).entrySet()) {
                    if (!Course.sha256(chapter.testJava().resolve(test.getKey())).equals(test.getValue())) {
                        String type = test.getKey().substring(0, test.getKey().length() - ".java".length()).replace('/', '.');
                        String shown = chapter.module() + "/src/test/java/" + test.getKey();
                        notes.add(shown + " is not the test the course handed out: the grader uses the course's");
                        chapter.exercises().stream().filter(e -> e.testClasses().contains(type)).forEach(e -> changedTests.put(e.id(),
                                shown + " was changed: restore it (git checkout -- " + shown + ") to see what the grader will see"));
                    }
                }
                List<String> types = chapter.exercises().stream().flatMap(e -> e.testClasses().stream()).distinct().toList();
                List<Path> testClasspath = new ArrayList<>(tool);
                testClasspath.addAll(testPath);
                Path tests = dir.resolve("test-classes");
                JavaCompilation.Result compiled = JavaCompilation.compile(
                        types.stream().map(t -> chapter.testJava().resolve(t.replace('.', '/') + ".java")).toList(),
                        testClasspath, chapter.testJava(), tests, course.root());
                if (!compiled.ok()) {
                    compileErrors.put(chapter.module(), "the course's tests do not compile against your code (did you change a "
                            + "class, method or signature the tests use?):\n" + compiled.errors());
                    continue;
                }
                FileTrees.copy(chapter.dir().resolve("src/test/resources"), tests);
                List<Path> path = new ArrayList<>();
                path.add(tests);
                path.addAll(testPath);
                batch.add(String.join("\t", chapter.module(), "",
                        path.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)), String.join(",", types)));
            }
            List<TestProcess.Outcome> outcomes = List.of();
            step.accept("running the exercises' tests");
            if (!batch.isEmpty()) {
                Path batchFile = work.resolve("batch.txt");
                Files.write(batchFile, batch, StandardCharsets.UTF_8);
                outcomes = TestProcess.runBatch(tool, batchFile, null, options.limits(), work.resolve("run"), Sandbox.none(), List.of());
            }
            List<Grader.ExerciseResult> results = new ArrayList<>();
            TestOrder order = TestOrder.of(course);
            for (Course.Chapter chapter : course.chapters()) {
                for (Course.ExerciseDef exercise : chapter.exercises()) {
                    results.add(changedTests.containsKey(exercise.id())
                            ? new Grader.ExerciseResult(exercise, 0, 0, 0, "Not counted: " + changedTests.get(exercise.id()),
                                    changedTests.get(exercise.id()))
                            : judge(exercise, compileErrors.get(chapter.module()), violations.get(exercise.id()), outcomes, order));
                }
            }
            return new Grader.SubmissionResult("progress", course.root(), results, compileErrors, notes,
                    (System.nanoTime() - begin) / 1e9, "none (your own code, on your own machine)");
        } finally {
            StudentEdition.deleteTree(work);
        }
    }

    /** The chapter with every exercise method's body replaced by the stub's throw, and no new files: what it was handed out as. */
    private static List<Path> stubbed(Course course, Course.Chapter chapter, Path into) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path file : Course.javaFiles(chapter.mainJava())) {
            String rel = FileTrees.slashes(chapter.mainJava().relativize(file));
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JavaSource source = JavaSource.parse(rel, text);
            StringBuilder out = new StringBuilder();
            int at = 0;
            List<Map.Entry<String, JavaSource.Body>> bodies = new ArrayList<>();
            chapter.exerciseMethods().forEach((id, methods) -> methods.stream().filter(m -> m.file().equals(rel))
                    .forEach(m -> source.method(m.key()).ifPresent(b -> bodies.add(Map.entry(id, b)))));
            bodies.sort(java.util.Comparator.comparingInt(e -> e.getValue().open()));
            for (Map.Entry<String, JavaSource.Body> e : bodies) {
                String where = chapter.exercises().stream().filter(x -> x.id().equals(e.getKey())).findFirst()
                        .map(Course.ExerciseDef::where).orElse("the book");
                out.append(text, at, e.getValue().open() + 1).append(' ')
                        .append(SolutionMarkers.throwStatement(e.getKey(), where)).append(' ');
                at = e.getValue().close();
            }
            out.append(text.substring(at));
            Path to = into.resolve(rel);
            Files.createDirectories(to.getParent());
            Files.writeString(to, out.toString(), StandardCharsets.UTF_8);
            files.add(to);
        }
        return files;
    }

    /**
     * The policy's verdict on each exercise of {@code chapter} as the grader will give it: the lines of the
     * exercise's methods in the student's files, and every line of files the course does not have.
     */
    private static Map<String, List<String>> policyCheck(Course course, Course.Chapter chapter, List<Path> classpath, Path classes)
            throws IOException {
        java.util.Set<String> courseFiles = new java.util.HashSet<>();
        course.chapters().forEach(c -> courseFiles.addAll(c.courseFiles()));
        Policy policy = Policy.forCourse(classpath, courseFiles::contains);
        Map<String, JavaSource> parsed = new LinkedHashMap<>();
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Course.ExerciseDef exercise : chapter.exercises()) {
            Map<String, List<JavaSource.Body>> bodies = new LinkedHashMap<>();
            for (Course.ExerciseMethod m : chapter.exerciseMethods().getOrDefault(exercise.id(), List.of())) {
                Path file = chapter.mainJava().resolve(m.file());
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                JavaSource source = parsed.computeIfAbsent(m.file(), f -> {
                    try {
                        return JavaSource.parse(f, Files.readString(file, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                source.method(m.key()).ifPresent(b -> bodies.computeIfAbsent(m.file(), k -> new ArrayList<>()).add(b));
            }
            List<Policy.Violation> refused = policy.check(classes, exercise.id(), (source, line) -> {
                if (!courseFiles.contains(source)) {
                    return line;
                }
                for (JavaSource.Body b : bodies.getOrDefault(source, List.of())) {
                    if (b.openLine() <= line && line <= b.closeLine()) {
                        return line;
                    }
                }
                return -1;
            });
            if (!refused.isEmpty()) {
                found.put(exercise.id(), refused.stream().map(v -> chapter.module() + "/src/main/java/" + v.describe()).toList());
            }
        }
        return found;
    }

    private static Grader.ExerciseResult judge(Course.ExerciseDef exercise, String compileError, List<String> violations,
                                               List<TestProcess.Outcome> outcomes, TestOrder order) {
        if (compileError != null) {
            return new Grader.ExerciseResult(exercise, 0, 0, 0, "Not tested: " + compileError,
                    "your code in " + exercise.module() + " does not compile: " + compileError.lines().findFirst().orElse(""));
        }
        if (violations != null) {
            return new Grader.ExerciseResult(exercise, 0, 0, 0, "Not counted: your code for this exercise uses what exercise code "
                    + "may not (the grader gives it 0 until it does not):\n" + String.join("\n", violations),
                    "not allowed: " + violations.get(0));
        }
        return Grader.fromOutcomes(exercise, outcomes.stream().filter(o -> o.exercise().equals(exercise.id())).toList(), order);
    }
}
