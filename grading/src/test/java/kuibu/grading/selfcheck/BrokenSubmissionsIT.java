package kuibu.grading.selfcheck;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kuibu.grading.Course;
import kuibu.grading.FileTrees;
import kuibu.grading.grader.Grader;
import kuibu.grading.grader.Reports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliberately broken submissions, made from the instructor's edition: each breakage must cost the exercise
 * it is in (with feedback that says what happened) and nothing else. Each exercise is graded on its own, so
 * one submission carries a different breakage in each of five exercises; a second one stubs an exercise,
 * tampers with every test and a course file, and deletes an exercise's file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenSubmissionsIT {

    @TempDir
    static Path temp;

    private Course course;
    private Map<String, Grader.SubmissionResult> graded;
    /** exercise -> what its breakage must show in the feedback */
    private final Map<String, String> broken = new LinkedHashMap<>();

    @BeforeAll
    void gradeThem() throws Exception {
        // the first two chapters with exercises are enough to show that breakage stays where it is, and fast
        course = SelfCheck.course().firstChaptersWithExercises(2);
        Path original = SelfCheck.copyChapters(course, temp.resolve("original"));

        Path breaks = copy(original, "broken");
        breakIn(breaks, "1.1", "while (Math.random() < 2) { }", "timed out");
        breakIn(breaks, "1.5", "System.exit(0);", "System.exit");
        breakIn(breaks, "1.2", "java.util.function.IntUnaryOperator[] self = new java.util.function.IntUnaryOperator[1];"
                + " self[0] = n -> self[0].applyAsInt(n + 1) + 1; self[0].applyAsInt(0);", "StackOverflowError");
        breakIn(breaks, "1.4", "int broken = ;", "illegal start of expression");
        breakIn(breaks, "2.1", "java.util.List<long[]> hog = new java.util.ArrayList<>();"
                + " while (hog.size() >= 0) { hog.add(new long[1 << 20]); }", "out of memory");

        // the student stubs 1.1, makes every test of the course pass, "fixes" a course file and deletes 1.6's: no gain
        Path tampered = copy(original, "tampered");
        SelfCheck.stub(course, tampered, exercise("1.1"));
        try (Stream<Path> tests = Files.walk(tampered)) {
            for (Path test : tests.filter(p -> p.toString().contains("src/test/java") && p.toString().endsWith(".java")).toList()) {
                String pkg = Files.readAllLines(test).stream().filter(l -> l.startsWith("package ")).findFirst().orElse("");
                String type = test.getFileName().toString().replace(".java", "");
                Files.writeString(test, pkg + "\n@kuibu.grading.Exercise(id = \"1.1\", points = 99)\n"
                        + "class " + type + " { @org.junit.jupiter.api.Test void passes() { } }\n");
            }
        }
        Course.Chapter first = SelfCheck.chapterOf(course, exercise("1.1"));
        String regionFree = Course.javaFiles(first.mainJava()).stream()
                .map(f -> first.mainJava().relativize(f).toString().replace('\\', '/'))
                .filter(rel -> !first.solutionFiles().containsKey(rel)).findFirst().orElseThrow();
        SelfCheck.edit(tampered.resolve(first.module()).resolve("src/main/java").resolve(regionFree),
                text -> text + "\n// tampered: everything matches now\n");
        for (Path rel : SelfCheck.filesOf(course, exercise("1.4"))) {
            Files.delete(tampered.resolve(rel));
        }

        Map<String, Path> submissions = new LinkedHashMap<>();
        submissions.put("broken", breaks);
        submissions.put("tampered", tampered);
        List<Grader.SubmissionResult> results = new Grader(course, new Grader.Options(3, 300, "128m", 2)).gradeAll(submissions);
        graded = results.stream().collect(Collectors.toMap(Grader.SubmissionResult::name, Function.identity()));
    }

    @Test
    void eachBreakageCostsItsExerciseOnlyAndSaysWhatHappened() {
        Grader.SubmissionResult result = graded.get("broken");
        for (Grader.ExerciseResult e : result.exercises()) {
            String why = broken.get(e.exercise().id());
            String context = "exercise " + e.exercise().id() + ":\n" + e.output();
            assertThat(context, e.score(), equalTo(why == null ? e.exercise().points() : 0));
            if (why != null) {
                assertThat(context, e.output(), containsString(why));
            }
        }
    }

    @Test
    void aCompileErrorNamesTheStudentsFileAndLine() throws IOException {
        Grader.SubmissionResult result = graded.get("broken");
        assertThat(result.compileErrors(), hasKey("1.4"));
        assertThat(Reports.feedback(result), containsString(exercise("1.4").module() + "/src/main/java/"));
        assertThat(Reports.resultsJson(result), containsString("does not compile"));
    }

    @Test
    void tamperedTestsChangedCourseFilesAndMissingFilesGainNothing() {
        Grader.SubmissionResult result = graded.get("tampered");
        for (Grader.ExerciseResult e : result.exercises()) {
            int expected = List.of("1.1", "1.4").contains(e.exercise().id()) ? 0 : e.exercise().points();
            assertThat("tampered, exercise " + e.exercise().id() + ":\n" + e.output(), e.score(), equalTo(expected));
        }
        String feedback = Reports.feedback(result);
        assertThat(feedback, containsString("Exercise 1.1 is yours to write"));
        assertThat(feedback, containsString("the grader used the course's version"));
        assertThat(feedback, containsString("is missing"));
    }

    private void breakIn(Path submission, String id, String code, String feedback) throws IOException {
        SelfCheck.prepend(course, submission, exercise(id), code);
        broken.put(id, feedback);
    }

    private Course.ExerciseDef exercise(String id) {
        return course.exercises().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private static Path copy(Path original, String name) throws IOException {
        Path to = temp.resolve(name);
        FileTrees.copy(original, to);
        return to;
    }
}
