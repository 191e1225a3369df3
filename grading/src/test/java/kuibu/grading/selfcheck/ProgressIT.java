package kuibu.grading.selfcheck;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import kuibu.grading.Course;
import kuibu.grading.grader.Grader;
import kuibu.grading.grader.Progress;
import kuibu.grading.grader.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a student reads in their progress table: the diagnosis, not the general expectation. */
class ProgressIT {

    @TempDir
    Path temp;

    @Test
    void aGradientOffByAFactorOfTwoOrWithTheWrongSignIsCalledThat() throws Exception {
        Course course = SelfCheck.course().firstChaptersWithExercises(1);
        Path copy = SelfCheck.copyChapters(course, temp.resolve("copy"));
        SelfCheck.edit(copy.resolve("chapter01-derivatives/src/main/java/kuibu/derivatives/Functions.java"),
                text -> text.replace("return new double[] {2 * p[0], 20 * p[1]};", "return new double[] {p[0], 10 * p[1]};")
                        .replace("return new double[] {dx, dy};", "return new double[] {-dx, -dy};"));
        Course copied = Course.load(copy, false);
        java.util.List<String> steps = new java.util.ArrayList<>();
        Grader.SubmissionResult result = Progress.check(copied, new Grader.Options(20, 300, "256m", 1), steps::add);
        assertThat("what the progress display shows: each chapter, then the tests", steps.size(), equalTo(Progress.steps(copied)));
        assertThat(steps.get(steps.size() - 1), containsString("tests"));
        Map<String, Grader.ExerciseResult> byId = result.exercises().stream()
                .collect(Collectors.toMap(e -> e.exercise().id(), e -> e));
        String table = Reports.table(result, true);
        assertThat(table, byId.get("1.2").score(), equalTo(0));
        assertThat(table, byId.get("1.2").hint(), containsString("off by a factor of 2"));
        assertThat(table, byId.get("1.3").hint(), containsString("opposite sign"));
        assertThat(table, containsString("off by a factor of 2"));
        assertThat(table, containsString("opposite sign"));
        assertThat(byId.get("1.1").passed(), equalTo(true));
    }
}
