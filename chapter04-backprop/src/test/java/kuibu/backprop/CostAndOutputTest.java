package kuibu.backprop;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isDerivativeOf;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import java.util.Arrays;
import java.util.Random;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CostAndOutputTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationDerivativesMatchTheReferee(Activation activation) {
        for (double z : new double[] {-6, -1, -0.01, 0.01, 0.5, 3, 9}) {
            assertThat(activation.derivative(z), isDerivativeOf(activation::value, at(z)));
        }
    }

    @Test
    void softmaxIsADistributionEvenForHugeInputs() {
        double[] a = Output.SOFTMAX.activate(new double[] {1000, 999, -1000});
        assertThat(Arrays.stream(a).sum(), closeTo(1, 1e-15));
        assertThat(a[0], closeTo(1 / (1 + Math.exp(-1)), 1e-15));
    }

    @Test
    void softmaxErrorIsTheChainRuleThroughSoftmax() {
        Random random = new Random(1);
        for (int n : new int[] {1, 2, 5}) {
            double[] z = Referee.vector(random, n, 2);
            double[] g = Referee.vector(random, n, 1);
            assertThat(Output.SOFTMAX.error(z, Output.SOFTMAX.activate(z), g),
                    isGradientOf(zz -> Referee.dot(g, Output.SOFTMAX.activate(zz)), at(z)));
        }
    }

    @ParameterizedTest
    @EnumSource(Output.class)
    void costGradientsMatchTheReferee(Output output) {
        double[] a = output == Output.SOFTMAX ? new double[] {0.2, 0.5, 0.3} : new double[] {0.2, 0.9, 0.4};
        double[] y = {0, 1, 0};
        for (Cost cost : Cost.values()) {
            assertThat(cost + " with " + output, cost.gradient(a, y, output), isGradientOf(aa -> cost.value(aa, y, output), at(a)));
        }
    }

    @Test
    void crossEntropyValues() {
        double[] y = {0, 1, 0};
        assertThat(Cost.CROSS_ENTROPY.value(new double[] {0.2, 0.5, 0.3}, y, Output.SOFTMAX), closeTo(Math.log(2), 1e-15));
        assertThat("sigmoid outputs also pay for the wrong classes",
                Cost.CROSS_ENTROPY.value(new double[] {0.5, 0.5, 0.5}, y, Output.SIGMOID), closeTo(3 * Math.log(2), 1e-15));
        assertThat("a perfect answer costs nothing, without 0 * ln 0 = NaN",
                Cost.CROSS_ENTROPY.value(new double[] {0, 1, 0}, y, Output.SIGMOID), is(0.0));
        assertThat(Cost.QUADRATIC.value(new double[] {1, 1, 1}, y, Output.SIGMOID), closeTo(1, 1e-15));
    }

    @Test
    void costsFromZAgreeWithCostsFromAWhereAIsExactAndStayFiniteWhereItIsNot() {
        double[] y = {0, 1, 0};
        for (Output output : Output.values()) {
            for (double[] z : new double[][] {{0.3, -1.2, 2.0}, {5, 4, -3}}) {
                double[] a = output.activate(z);
                for (Cost cost : Cost.values()) {
                    assertThat(cost + " with " + output + " at " + Arrays.toString(z), cost.value(z, a, y, output),
                            closeTo(cost.value(a, y, output), 1e-12));
                }
            }
        }
        double[] far = {1000, 0, -1000};
        assertThat("softmax: ln a of the second output is 0 - 1000, though a rounds to 0",
                Cost.CROSS_ENTROPY.value(far, Output.SOFTMAX.activate(far), y, Output.SOFTMAX), closeTo(1000, 1e-12));
        assertThat("sigmoid: ln σ(0) and ln(1 - σ(±1000)) = ln 2 + 1000 + 0",
                Cost.CROSS_ENTROPY.value(far, Output.SIGMOID.activate(far), y, Output.SIGMOID), closeTo(1000 + Math.log(2), 1e-12));
        assertThat(Cost.logSumExp(new double[] {1000, 1000}), closeTo(1000 + Math.log(2), 1e-12));
        assertThat(Cost.logSumExp(new double[] {-1000}), is(-1000.0));
    }
}
