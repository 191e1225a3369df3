package kuibu.derivatives;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;

import kuibu.grading.Exercise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Exercises 1.2 and 1.3: gradients worked out by hand, refereed by central differences. */
class LandscapeGradientsExerciseTest {

    private static final double[][] POINTS = {{0, 0}, {1, 1}, {3, 1}, {-1.5, 2}, {0.5, -0.25}, {-20, 7}, {1e-3, -1e-4}};

    @Nested
    @Exercise(id = "1.2", points = 1)
    class BowlGradientExerciseTest {
        @Test
        void matchesTheReferee() {
            for (double[] p : POINTS) {
                assertThat(Functions.bowlGradient(p), isGradientOf(Functions::bowl, at(p)));
            }
        }
    }

    @Nested
    @Exercise(id = "1.3", points = 2)
    class RosenbrockGradientExerciseTest {
        @Test
        void matchesTheReferee() {
            for (double[] p : POINTS) {
                assertThat(Functions.rosenbrockGradient(p), isGradientOf(Functions::rosenbrock, at(p)));
            }
        }

        @Test
        void vanishesAtTheMinimum() {
            assertThat(Functions.rosenbrockGradient(new double[] {1, 1}),
                    isGradientOf(Functions::rosenbrock, at(1, 1)).hint("(1, 1) is the minimum: both components are 0 there"));
        }
    }
}
