package kuibu.derivatives;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isDerivativeOf;
import static kuibu.derivatives.GradientMatchers.isExactly;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
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
    void exactCheckAcceptsRoundingInAnyOrder() {
        double x = 0.7318;
        double y = -1.2345;
        double[] expected = {3 * x * x * y, x * x * x}; // ∇(x³y), worked out by hand
        assertThat(new double[] {x * (3 * x * y), x * x * x}, isExactly(expected));
        assertThat(new double[] {Math.nextUp(expected[0]), Math.nextDown(expected[1])}, isExactly(expected));
        assertThat("near 0 rounding is absolute", new double[] {4e-16}, isExactly(0));
    }

    @Test
    void exactCheckTellsANumericApproximationFromAFormula() {
        double x = 0.7318;
        double numeric = Derivatives.centralDifference(t -> t * t * t, x, Derivatives.H);
        assertThat("the referee accepts it", new double[] {numeric}, isDerivativeOfCube(x));
        AssertionError error = assertThrows(AssertionError.class,
                () -> assertThat(new double[] {1, numeric}, isExactly(1, 3 * x * x).of("∇f at (1, 0.7318)")));
        String message = error.getMessage();
        assertThat(message, containsString("analytic ∇f at (1, 0.7318), component 1 of 2, is 1.60659372000000"));
        assertThat(message, containsString("; got 1.60659372009"));
        assertThat(message, containsString("relative error 5.7e-11"));
        assertThat(message, containsString("exact formulas agree to 1e-12, a numeric approximation (a difference quotient)"
                + " only to about 1e-9: work the derivative out by hand"));
    }

    @Test
    void exactCheckCallsAValueNearZeroButNotRoundingNumeric() {
        AssertionError error = assertThrows(AssertionError.class, () -> assertThat(new double[] {3e-11}, isExactly(0)));
        assertThat(error.getMessage(), containsString("analytic value is 0.0000000000000000; got 3.0000000000000000e-11"));
        assertThat(error.getMessage(), containsString("a numeric approximation"));
        assertThat("a small value is still held to relative 1e-12", new double[] {-3.14e-4 * (1 + 2e-11)}, not(isExactly(-3.14e-4)));
    }

    @Test
    void exactCheckCallsAFarOffValueWrongWithTheUsualCause() {
        AssertionError twice = assertThrows(AssertionError.class,
                () -> assertThat(new double[] {2.8, 5}, isExactly(1.4, 5).of("∇f")));
        assertThat(twice.getMessage(), containsString("analytic ∇f, component 0 of 2, is 1.4000000000000000; got 2.8000000000000000"));
        assertThat(twice.getMessage(), containsString("the formula is wrong: off by a factor of 2"));

        AssertionError unknown = assertThrows(AssertionError.class, () -> assertThat(new double[] {3}, isExactly(1)));
        assertThat(unknown.getMessage(), endsWith("(relative error 0.67): the formula is wrong"));

        AssertionError nan = assertThrows(AssertionError.class, () -> assertThat(new double[] {Double.NaN}, isExactly(1)));
        assertThat(nan.getMessage(), containsString("the formula is wrong: the analytic value is not finite"));
    }

    @Test
    void exactCheckRejectsAGradientOfTheWrongLength() {
        AssertionError error = assertThrows(AssertionError.class, () -> assertThat(new double[] {1}, isExactly(1, 2).of("∇f")));
        assertThat(error.getMessage(), containsString("∇f has 2 components, got 1"));
    }

    private static GradientMatchers.GradientMatcher isDerivativeOfCube(double x) {
        return isGradientOf(p -> p[0] * p[0] * p[0], at(x));
    }

    @Test
    void aLongPointIsAbbreviatedInMessages() {
        assertThat(at(1, 2).toString(), equalTo("[1.0, 2.0]"));
        String longPoint = at(new double[200]).toString();
        assertThat(longPoint, containsString("(200 coordinates)"));
        assertThat(longPoint.length() < 80, equalTo(true));
    }
}
