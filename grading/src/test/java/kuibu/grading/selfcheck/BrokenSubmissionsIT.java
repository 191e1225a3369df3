package kuibu.grading.selfcheck;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kuibu.grading.Course;
import kuibu.grading.grader.Grader;
import kuibu.grading.grader.Reports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliberately broken submissions, made from the instructor's edition and graded in one run: each
 * must be graded (the grader does not fail) with exactly the points of the same submission with the
 * broken exercise merely stubbed, and feedback that says what happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenSubmissionsIT {

    @TempDir
    static Path temp;

    private Course course;
    private List<Course.ExerciseDef> targets;
    private Map<String, Grader.SubmissionResult> graded;

    @BeforeAll
    void gradeThemAll() throws Exception {
        // the first two chapters with exercises are enough to show that breakage stays where it is, and fast
        course = SelfCheck.course().firstChaptersWithExercises(2);
        // the first and the last exercise of the first chapter that has exercises: A for the loop, the compile
        // error, the tampering and the missing files; B for System.exit, the stack overflow and the memory hog
        Course.Chapter first = course.chapters().stream().filter(c -> !c.exercises().isEmpty()).findFirst().orElseThrow();
        Course.ExerciseDef a = first.exercises().get(0);
        Course.ExerciseDef b = first.exercises().get(first.exercises().size() - 1);
        targets = List.of(a, b, b, b);
        Path original = SelfCheck.copyChapters(course, temp.resolve("original"));

        Map<String, Path> submissions = new LinkedHashMap<>();
        for (Course.ExerciseDef target : targets) {
            String name = "stub-" + target.id();
            if (!submissions.containsKey(name)) {
                Path s = copy(original, name);
                SelfCheck.stub(course, s, target);
                submissions.put(name, s);
            }
        }
        Path loop = copy(original, "infinite-loop");
        SelfCheck.prepend(course, loop, targets.get(0), "while (Math.random() < 2) { }");
        submissions.put("infinite-loop", loop);

        Path exit = copy(original, "system-exit");
        SelfCheck.prepend(course, exit, targets.get(1), "System.exit(0);");
        submissions.put("system-exit", exit);

        Path overflow = copy(original, "stack-overflow");
        SelfCheck.prepend(course, overflow, targets.get(2), "java.util.function.IntUnaryOperator[] self = new java.util.function.IntUnaryOperator[1];"
                + " self[0] = n -> self[0].applyAsInt(n + 1) + 1; self[0].applyAsInt(0);");
        submissions.put("stack-overflow", overflow);

        Path memory = copy(original, "out-of-memory");
        SelfCheck.prepend(course, memory, targets.get(3), "java.util.List<long[]> hog = new java.util.ArrayList<>();"
                + " while (hog.size() >= 0) { hog.add(new long[1 << 20]); }");
        submissions.put("out-of-memory", memory);

        Path compileError = copy(original, "compile-error");
        SelfCheck.prepend(course, compileError, targets.get(0), "int broken = ;");
        submissions.put("compile-error", compileError);

        // the student stubs an exercise, makes every test of the course pass and "fixes" the referee: no gain
        Path tampered = copy(original, "tampered-tests");
        SelfCheck.stub(course, tampered, targets.get(0));
        try (Stream<Path> tests = Files.walk(tampered)) {
            for (Path test : tests.filter(p -> p.toString().contains("src/test/java") && p.toString().endsWith(".java")).toList()) {
                String pkg = Files.readAllLines(test).stream().filter(l -> l.startsWith("package ")).findFirst().orElse("");
                String type = test.getFileName().toString().replace(".java", "");
                Files.writeString(test, pkg + "\n@kuibu.grading.Exercise(id = \"" + targets.get(0).id() + "\", points = 99)\n"
                        + "class " + type + " { @org.junit.jupiter.api.Test void passes() { } }\n");
            }
        }
        Path regionFree = regionFreeMainFile(tampered, SelfCheck.chapterOf(course, targets.get(0)));
        SelfCheck.edit(regionFree, text -> text + "\n// tampered: everything matches now\n");
        submissions.put("tampered-tests", tampered);

        Path missing = copy(original, "missing-files");
        for (Path rel : SelfCheck.filesOf(course, targets.get(0))) {
            Files.delete(missing.resolve(rel));
        }
        Files.delete(regionFreeMainFile(missing, SelfCheck.chapterOf(course, targets.get(0))));
        submissions.put("missing-files", missing);

        List<Grader.SubmissionResult> results = new Grader(course, new Grader.Options(3, 300, "128m", 2)).gradeAll(submissions);
        graded = results.stream().collect(Collectors.toMap(Grader.SubmissionResult::name, Function.identity()));
    }

    @Test
    void infiniteLoopFailsOnlyWhatItTouches() {
        assertScoresLikeStub("infinite-loop", targets.get(0), "timed out");
    }

    @Test
    void systemExitFailsOnlyWhatItTouches() {
        assertScoresLikeStub("system-exit", targets.get(1), "System.exit");
    }

    @Test
    void stackOverflowFailsOnlyWhatItTouches() {
        assertScoresLikeStub("stack-overflow", targets.get(2), "StackOverflowError");
    }

    @Test
    void outOfMemoryFailsOnlyWhatItTouches() {
        assertScoresLikeStub("out-of-memory", targets.get(3), "out of memory");
    }

    @Test
    void tamperedTestsAndRefereeGainNothing() {
        assertScoresLikeStub("tampered-tests", targets.get(0), "Exercise " + targets.get(0).id() + " is yours to write");
        assertThat(Reports.feedback(graded.get("tampered-tests")), containsString("the grader used the course's version"));
    }

    @Test
    void missingFilesCountAsNotDone() {
        assertScoresLikeStub("missing-files", targets.get(0), "is missing");
        assertThat(Reports.feedback(graded.get("missing-files")), containsString("is missing"));
    }

    @Test
    void compileErrorCostsOnlyItsExercise() throws IOException {
        Grader.SubmissionResult result = graded.get("compile-error");
        String module = targets.get(0).module();
        assertThat(result.compileErrors(), hasKey(targets.get(0).id()));
        for (Grader.ExerciseResult e : result.exercises()) {
            int expected = e.exercise().id().equals(targets.get(0).id()) ? 0 : e.exercise().points();
            assertThat("compile-error, exercise " + e.exercise().id() + ": " + e.output(), e.score(), equalTo(expected));
        }
        String feedback = Reports.feedback(result);
        assertThat(feedback, containsString("illegal start of expression"));
        assertThat(feedback, containsString(module + "/src/main/java/"));
        assertThat(Reports.resultsJson(result), containsString("does not compile"));
    }

    private void assertScoresLikeStub(String name, Course.ExerciseDef target, String feedback) {
        Grader.SubmissionResult result = graded.get(name);
        Grader.SubmissionResult reference = graded.get("stub-" + target.id());
        assertThat(name + " scores like " + reference.name() + ":\n" + Reports.feedback(result), result.scores(),
                equalTo(reference.scores()));
        assertThat(result.score(), lessThan(course.maxPoints()));
        Grader.ExerciseResult broken = result.exercises().stream().filter(e -> e.exercise().id().equals(target.id())).findFirst().orElseThrow();
        assertThat(broken.score(), equalTo(0));
        assertThat(broken.output(), containsString(feedback));
    }

    private Path copy(Path original, String name) throws IOException {
        Path to = temp.resolve(name);
        try (Stream<Path> files = Files.walk(original)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path copy = to.resolve(original.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(f, copy);
                }
            }
        }
        return to;
    }

    private static Path regionFreeMainFile(Path submission, Course.Chapter chapter) {
        return Course.javaFiles(chapter.mainJava()).stream()
                .map(f -> chapter.mainJava().relativize(f).toString().replace('\\', '/'))
                .filter(rel -> !chapter.solutionFiles().containsKey(rel))
                .map(rel -> submission.resolve(chapter.module()).resolve("src/main/java").resolve(rel))
                .findFirst().orElseThrow();
    }
}
