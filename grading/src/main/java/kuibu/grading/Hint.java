package kuibu.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What to look at when an exercise test fails with an exception from the student's code rather than
 * with an assertion (whose message says what was expected): for example, for BP2, "an index out of bounds
 * usually means w was read as w[k][j] instead of w[j][k]". The grader and {@code progress} show it beside
 * the exception; on a test class it holds for each of its tests without one of their own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Hint {

    /** One or two sentences in the book's words. */
    String value();
}
