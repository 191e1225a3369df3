package kuibu.docs.book;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentSourcesTest {

    @TempDir
    Path root;

    @Test
    void theStudentCopyHasStubsForSolutionsAndTheRestUnchanged() throws Exception {
        Path chapter = root.resolve("chapter07-demo");
        Path main = chapter.resolve("src/main/java/kuibu/demo/Demo.java");
        Files.createDirectories(main.getParent());
        Files.write(main, List.of(
                "class Demo {",
                "    // tag::twice[]",
                "    static int twice(int x) {",
                "        // BEGIN SOLUTION 7.1",
                "        return 2 * x;",
                "        // END SOLUTION",
                "    }",
                "    // end::twice[]",
                "}"));
        Files.writeString(chapter.resolve("chapter.adoc"), "[[chapter-demo]]\n== Demo\n");
        Files.createDirectories(chapter.resolve("target"));
        Files.writeString(chapter.resolve("target/junk.txt"), "built");

        Path copy = root.resolve("student");
        StudentSources.write(Chapters.in(root), copy);

        String stubbed = Files.readString(copy.resolve("chapter07-demo/src/main/java/kuibu/demo/Demo.java"));
        assertThat(stubbed, allOf(containsString("// tag::twice[]"), containsString("static int twice(int x) {"),
                containsString("throw new UnsupportedOperationException(\"Exercise 7.1 is yours to write"),
                not(containsString("return 2 * x;")), not(containsString("SOLUTION"))));
        assertThat(Files.readString(copy.resolve("chapter07-demo/chapter.adoc")), containsString("== Demo"));
        assertThat(Files.exists(copy.resolve("chapter07-demo/target")), is(false));
    }
}
