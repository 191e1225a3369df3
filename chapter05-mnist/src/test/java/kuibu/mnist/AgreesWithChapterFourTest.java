package kuibu.mnist;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.stream.Stream;
import kuibu.backprop.Cost;
import kuibu.backprop.Gradient;
import kuibu.backprop.Output;
import kuibu.neuron.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix form of this chapter and the per-sample loop of chapter 4 are two codings of the same
 * four equations: for the same parameters and the same batch, the batch's gradient must be the sum of
 * chapter 4's per-sample gradients, entry by entry.
 */
class AgreesWithChapterFourTest {

    static Stream<Arguments> designs() {
        return Stream.of(
                Arguments.of(new int[] {6, 5, 3}, Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC),
                Arguments.of(new int[] {6, 5, 4, 3}, Activation.TANH, Output.SIGMOID, Cost.CROSS_ENTROPY),
                Arguments.of(new int[] {8, 7, 4}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY),
                Arguments.of(new int[] {5, 4, 4, 2}, Activation.SIGMOID, Output.SOFTMAX, Cost.QUADRATIC));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("designs")
    void batchGradientIsTheSumOfChapterFoursPerSampleGradients(int[] sizes, Activation activation, Output output, Cost cost) {
        Network net = SmallNetworks.network(sizes, activation, output, cost, 11);
        kuibu.backprop.Network reference = net.asChapterFour();   // the same w_jk, in chapter 4's [j][k]

        int m = 5;
        Backprop bp = new Backprop(net, m);
        SmallNetworks.batch(bp, m, 3);
        bp.gradient(m);

        for (int l = 0; l < net.layers(); l++) {
            double[][] sumW = new double[sizes[l + 1]][sizes[l]];
            double[] sumB = new double[sizes[l + 1]];
            for (int s = 0; s < m; s++) {
                Gradient g = reference.backprop(bp.input(s).clone(), bp.target(s).clone());
                for (int j = 0; j < sizes[l + 1]; j++) {
                    sumB[j] += g.nablaB(l)[j];
                    for (int k = 0; k < sizes[l]; k++) {
                        sumW[j][k] += g.nablaW(l)[j][k];
                    }
                }
            }
            for (int j = 0; j < sizes[l + 1]; j++) {
                assertThat("dC/db of layer " + l + ", neuron " + j, bp.nablaB(l)[j], closeTo(sumB[j], 1e-10));
                for (int k = 0; k < sizes[l]; k++) {
                    assertThat("dC/dw of layer " + l + ", " + k + " -> " + j, bp.nablaW(l)[k][j], closeTo(sumW[j][k], 1e-10));
                }
            }
        }
    }
}
