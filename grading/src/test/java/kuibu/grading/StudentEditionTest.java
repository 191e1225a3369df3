package kuibu.grading;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student edition and the course reader on a tiny made-up course. */
class StudentEditionTest {

    @TempDir
    Path temp;

    private static final String SOLVED = """
            package kuibu.toy;

            public final class Toy {
                public static double twice(double x) {
                    // BEGIN SOLUTION 1.1
                    double doubled = x + x; // distinctive
                    return doubled;
                    // END SOLUTION
                }
            }
            """;

    private static final String TEST = """
            package kuibu.toy;

            @kuibu.grading.Exercise(id = "1.1", points = 2)
            class ToyExerciseTest {
            }
            """;

    private Path course(String main, String test) throws IOException {
        Path root = temp.resolve("course");
        write(root.resolve("pom.xml"), "<project>\n  <modules>\n    <module>grading</module>\n    <module>chapter01-toy</module>\n"
                + "    <module>docs</module>\n  </modules>\n</project>\n");
        write(root.resolve("AUTHORING.adoc"), "secret\n");
        write(root.resolve("docs/pom.xml"), "<project/>\n");
        write(root.resolve("README.adoc"), "= Toy\n");
        write(root.resolve("chapter01-toy/src/main/java/kuibu/toy/Toy.java"), main);
        write(root.resolve("chapter01-toy/src/test/java/kuibu/toy/ToyExerciseTest.java"), test);
        write(root.resolve("chapter01-toy/chapter.adoc"), "[[chapter-toy]]\n== Toy\n\n=== Doubling\n\n[[exercise-1.1]]\n"
                + ".Exercise 1.1: Twice\n====\nWrite it.\n====\n");
        return root;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void replacesRegionsAndLeavesInstructorMaterialOut() throws Exception {
        Course course = Course.load(course(SOLVED, TEST), true);
        assertThat(course.exercises().get(0).name(), equalTo("Exercise 1.1: Twice"));
        Path out = StudentEdition.write(course, temp.resolve("edition")).out();

        String toy = Files.readString(out.resolve("chapter01-toy/src/main/java/kuibu/toy/Toy.java"));
        assertThat(toy, containsString("throw new UnsupportedOperationException(\"Exercise 1.1 is yours to write: see Exercise 1.1 "
                + "\\\"Twice\\\" in chapter 1, section \\\"Doubling\\\" of the book\");"));
        assertThat(toy, not(containsString("doubled")));
        assertThat(Files.readString(out.resolve("pom.xml")), not(containsString("docs")));
        assertThat(Files.exists(out.resolve("AUTHORING.adoc")), equalTo(false));
        assertThat(Files.exists(out.resolve("docs")), equalTo(false));
        assertThat(Files.exists(out.resolve("README.adoc")), equalTo(true));
    }

    @Test
    void isMadeForStudents() throws Exception {
        Path root = course(SOLVED, TEST);
        write(root.resolve("chapter01-toy/src/test/java/kuibu/toy/ToyTest.java"),
                "package kuibu.toy;\nclass ToyTest { @org.junit.jupiter.api.Test void usesTheSolution() { } }\n");
        write(root.resolve("chapter01-toy/src/test/java/kuibu/toy/Fixtures.java"), "package kuibu.toy;\nclass Fixtures { }\n");
        write(root.resolve("grading/src/test/java/kuibu/grading/ToolTest.java"), "package kuibu.grading;\nclass ToolTest { }\n");
        write(root.resolve(".github/workflows/ci.yml"), "name: the instructor's CI\n");
        Path out = StudentEdition.write(Course.load(root, true), temp.resolve("edition")).out();

        String readme = Files.readString(out.resolve("README.adoc"));
        assertThat(readme, containsString("./mvnw install -DskipTests"));
        assertThat(readme, containsString("mvnw.cmd install -DskipTests"));
        assertThat(readme, containsString("book/index.html"));
        assertThat("no word about the instructor's tools", readme, not(containsString("student-edition")));
        assertThat(readme, not(containsString("kuibu-grading.jar grade")));
        assertThat(readme, not(containsString("shared/peers")));
        assertThat("tests that need the solutions stay out", Files.exists(out.resolve("chapter01-toy/src/test/java/kuibu/toy/ToyTest.java")),
                equalTo(false));
        assertThat(Files.exists(out.resolve("chapter01-toy/src/test/java/kuibu/toy/ToyExerciseTest.java")), equalTo(true));
        assertThat(Files.exists(out.resolve("chapter01-toy/src/test/java/kuibu/toy/Fixtures.java")), equalTo(true));
        assertThat(Files.exists(out.resolve("grading/src/test")), equalTo(false));
        String workflow = Files.readString(out.resolve(".github/workflows/classroom.yml"));
        assertThat(workflow, containsString("command: java -jar grading/target/kuibu-grading.jar progress --exercise 1.1"));
        assertThat(workflow, containsString("max-score: 2"));
        assertThat(workflow, containsString("EXERCISE-1-1_RESULTS: \"${{steps.exercise-1-1.outputs.result}}\""));
        assertThat(workflow, containsString("runners: exercise-1-1"));
        assertThat(Files.exists(out.resolve(".github/workflows/ci.yml")), equalTo(false));
        assertThat(Files.readString(out.resolve(Course.EXERCISE_METHODS)), containsString("1.1\tchapter01-toy\tkuibu/toy/Toy.java\tToy#twice(double)"));
    }

    @Test
    void refusesToLeakSolutionTextFoundElsewhere() throws Exception {
        Path root = course(SOLVED, TEST);
        write(root.resolve("NOTES.adoc"), "= Toy\n\nHint: double doubled = x + x; // distinctive\n");
        CourseException e = assertThrows(CourseException.class,
                () -> StudentEdition.write(Course.load(root, true), temp.resolve("edition")));
        assertThat(e.getMessage(), containsString("NOTES.adoc:3: text of solution 1.1"));
        assertThat("nothing written", Files.exists(temp.resolve("edition")), equalTo(false));
    }

    @Test
    void findsSolutionTextInTheRenderedBook() throws Exception {
        Path root = course(SOLVED, TEST);
        write(root.resolve("docs/target/student-book/index.html"), "<html><body><pre>\n<span class=\"k\">double</span>"
                + " doubled = x &#43; x; // distinctive\n<b>return</b> doubled;\n</pre></body></html>\n".replace("&#43;", "+"));
        CourseException e = assertThrows(CourseException.class,
                () -> StudentEdition.write(Course.load(root, true), temp.resolve("edition")));
        assertThat(e.getMessage(), containsString("book/index.html:2: text of solution 1.1"));
    }

    @Test
    void includesTheStudentBook() throws Exception {
        Path root = course(SOLVED, TEST);
        write(root.resolve("docs/target/student-book/index.html"), "<html><body>Exercise 1.1 is yours.</body></html>\n");
        StudentEdition.Report report = StudentEdition.write(Course.load(root, true), temp.resolve("edition"));
        assertThat(report.bookIncluded(), equalTo(true));
        assertThat(Files.exists(report.out().resolve("book/index.html")), equalTo(true));
    }

    @Test
    void namesFileAndLineOfAnUnknownExercise() throws Exception {
        Path root = course(SOLVED.replace("SOLUTION 1.1", "SOLUTION 1.9"), TEST);
        CourseException e = assertThrows(CourseException.class, () -> Course.load(root, true));
        assertThat(e.getMessage(), containsString("chapter01-toy/src/main/java/kuibu/toy/Toy.java:5: unknown exercise 1.9"));
    }

    @Test
    void namesFileAndLineOfAnUnclosedRegion() throws Exception {
        Path root = course(SOLVED.replace("// END SOLUTION", ""), TEST);
        CourseException e = assertThrows(CourseException.class, () -> Course.load(root, true));
        assertThat(e.getMessage(), containsString("Toy.java:5: BEGIN SOLUTION 1.1 is never closed"));
    }

    @Test
    void namesFileAndLineOfANestedRegion() throws Exception {
        Path root = course(SOLVED.replace("return doubled;", "// BEGIN SOLUTION 1.1\nreturn doubled;"), TEST);
        CourseException e = assertThrows(CourseException.class, () -> Course.load(root, true));
        assertThat(e.getMessage(), containsString("Toy.java:7: nested BEGIN SOLUTION 1.1"));
    }

    @Test
    void anExerciseNeedsASolutionRegion() throws Exception {
        Path root = course(SOLVED, TEST.replace("1.1", "1.2") + "@kuibu.grading.Exercise(id = \"1.1\", points = 2) class More {}\n");
        CourseException e = assertThrows(CourseException.class, () -> Course.load(root, true));
        assertThat(e.getMessage(), containsString("ToyExerciseTest.java:3: exercise 1.2 has tests but no solution region"));
    }

    @Test
    void pointsOfAnExerciseAgree() throws Exception {
        Path root = course(SOLVED, TEST + "@kuibu.grading.Exercise(id = \"1.1\", points = 3) class More {}\n");
        CourseException e = assertThrows(CourseException.class, () -> Course.load(root, true));
        assertThat(e.getMessage(), containsString("ToyExerciseTest.java:6: exercise 1.1 is worth 3 points here but 2"));
    }
}
