package kuibu.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test (or every test of a class) as checking one graded exercise.
 *
 * <p>The exercise's solution lives in the chapter's main code between
 * {@code // BEGIN SOLUTION <id>} and {@code // END SOLUTION}; its statement lives in the chapter's
 * AsciiDoc text under the anchor {@code [[exercise-<id>]]}. An exercise earns its points when all
 * of its tests pass, so every test carrying the same id must declare the same points.
 *
 * <p>The annotation is also a JUnit tag, so {@code ./mvnw test -Dgroups=exercise} runs only the
 * graded tests.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Tag("exercise")
public @interface Exercise {

    /** The exercise number, {@code "<chapter>.<n>"}, for example {@code "1.2"}. */
    String id();

    /** The points the exercise is worth when all of its tests pass. */
    int points();
}
