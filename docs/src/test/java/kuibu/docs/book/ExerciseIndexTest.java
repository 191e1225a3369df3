package kuibu.docs.book;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseIndexTest {

    @TempDir
    Path root;

    @Test
    void listsStatementsWithTheirPointsAndTestsInNumericOrder() throws Exception {
        Path chapter = root.resolve("chapter07-demo");
        Files.createDirectories(chapter.resolve("src/test/java/kuibu/demo"));
        Files.write(chapter.resolve("chapter.adoc"), List.of("[[chapter-demo]]", "== Demo", "",
                "[[exercise-7.10]]", ".Exercise 7.10: Later", "====", "Do it.", "====", "",
                "[[exercise-7.2]]", ".Exercise 7.2: Twice", "====", "Do it.", "===="));
        Files.writeString(chapter.resolve("src/test/java/kuibu/demo/TwiceExerciseTest.java"),
                "@kuibu.grading.Exercise(id = \"7.2\", points = 3)\nclass TwiceExerciseTest {}\n");
        Files.writeString(chapter.resolve("src/test/java/kuibu/demo/HiddenExerciseTest.java"),
                "@Exercise(points = 1, id = \"7.3\")\nclass HiddenExerciseTest {}\n");
        Files.createDirectories(root.resolve("chapter08-unwritten"));

        Chapters chapters = Chapters.in(root);
        String table = ExerciseIndex.asciidoc(ExerciseIndex.scan(chapters));

        assertThat(table, allOf(containsString("<<exercise-7.2,Exercise 7.2: Twice>>\n| 3\n| `TwiceExerciseTest`"),
                containsString("Exercise 7.3 (statement not written yet)\n| 1"),
                containsString("<<exercise-7.10,Exercise 7.10: Later>>\n| –\n| not tested yet"),
                containsString("| *Total* | *4* |")));
        assertThat(table.indexOf("7.2,") < table.indexOf("7.3") && table.indexOf("7.3") < table.indexOf("7.10,"), is(true));
        assertThat(chapters.pointsIntoUnwritten("chapter-unwritten"), is(true));
        assertThat(chapters.pointsIntoUnwritten("exercise-8.1"), is(true));
        assertThat(chapters.pointsIntoUnwritten("exercise-7.9"), is(false));
    }
}
