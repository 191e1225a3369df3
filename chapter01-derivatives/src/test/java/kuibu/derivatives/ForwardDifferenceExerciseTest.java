package kuibu.derivatives;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.function.DoubleUnaryOperator;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/**
 * Exercise 1.1. For f(x) = x² the forward difference is exactly 2x + h (the secant is steeper than
 * the tangent by h), so these tests can tell a forward difference from a central one (exactly 2x).
 */
@Exercise(id = "1.1", points = 2)
class ForwardDifferenceExerciseTest {

    private static final DoubleUnaryOperator SQUARE = x -> x * x;

    @Test
    void isTheSlopeOfTheSecantToTheRight() {
        for (double[] xh : new double[][] {{1, 0.5}, {0, 0.25}, {-3, 0.125}, {1000, 0.5}}) {
            double x = xh[0];
            double h = xh[1];
            assertThat("forwardDifference(x -> x * x, " + x + ", " + h + ") should be (f(x + h) - f(x)) / h = 2x + h",
                    Derivatives.forwardDifference(SQUARE, x, h), closeTo(2 * x + h, 1e-9));
        }
    }

    @Test
    void approachesTheDerivativeAsTheStepShrinks() {
        for (double x : new double[] {-2, 0, 0.5, 1, 3}) {
            assertThat("forward difference of sin at " + x + " with h = 1e-7 should be close to cos(" + x + ")",
                    Derivatives.forwardDifference(Math::sin, x, 1e-7), closeTo(Math.cos(x), 1e-6));
            assertThat("forward difference of exp at " + x + " with h = 1e-7 should be close to exp(" + x + ")",
                    Derivatives.forwardDifference(Math::exp, x, 1e-7), closeTo(Math.exp(x), 1e-5));
        }
    }

    @Test
    void looksToTheRightOfXNotTheLeft() {
        DoubleUnaryOperator kink = x -> Math.max(0, x); // slope 0 left of 0, 1 right of it
        assertThat("forwardDifference(relu, 0, 1e-3) uses f(0 + h) and f(0): the slope to the right, 1",
                Derivatives.forwardDifference(kink, 0, 1e-3), closeTo(1, 1e-12));
    }
}
