package kuibu.backprop;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;

import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 4.7: with cross-entropy, δ<sup>L</sup> = ∂C/∂z<sup>L</sup> = a − y, for softmax and for sigmoid outputs. */
@Exercise(id = "4.7", points = 2)
class SoftmaxCrossEntropyExerciseTest {

    private static final double[][] ZS = {{0.5, -1, 2}, {0, 0, 0, 0}, {12, -12, 0.3}, {1e-3, 2e-3}, {-4, 3, 1, 0.1, -0.2, 2.5}};

    @Test
    void softmaxWithCrossEntropy() {
        for (double[] z : ZS) {
            for (double[] y : targets(z.length)) {
                double[] a = Output.SOFTMAX.activate(z);
                assertThat(Cost.CROSS_ENTROPY.outputError(z, a, y, Output.SOFTMAX),
                        isGradientOf(zz -> Cost.CROSS_ENTROPY.value(Output.SOFTMAX.activate(zz), y, Output.SOFTMAX), at(z))
                                .hint("for softmax and C = -sum y ln a, dC/dz_j = a_j - y_j when the y sum to 1"));
            }
        }
    }

    @Test
    void sigmoidWithCrossEntropy() {
        for (double[] z : ZS) {
            double[] zz0 = clip(z, 8); // beyond |z| = 8, ln(1 - sigma(z)) loses too many digits for the referee
            for (double[] y : targets(z.length)) {
                double[] a = Output.SIGMOID.activate(zz0);
                assertThat(Cost.CROSS_ENTROPY.outputError(zz0, a, y, Output.SIGMOID),
                        isGradientOf(zz -> Cost.CROSS_ENTROPY.value(Output.SIGMOID.activate(zz), y, Output.SIGMOID), at(zz0))
                                .hint("for sigmoid outputs and C = -sum [y ln a + (1 - y) ln(1 - a)], dC/dz_j = a_j - y_j"));
            }
        }
    }

    /** A one-hot target, a soft target and a uniform one, each summing to 1. */
    private static double[][] targets(int n) {
        double[] oneHot = new double[n];
        oneHot[n - 1] = 1;
        double[] soft = new double[n];
        double[] uniform = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            soft[j] = j + 1;
            sum += j + 1;
            uniform[j] = 1.0 / n;
        }
        for (int j = 0; j < n; j++) {
            soft[j] /= sum;
        }
        return new double[][] {oneHot, soft, uniform};
    }

    private static double[] clip(double[] z, double limit) {
        double[] clipped = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            clipped[j] = Math.max(-limit, Math.min(limit, z[j]));
        }
        return clipped;
    }
}
