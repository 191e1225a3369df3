package kuibu.derivatives;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isDerivativeOf;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

    private static final ToDoubleFunction<double[]> SQUARES = p -> p[0] * p[0] + 3 * p[1] * p[1];

    @Test
    void relativeErrorIsZeroWhenBothAreZero() {
        assertThat(GradientCheck.relativeError(0, 0), equalTo(0.0));
    }

    @Test
    void relativeErrorIsScaleFree() {
        assertThat(GradientCheck.relativeError(0.12, 0.24), equalTo(0.5));
        assertThat(GradientCheck.relativeError(1.2e6, 2.4e6), equalTo(0.5));
    }

    @Test
    void verdictsFollowTheUsualThresholds() {
        assertThat(GradientCheck.verdict(1e-9), equalTo("good"));
        assertThat(GradientCheck.verdict(1e-5), containsString("suspicious"));
        assertThat(GradientCheck.verdict(0.3), equalTo("wrong"));
    }

    @Test
    void acceptsACorrectGradient() {
        assertThat(new double[] {2, 12}, isGradientOf(SQUARES, at(1, 2)));
        assertThat(Math.cos(0.3), isDerivativeOf(Math::sin, at(0.3)));
    }

    @Test
    void acceptsAZeroGradientAtAMinimumDespiteRoundOff() {
        assertThat(new double[] {0, 0}, isGradientOf(p -> 100 + SQUARES.applyAsDouble(p), at(0, 0)));
    }

    @Test
    void failureNamesTheWorstComponentBothValuesAndTheFactorOfTwo() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> assertThat(new double[] {2, 6}, isGradientOf(SQUARES, at(1, 2))));
        String message = error.getMessage();
        assertThat(message, containsString("component 1 of 2"));
        assertThat(message, containsString("analytic = 6.00000"));
        assertThat(message, containsString("numeric = 12.0000"));
        assertThat(message, containsString("relative error 0.50"));
        assertThat(message, containsString("factor of 2"));
    }

    @Test
    void failureSpotsAFlippedSign() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> assertThat(-Math.cos(1), isDerivativeOf(Math::sin, at(1))));
        assertThat(error.getMessage(), containsString("opposite sign"));
    }

    @Test
    void aKinkNeedsALooserTolerance() {
        // ReLU at 1e-6: the probes at x ± 1e-5 straddle the kink, so the numeric slope is about 0.55
        GradientMatchers.GradientMatcher relu = isGradientOf(p -> Math.max(0, p[0]), at(1e-6));
        assertThat(new double[] {1}, not(relu));
        assertThat(new double[] {1}, not(relu.within(1e-4)));
        assertThat(new double[] {1}, isGradientOf(p -> Math.max(0, p[0]), at(1e-3)));
    }

    @Test
    void rejectsAGradientOfTheWrongLength() {
        assertThat(new double[] {2}, not(isGradientOf(SQUARES, at(1, 2))));
    }

    @Test
    void rejectsNaN() {
        assertThat(new double[] {Double.NaN, 12}, not(isGradientOf(SQUARES, at(1, 2))));
    }

    @Test
    void aLongPointIsAbbreviatedInMessages() {
        assertThat(at(1, 2).toString(), equalTo("[1.0, 2.0]"));
        String longPoint = at(new double[200]).toString();
        assertThat(longPoint, containsString("(200 coordinates)"));
        assertThat(longPoint.length() < 80, equalTo(true));
    }
}
