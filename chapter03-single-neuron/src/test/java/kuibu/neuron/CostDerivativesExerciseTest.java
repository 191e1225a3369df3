package kuibu.neuron;

import static kuibu.neuron.Slopes.assertSlope;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 3.3: ∂C/∂a of both costs. */
@Exercise(id = "3.3", points = 2)
class CostDerivativesExerciseTest {

    private static final double[] TARGETS = {0, 1, 0.3};

    @Test
    void quadraticMatchesTheReferee() {
        assertThat("C = (y - a)^2 / 2 at a = 0.8, y = 1: dC/da = a - y = -0.2", Cost.QUADRATIC.derivative(0.8, 1), closeTo(-0.2, 1e-15));
        for (double y : TARGETS) {
            for (double a : new double[] {0, 0.2, 0.5, 0.99, -3, 7}) {
                assertSlope(Cost.QUADRATIC.derivative(a, y), x -> Cost.QUADRATIC.value(x, y), a,
                        "y = " + y + "; the 1/2 cancels the 2 of the square");
            }
        }
    }

    @Test
    void crossEntropyMatchesTheReferee() {
        assertThat("at a = y the cross-entropy is smallest: dC/da = 0", Cost.CROSS_ENTROPY.derivative(0.3, 0.3), closeTo(0, 1e-15));
        for (double y : TARGETS) {
            for (double a : new double[] {0.2, 0.5, 0.9, 0.999, 1e-3}) {
                assertSlope(Cost.CROSS_ENTROPY.derivative(a, y), x -> Cost.CROSS_ENTROPY.value(x, y), a,
                        "y = " + y + "; differentiate -y ln a and -(1 - y) ln(1 - a) separately");
            }
        }
    }
}
