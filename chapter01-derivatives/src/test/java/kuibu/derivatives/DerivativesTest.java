package kuibu.derivatives;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class DerivativesTest {

    @Test
    void centralDifferenceOfSineIsCosineToTenDigits() {
        assertThat(Derivatives.centralDifference(Math::sin, 1.0, 1e-5), closeTo(Math.cos(1.0), 1e-10));
    }

    @Test
    void centralDifferenceIsExactForAParabolaWhateverTheStep() {
        assertThat(Derivatives.centralDifference(x -> 3 * x * x - x, 2, 0.5), closeTo(11, 1e-12));
    }

    @Test
    void gradientHoldsTheOtherCoordinatesFixed() {
        double[] g = Derivatives.gradient(p -> p[0] * p[0] * p[1] + Math.exp(p[2]), new double[] {1, 2, 0});
        assertThat(g[0], closeTo(4, 1e-8));
        assertThat(g[1], closeTo(1, 1e-8));
        assertThat(g[2], closeTo(1, 1e-8));
    }

    @Test
    void gradientLeavesItsArgumentUnchanged() {
        double[] x = {0.1, 0.2, 0.3};
        Derivatives.gradient(p -> p[0] + p[1] * p[2], x, 1e-3);
        assertThat(x, equalTo(new double[] {0.1, 0.2, 0.3}));
    }

    @Test
    void gradientLeavesItsArgumentUnchangedEvenWhenTheFunctionThrows() {
        double[] x = {1, 2};
        try {
            Derivatives.gradient(p -> {
                if (p[1] != 2) {
                    throw new IllegalStateException("boom");
                }
                return p[0];
            }, x, 1e-3);
        } catch (IllegalStateException expected) {
            // the function gave up half way
        }
        assertThat(x, equalTo(new double[] {1, 2}));
    }
}
