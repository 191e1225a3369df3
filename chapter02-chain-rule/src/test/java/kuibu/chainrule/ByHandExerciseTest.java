package kuibu.chainrule;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.arrayContaining;
import static org.hamcrest.Matchers.closeTo;

import kuibu.grading.Exercise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Exercises 2.1 and 2.2: backward passes by hand through two small graphs. */
class ByHandExerciseTest {

    private static final double[][] POINTS = {{5, 3, 2}, {0, 0, 0}, {1, -1, 1}, {-2.5, 0.1, 40}, {1e3, -7, 1e-3}};

    @Nested
    @Exercise(id = "2.1", points = 2)
    class JGradientExerciseTest {
        @Test
        void reproducesTheWorkedExample() {
            double[] g = ByHand.jGradient(5, 3, 2);
            assertThat("at a = 5, b = 3, c = 2: dJ/da = 3, dJ/db = 3c = 6, dJ/dc = 3b = 9",
                    new Double[] {g[0], g[1], g[2]}, arrayContaining(closeTo(3, 1e-12), closeTo(6, 1e-12), closeTo(9, 1e-12)));
        }

        @Test
        void matchesTheReferee() {
            for (double[] p : POINTS) {
                assertThat(ByHand.jGradient(p[0], p[1], p[2]), isGradientOf(x -> ByHand.j(x[0], x[1], x[2]), at(p))
                        .hint("dJ/db goes through u = bc, so it picks up the factor c (and dJ/dc the factor b)"));
            }
        }
    }

    @Nested
    @Exercise(id = "2.2", points = 2)
    class TwoPathsExerciseTest {
        @Test
        void addsBothPaths() {
            double[] g = ByHand.kGradient(2, 3);
            assertThat("K = (a + b)a at a = 2, b = 3: dK/da = (a + b) + a = 7 (two paths), dK/db = a = 2",
                    new Double[] {g[0], g[1]}, arrayContaining(closeTo(7, 1e-12), closeTo(2, 1e-12)));
        }

        @Test
        void matchesTheReferee() {
            for (double[] p : POINTS) {
                assertThat(ByHand.kGradient(p[0], p[1]), isGradientOf(x -> ByHand.k(x[0], x[1]), at(p[0], p[1]))
                        .hint("a reaches K directly and through s = a + b: add the two contributions"));
            }
        }
    }
}
