package kuibu.grading.selfcheck;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import kuibu.grading.Course;
import kuibu.grading.CourseException;
import kuibu.grading.SolutionMarkers;
import kuibu.grading.Stubs;

/**
 * Shared by the self-checks: the instructor's course they check (the repository this module is
 * built in) and submissions made from it with one thing changed.
 */
final class SelfCheck {

    private SelfCheck() {}

    /** The course around this module, which must be the instructor's edition (else the check is skipped). */
    static Course course() throws CourseException {
        Path root = Course.findRoot(Path.of("")).orElseThrow(() -> new IllegalStateException("no course around " + Path.of("").toAbsolutePath()));
        Course course = Course.load(root, false);
        assumeTrue(course.hasSolutions(), "a student edition: nothing to check");
        return Course.load(root, true);
    }

    /** Copies the course's chapters (sources and poms, no build output) to {@code to}: the instructor's submission. */
    static Path copyChapters(Course course, Path to) throws IOException {
        Files.createDirectories(to);
        Files.copy(course.root().resolve("pom.xml"), to.resolve("pom.xml"));
        for (Course.Chapter chapter : course.chapters()) {
            Path from = chapter.dir();
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String rel = from.relativize(f).toString().replace('\\', '/');
                    if (rel.startsWith("target/")) {
                        continue;
                    }
                    Path copy = to.resolve(chapter.module()).resolve(rel);
                    Files.createDirectories(copy.getParent());
                    Files.copy(f, copy);
                }
            }
        }
        return to;
    }

    /** The main files (relative to the submission) holding regions of {@code exercise}. */
    static List<Path> filesOf(Course course, Course.ExerciseDef exercise) {
        Course.Chapter chapter = chapterOf(course, exercise);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, List<SolutionMarkers.Region>> e : chapter.solutionFiles().entrySet()) {
            if (e.getValue().stream().anyMatch(r -> r.id().equals(exercise.id()))) {
                files.add(Path.of(chapter.module(), "src/main/java", e.getKey()));
            }
        }
        return files;
    }

    static Course.Chapter chapterOf(Course course, Course.ExerciseDef exercise) {
        return course.chapters().stream().filter(c -> c.module().equals(exercise.module())).findFirst().orElseThrow();
    }

    /** In {@code submission}, replaces {@code exercise}'s regions by its stub, as in the student edition. */
    static void stub(Course course, Path submission, Course.ExerciseDef exercise) throws Exception {
        Course.Chapter chapter = chapterOf(course, exercise);
        for (Path rel : filesOf(course, exercise)) {
            String inChapter = chapter.mainJava().relativize(course.root().resolve(rel)).toString().replace('\\', '/');
            Files.writeString(submission.resolve(rel), Stubs.stubbed(course, chapter, inChapter, exercise.id()::equals),
                    StandardCharsets.UTF_8);
        }
    }

    /** In {@code submission}, puts {@code code} at the start of each of {@code exercise}'s regions. */
    static void prepend(Course course, Path submission, Course.ExerciseDef exercise, String code) throws IOException {
        String begin = "// BEGIN SOLUTION " + exercise.id();
        for (Path rel : filesOf(course, exercise)) {
            Path file = submission.resolve(rel);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String line : lines) {
                out.add(line);
                if (line.strip().equals(begin)) {
                    out.add(code);
                }
            }
            Files.write(file, out, StandardCharsets.UTF_8);
        }
    }

    static void edit(Path file, UnaryOperator<String> change) throws IOException {
        Files.writeString(file, change.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
