package kuibu.mnist;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.stream.Stream;
import kuibu.backprop.Gradient;
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
                Arguments.of(new int[] {6, 5, 3}, "SIGMOID", "SIGMOID", "QUADRATIC"),
                Arguments.of(new int[] {6, 5, 4, 3}, "TANH", "SIGMOID", "CROSS_ENTROPY"),
                Arguments.of(new int[] {8, 7, 4}, "RELU", "SOFTMAX", "CROSS_ENTROPY"),
                Arguments.of(new int[] {5, 4, 4, 2}, "SIGMOID", "SOFTMAX", "QUADRATIC"));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("designs")
    void batchGradientIsTheSumOfChapterFoursPerSampleGradients(int[] sizes, String activation, String output, String cost) {
        Network net = SmallNetworks.network(sizes, Activation.valueOf(activation), Output.valueOf(output),
                Cost.valueOf(cost), 11);
        kuibu.backprop.Network reference = new kuibu.backprop.Network(new kuibu.backprop.Network.Design(
                kuibu.backprop.Activation.valueOf(activation), kuibu.backprop.Output.valueOf(output),
                kuibu.backprop.Cost.valueOf(cost), kuibu.backprop.Init.STANDARD_NORMAL), 1L, sizes);
        copyParameters(net, reference);   // this chapter stores w_jk transposed, at [k][j]

        int m = 5;
        Backprop bp = new Backprop(net, m);
        SmallNetworks.batch(bp, m, 3);
        bp.gradient(m);

        for (int l = 0; l < net.layers(); l++) {
            double[][] sumW = new double[sizes[l + 1]][sizes[l]];
            double[] sumB = new double[sizes[l + 1]];
            for (int s = 0; s < m; s++) {
                double[] x = SmallNetworks.row(bp.a[0], s);
                double[] y = SmallNetworks.row(bp.y, s);
                Gradient g = reference.backprop(x, y);
                for (int j = 0; j < sizes[l + 1]; j++) {
                    sumB[j] += g.nablaB(l)[j];
                    for (int k = 0; k < sizes[l]; k++) {
                        sumW[j][k] += g.nablaW(l)[j][k];
                    }
                }
            }
            for (int j = 0; j < sizes[l + 1]; j++) {
                assertThat("dC/db of layer " + l + ", neuron " + j, bp.nablaB[l][j], closeTo(sumB[j], 1e-10));
                for (int k = 0; k < sizes[l]; k++) {
                    assertThat("dC/dw of layer " + l + ", " + k + " -> " + j,
                            bp.nablaW[l][k][j], closeTo(sumW[j][k], 1e-10));
                }
            }
        }
    }

    private static void copyParameters(Network from, kuibu.backprop.Network to) {
        for (int l = 0; l < from.layers(); l++) {
            for (int j = 0; j < to.weights(l).length; j++) {
                to.biases(l)[j] = from.bias(l, j);
                for (int k = 0; k < to.weights(l)[j].length; k++) {
                    to.weights(l)[j][k] = from.weight(l, j, k);
                }
            }
        }
    }
}
