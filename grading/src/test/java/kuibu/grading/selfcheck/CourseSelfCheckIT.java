package kuibu.grading.selfcheck;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kuibu.grading.Course;
import kuibu.grading.SolutionScan;
import kuibu.grading.StudentEdition;
import kuibu.grading.grader.Grader;
import kuibu.grading.grader.StubCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course's self-check: the student edition has no solution text; every exercise's tests fail on its
 * own stub. (That the instructor's edition scores full marks and the student edition zero is checked beside
 * the attacks on the grader, in {@link HostileSubmissionsIT}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourseSelfCheckIT {

    @TempDir
    static Path temp;

    private Course course;
    private Path edition;

    @BeforeAll
    void makeTheStudentEdition() throws Exception {
        course = SelfCheck.course();
        edition = StudentEdition.write(course, temp.resolve("edition")).out();
    }

    @Test
    void studentEditionHoldsNoSolutionText() throws Exception {
        assertThat("solution text in the student edition", SolutionScan.of(course).scan(edition), empty());
        for (Course.Chapter chapter : course.chapters()) {
            for (String file : chapter.solutionFiles().keySet()) {
                String text = Files.readString(edition.resolve(chapter.module()).resolve("src/main/java").resolve(file),
                        StandardCharsets.UTF_8);
                assertThat(file, text, not(containsString("SOLUTION")));
                for (var region : chapter.solutionFiles().get(file)) {
                    assertThat(file + " names its exercise in the stub", text, containsString("Exercise " + region.id() + " is yours to write"));
                }
            }
        }
        assertThat("AUTHORING.adoc shows solutions", Files.exists(edition.resolve("AUTHORING.adoc")), equalTo(false));
        assertThat("the book's sources are built from solutions", Files.exists(edition.resolve("docs")), equalTo(false));
        assertThat(Files.readString(edition.resolve("pom.xml")), not(containsString("<module>docs</module>")));
        assertThat("no git history", Files.exists(edition.resolve(".git")), equalTo(false));
    }

    @Test
    void everyExerciseFailsOnItsOwnStub() throws Exception {
        List<StubCheck.Finding> findings = StubCheck.run(course, new Grader.Options(60, 600, "512m", 2));
        assertThat(findings.size(), equalTo(course.exercises().size()));
        List<String> unfailable = findings.stream().filter(f -> !f.failsOnStub())
                .map(f -> f.exercise().id() + ": " + f.detail()).toList();
        assertThat("exercises whose tests pass on their own stub (an exercise nobody can fail is a bug)", unfailable, empty());
    }
}
