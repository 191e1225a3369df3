package kuibu.grading.selfcheck;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kuibu.grading.Course;
import kuibu.grading.StudentEdition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student edition as a student meets it: its README's two commands, run in a fresh edition: the build
 * succeeds and ends with the progress table; the tests fail, and only because of exercises. The builds
 * install into a local repository of their own, reading the one of this build, so the student edition's
 * jars never replace the course's.
 */
class StudentEditionIT {

    @TempDir
    static Path temp;

    @Test
    void freshEditionBuildsAndFailsOnlyOnExercises() throws Exception {
        Course course = SelfCheck.course();
        Path edition = StudentEdition.write(course, temp.resolve("fresh")).out();

        Run build = mvnw(edition, "install", "-DskipTests");
        assertThat(build.output(), build.code(), equalTo(0));
        assertThat(build.output(), containsString("Total 0/" + course.maxPoints() + " points"));
        assertThat(build.output(), containsString("not written yet: Exercise 1.1 is yours to write"));

        Run test = mvnw(edition, "verify");
        assertThat(test.output(), test.code(), not(equalTo(0)));
        List<String> notAboutExercises = new ArrayList<>();
        try (Stream<Path> reports = Files.walk(edition)) {
            for (Path report : reports.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                Matcher failure = Pattern.compile("<(failure|error) message=\"([^\"]*)\"").matcher(Files.readString(report));
                while (failure.find()) {
                    if (!failure.group(2).matches("(?s).*Exercise \\d+\\.\\d+ is yours to write: see Exercise.*of the book.*")) {
                        notAboutExercises.add(report.getFileName() + ": " + failure.group(2));
                    }
                }
            }
        }
        assertThat("failures of a fresh edition that are not an exercise's stub", notAboutExercises, empty());
    }

    private record Run(int code, String output) {}

    private static Run mvnw(Path edition, String... goals) throws Exception {
        Path local = temp.resolve("m2");
        String mine = System.getProperty("maven.repo.local", Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        List<String> command = new ArrayList<>(List.of(edition.resolve("mvnw").toString(), "-B",
                "-Dmaven.repo.local=" + local, "-Dmaven.repo.local.tail=" + mine));
        command.addAll(List.of(goals));
        ProcessBuilder pb = new ProcessBuilder(command).directory(edition.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output, p.waitFor(10, TimeUnit.MINUTES), equalTo(true));
        return new Run(p.exitValue(), output);
    }
}
