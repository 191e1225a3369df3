package kuibu.mnist;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import kuibu.backprop.Cost;
import kuibu.backprop.Output;
import kuibu.grading.Exercise;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exercise 5.3: the matrix form of BP1–BP4 gives the gradient of the batch's summed cost, as the
 * numeric referee measures it, and agrees with the per-sample loop of chapter 4.
 */
@Exercise(id = "5.3", points = 4)
class BatchBackpropExerciseTest {

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(new int[] {5, 4, 3}, Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC),
                Arguments.of(new int[] {6, 5, 4, 3}, Activation.SIGMOID, Output.SOFTMAX, Cost.CROSS_ENTROPY),
                Arguments.of(new int[] {4, 6, 3}, Activation.TANH, Output.SIGMOID, Cost.CROSS_ENTROPY),
                Arguments.of(new int[] {5, 7, 4}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY),
                Arguments.of(new int[] {5, 3, 3, 4}, Activation.TANH, Output.SOFTMAX, Cost.QUADRATIC));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("networks")
    void matchesTheReferee(int[] sizes, Activation activation, Output output, Cost cost) {
        for (long seed = 1; seed <= 3; seed++) {
            Network net = SmallNetworks.network(sizes, activation, output, cost, seed);
            int m = 3;
            Backprop bp = new Backprop(net, m);
            SmallNetworks.batch(bp, m, seed + 100);
            bp.gradient(m);
            double[] analytic = SmallNetworks.gradient(bp);
            ToDoubleFunction<double[]> summedCost = p -> {
                SmallNetworks.setParameters(net, p);
                return bp.forward(m);
            };
            double[] at = SmallNetworks.parameters(net);
            assertThat(analytic, isGradientOf(summedCost, at(at)).within(activation == Activation.RELU ? 1e-4 : 1e-6)
                    .hint("weights come first, layer by layer (stored n_in x n_out, row k after row k - 1), then the biases;"
                            + " a wrong weight gradient usually means BP4 used the wrong activations (a of layer l-1)"));
        }
    }

    /** Training reuses one workspace for every batch: the second batch's gradient must not remember the first. */
    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("networks")
    void aSecondBatchOnTheSameWorkspaceGetsItsOwnGradient(int[] sizes, Activation activation, Output output, Cost cost) {
        Network net = SmallNetworks.network(sizes, activation, output, cost, 11);
        Backprop bp = new Backprop(net, 4);
        SmallNetworks.batch(bp, 4, 12);
        bp.gradient(4);
        int m = 3;
        SmallNetworks.batch(bp, m, 13); // another batch, and a smaller one
        bp.gradient(m);
        double[] analytic = SmallNetworks.gradient(bp);
        ToDoubleFunction<double[]> summedCost = p -> {
            SmallNetworks.setParameters(net, p);
            return bp.forward(m);
        };
        assertThat(analytic, isGradientOf(summedCost, at(SmallNetworks.parameters(net))).within(activation == Activation.RELU ? 1e-4 : 1e-6)
                .hint("the second call of backward on one workspace: set nablaW and nablaB to 0 before summing the new"
                        + " batch into them (the first batch's sums are still there)"));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("networks")
    void agreesWithThePerSampleLoop(int[] sizes, Activation activation, Output output, Cost cost) {
        Network net = SmallNetworks.network(sizes, activation, output, cost, 7);
        int m = 4;
        Backprop bp = new Backprop(net, m);
        SmallNetworks.batch(bp, m, 8);
        double cost0 = bp.gradient(m);
        kuibu.backprop.Network perSample = net.asChapterFour();   // chapter 4's loop, the same weights
        double perSampleCost = 0;
        double[][][] nablaW = new double[net.layers()][][];
        double[][] nablaB = new double[net.layers()][];
        for (int l = 0; l < net.layers(); l++) {
            nablaW[l] = new double[sizes[l + 1]][sizes[l]];
            nablaB[l] = new double[sizes[l + 1]];
        }
        for (int s = 0; s < m; s++) {
            double[] x = SmallNetworks.row(bp.a[0], s);
            double[] y = SmallNetworks.row(bp.y, s);
            perSampleCost += perSample.cost(x, y);
            kuibu.backprop.Gradient g = perSample.backprop(x, y);
            for (int l = 0; l < net.layers(); l++) {
                for (int j = 0; j < sizes[l + 1]; j++) {
                    nablaB[l][j] += g.nablaB(l)[j];
                    for (int k = 0; k < sizes[l]; k++) {
                        nablaW[l][j][k] += g.nablaW(l)[j][k];
                    }
                }
            }
        }
        assertEquals(perSampleCost, cost0, 1e-12);
        for (int l = 0; l < net.layers(); l++) {
            for (int k = 0; k < sizes[l]; k++) {
                for (int j = 0; j < sizes[l + 1]; j++) {
                    assertEquals(nablaW[l][j][k], bp.nablaW[l][k][j], 1e-12, "dC/dW of layer " + l + ", entry [" + k
                            + "][" + j + "] (stored transposed): the batch's gradient is the sum of the samples' gradients");
                }
            }
            for (int j = 0; j < nablaB[l].length; j++) {
                assertEquals(nablaB[l][j], bp.nablaB[l][j], 1e-12, "dC/db of layer " + l + ", neuron " + j
                        + ": BP3 sums delta over the batch (the rows)");
            }
        }
    }

    @Test
    void oneSampleBatchOnMnistSizedInput() {
        Network net = SmallNetworks.network(new int[] {784, 8, 10}, Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC, 3);
        Backprop bp = new Backprop(net, 1);
        SmallNetworks.batch(bp, 1, 4);
        bp.gradient(1);
        double[] analytic = SmallNetworks.gradient(bp);
        double[] p = SmallNetworks.parameters(net);
        // check a handful of coordinates through a one-variable slice each, to keep the test fast
        for (int index : new int[] {0, 17, 783 * 8 + 5, p.length - 11, p.length - 1}) {
            double[] point = p.clone();
            ToDoubleFunction<double[]> along = v -> {
                double[] q = point.clone();
                q[index] = v[0];
                SmallNetworks.setParameters(net, q);
                return bp.forward(1);
            };
            assertThat(new double[] {analytic[index]}, isGradientOf(along, at(p[index])).hint("parameter " + index));
        }
    }
}
