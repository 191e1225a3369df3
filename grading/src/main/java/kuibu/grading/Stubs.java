package kuibu.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Main sources with solution regions replaced by the student's {@code throw}, all or some of them. */
public final class Stubs {

    private Stubs() {}

    /**
     * The text of {@code relFile} (a key of {@link Course.Chapter#solutionFiles()}) with the regions of
     * the exercises {@code which} accepts replaced by a throw naming the exercise and its section.
     */
    public static String stubbed(Course course, Course.Chapter chapter, String relFile, Predicate<String> which)
            throws CourseException {
        Path file = chapter.mainJava().resolve(relFile);
        String where = course.root().relativize(file).toString();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> out = SolutionMarkers.replaceRegions(where, lines, region -> which.test(region.id()),
                    region -> SolutionMarkers.throwStatement(region.id(), whereIs(chapter, region.id())));
            return String.join("\n", out) + "\n";
        } catch (SolutionMarkers.MarkerException e) {
            throw new CourseException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CourseException(where + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static String whereIs(Course.Chapter chapter, String id) {
        return chapter.exercises().stream().filter(e -> e.id().equals(id)).map(Course.ExerciseDef::where).findFirst()
                .orElse("Exercise " + id + " in the book");
    }
}
