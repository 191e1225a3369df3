package kuibu.derivatives;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.function.UnaryOperator;
import kuibu.derivatives.GradientDescent.Descent;
import kuibu.derivatives.GradientDescent.Outcome;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/**
 * Exercise 1.6: the descent loop. On f(x) = x² a step with η = 0.1 multiplies x by 0.8 exactly, so the
 * whole path is known in advance: x_k = 3 · 0.8^k.
 */
@Exercise(id = "1.6", points = 3)
class DescentExerciseTest {

    private static final UnaryOperator<double[]> SQUARE_GRADIENT = x -> new double[] {2 * x[0]};

    @Test
    void recordsEveryPointFromTheStart() {
        Descent descent = GradientDescent.descend(SQUARE_GRADIENT, new double[] {3}, 0.1, 1e-3, 1000);
        assertThat("the path starts at the start point", descent.path().get(0)[0], equalTo(3.0));
        for (int k = 0; k < descent.path().size(); k++) {
            assertThat("point " + k + " of the path on x² with eta 0.1 should be 3 * 0.8^" + k,
                    descent.path().get(k)[0], closeTo(3 * Math.pow(0.8, k), 1e-12));
        }
    }

    @Test
    void stopsAtTheFirstPointFlatterThanTheThreshold() {
        Descent descent = GradientDescent.descend(SQUARE_GRADIENT, new double[] {3}, 0.1, 1e-3, 1000);
        // |f'(x_k)| = 6 · 0.8^k ≤ 1e-3 first at k = 39
        assertThat("outcome", descent.outcome(), equalTo(Outcome.CONVERGED));
        assertThat("steps until |f'(x)| = 6 * 0.8^k first falls to 1e-3 or below", descent.steps(), equalTo(39));
        assertThat("|f'(x)| at the end", Math.abs(2 * descent.last()[0]), lessThanOrEqualTo(1e-3));
    }

    @Test
    void takesNoStepWhenAlreadyFlat() {
        Descent descent = GradientDescent.descend(SQUARE_GRADIENT, new double[] {0}, 0.1, 1e-6, 1000);
        assertThat("starting at the minimum: no step", descent.steps(), equalTo(0));
        assertThat(descent.outcome(), equalTo(Outcome.CONVERGED));
    }

    @Test
    void convergesWhenTheGradientIsExactlyAtTheThreshold() {
        Descent descent = GradientDescent.descend(SQUARE_GRADIENT, new double[] {0.5}, 0.1, 1, 1000);
        assertThat("at x = 0.5 the slope of x² is exactly 1, which is at most the threshold 1: no step (<=, not <)",
                descent.steps(), equalTo(0));
        assertThat(descent.outcome(), equalTo(Outcome.CONVERGED));
    }

    @Test
    void givesUpAfterMaxSteps() {
        Descent descent = GradientDescent.descend(SQUARE_GRADIENT, new double[] {3}, 0.001, 1e-9, 25);
        assertThat("with a tiny eta the budget of 25 steps runs out first", descent.outcome(), equalTo(Outcome.MAX_STEPS));
        assertThat("exactly maxSteps steps are taken", descent.steps(), equalTo(25));
    }

    @Test
    void reportsDivergenceWhenTheStepIsFarTooLarge() {
        Descent descent = GradientDescent.descend(SQUARE_GRADIENT, new double[] {3}, 1.5, 1e-6, 1_000_000);
        assertThat("with eta 1.5 on x², x doubles in size each step until it overflows", descent.outcome(),
                equalTo(Outcome.DIVERGED));
    }

    @Test
    void walksDownTheBowlInTwoDimensions() {
        UnaryOperator<double[]> bowlGradient = p -> new double[] {2 * p[0], 20 * p[1]}; // f = x² + 10y²
        Descent descent = GradientDescent.descend(bowlGradient, new double[] {3, 1}, 0.05, 1e-6, 10_000);
        assertThat(descent.outcome(), equalTo(Outcome.CONVERGED));
        assertThat("x at the end", descent.last()[0], closeTo(0, 1e-6));
        assertThat("y at the end", descent.last()[1], closeTo(0, 1e-6));
    }

    @Test
    void doesNotModifyTheStartPoint() {
        double[] start = {3};
        GradientDescent.descend(SQUARE_GRADIENT, start, 0.1, 1e-3, 1000);
        assertThat("descend must not change the caller's start array", start[0], equalTo(3.0));
    }
}
