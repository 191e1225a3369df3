package kuibu.grading.selfcheck;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kuibu.grading.Course;
import kuibu.grading.SolutionMarkers;
import kuibu.grading.grader.Grader;
import kuibu.grading.grader.Reports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Honest mistakes cost the exercise they are in, all of its points, and nothing else: every entry of
 * {@link Mistakes} is made in a copy of the instructor's course and graded. Since each exercise is graded
 * on its own, one submission can carry a mistake in many exercises at once: submission k holds the k-th
 * mistake of every exercise that has one, and every other exercise must keep its points.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MistakesIT {

    @TempDir
    static Path temp;

    private Course course;
    private final List<Map<String, Mistakes.Mistake>> rounds = new ArrayList<>(); // per submission: exercise -> its mistake
    private List<Grader.SubmissionResult> results;

    @BeforeAll
    void gradeTheMistakes() throws Exception {
        course = SelfCheck.course();
        for (Mistakes.Mistake mistake : Mistakes.ALL) {
            Map<String, Mistakes.Mistake> round = rounds.stream().filter(r -> !r.containsKey(mistake.exercise())).findFirst()
                    .orElseGet(() -> {
                        rounds.add(new LinkedHashMap<>());
                        return rounds.get(rounds.size() - 1);
                    });
            round.put(mistake.exercise(), mistake);
        }
        Map<String, Path> submissions = new LinkedHashMap<>();
        for (int k = 0; k < rounds.size(); k++) {
            Path submission = SelfCheck.copyChapters(course, temp.resolve("mistakes-" + (k + 1)));
            for (Mistakes.Mistake mistake : rounds.get(k).values()) {
                make(submission, mistake);
            }
            submissions.put("mistakes-" + (k + 1), submission);
        }
        results = new Grader(course, new Grader.Options(20, 900, "512m", 2)).gradeAll(submissions);
    }

    @Test
    void everyExerciseHasAMistakeOnTheList() {
        List<String> without = course.exercises().stream().map(Course.ExerciseDef::id)
                .filter(id -> Mistakes.ALL.stream().noneMatch(m -> m.exercise().equals(id))).toList();
        assertThat("exercises with no plausible mistake on the list", without, empty());
    }

    @Test
    void eachMistakeCostsItsExerciseAndNothingElse() {
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < rounds.size(); k++) {
            Grader.SubmissionResult result = results.get(k);
            for (Grader.ExerciseResult e : result.exercises()) {
                Mistakes.Mistake mistake = rounds.get(k).get(e.exercise().id());
                if (mistake != null && e.score() != 0) {
                    wrong.add(e.exercise().id() + " keeps " + e.score() + " points although it " + mistake.what());
                } else if (mistake == null && !e.passed()) {
                    wrong.add(e.exercise().id() + " (no mistake in it) loses its points in " + result.name() + ":\n" + e.output());
                }
            }
        }
        assertThat(String.join("\n", wrong) + "\n" + (results.isEmpty() ? "" : Reports.table(results.get(0), true)), wrong, empty());
    }

    /** Makes {@code mistake} in {@code submission}: its text, found exactly once inside the exercise's regions, replaced. */
    private void make(Path submission, Mistakes.Mistake mistake) throws Exception {
        Path file = submission.resolve(mistake.file());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        int[] lineStart = new int[lines.size() + 2];
        for (int i = 0, offset = 0; i < lines.size(); i++) {
            lineStart[i + 1] = offset;
            offset += lines.get(i).length() + 1;
        }
        int found = 0;
        int where = -1;
        for (SolutionMarkers.Region r : SolutionMarkers.find(mistake.file(), lines)) {
            if (!r.id().equals(mistake.exercise())) {
                continue;
            }
            int from = lineStart[r.beginLine() + 1];
            int to = lineStart[r.endLine()];
            for (int at = text.indexOf(mistake.find(), from); at >= 0 && at + mistake.find().length() <= to;
                 at = text.indexOf(mistake.find(), at + 1)) {
                found++;
                where = at;
            }
        }
        assertThat(mistake.file() + ": '" + mistake.find() + "' inside the regions of exercise " + mistake.exercise() + ", times",
                found, equalTo(1));
        Files.writeString(file, text.substring(0, where) + mistake.replace() + text.substring(where + mistake.find().length()),
                StandardCharsets.UTF_8);
    }
}
