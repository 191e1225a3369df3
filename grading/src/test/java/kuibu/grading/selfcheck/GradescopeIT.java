package kuibu.grading.selfcheck;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import kuibu.grading.Course;
import kuibu.grading.FileTrees;
import kuibu.grading.StudentEdition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope autograder as Gradescope runs it: {@code run_autograder} with the course and the grader in
 * {@code source/}, a submission that loops forever, and a time limit cut short for the test.
 * It must still end with a results.json, in time.
 */
class GradescopeIT {

    @TempDir
    Path temp;

    @Test
    void aLoopingSubmissionStillGetsItsResults() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"), "run_autograder is a bash script");
        Course course = SelfCheck.course();
        Path jar = course.root().resolve("grading/target/kuibu-grading.jar");
        assumeTrue(Files.exists(jar), "no " + jar + " (built in the package phase)");
        Path autograder = temp.resolve("autograder");
        Path source = Files.createDirectories(autograder.resolve("source"));
        Files.copy(course.root().resolve("grading/gradescope/run_autograder"), source.resolve("run_autograder"));
        Files.copy(jar, source.resolve("kuibu-grading.jar"));
        SelfCheck.copyChapters(course, source.resolve("course"));
        Path edition = StudentEdition.write(course, temp.resolve("edition")).out();
        Path submission = autograder.resolve("submission");
        FileTrees.copy(edition, submission);
        loop(submission.resolve("chapter01-derivatives/src/main/java/kuibu/derivatives/Derivatives.java"), "1.1");

        ProcessBuilder run = new ProcessBuilder("bash", source.resolve("run_autograder").toString()).redirectErrorStream(true);
        run.environment().put("AUTOGRADER", autograder.toString());
        run.environment().put("TIME_LIMIT", "8");
        run.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        long start = System.nanoTime();
        Process p = run.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output, p.waitFor(5, TimeUnit.MINUTES), equalTo(true));
        double seconds = (System.nanoTime() - start) / 1e9;

        Path results = autograder.resolve("results/results.json");
        assertThat(output, Files.exists(results), equalTo(true));
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertThat(output, json.get("score").asInt(), equalTo(0));
        assertThat(json.get("tests").size(), equalTo(course.exercises().size()));
        assertThat(json.get("tests").get(0).get("output").asText(),
                anyOf(containsString("timed out"), containsString("ran out of their total time")));
        assertThat(output, seconds, lessThan(240.0));
    }

    private static void loop(Path file, String exercise) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String stub = "throw new UnsupportedOperationException(\"Exercise " + exercise + " is yours to write";
        int at = text.indexOf(stub);
        int end = text.indexOf(";\n", at) + 1;
        Files.writeString(file, text.substring(0, at) + "for (;;) { Math.random(); }" + text.substring(end), StandardCharsets.UTF_8);
    }
}
