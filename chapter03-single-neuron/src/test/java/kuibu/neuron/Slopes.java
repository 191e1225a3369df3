package kuibu.neuron;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.function.DoubleUnaryOperator;

/** A one-variable referee check with a hint of the test's own. */
final class Slopes {

    private Slopes() {}

    static void assertSlope(double analytic, DoubleUnaryOperator f, double x, String hint) {
        assertThat(new double[] {analytic}, isGradientOf(p -> f.applyAsDouble(p[0]), at(x)).hint(hint));
    }
}
