package kuibu.backprop;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import kuibu.grading.Exercise;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exercise 4.5: the whole backward pass. The gradient of every weight and bias, for random networks
 * of several shapes, every hidden activation and both output layers, must match the numeric gradient
 * of the cost as a function of all D parameters. The quadratic cost and N(0, 1) weights keep this
 * exercise independent of exercises 4.7 and 4.8; {@link WholeNetworkGradientTest} checks every
 * combination.
 */
@Exercise(id = "4.5", points = 3)
class BackpropExerciseTest {

    static final int[][] SHAPES = {{3, 5, 4, 2}, {10, 7, 7, 7, 3}, {2, 2, 2}, {4, 3}, {1, 6, 1}};

    static Stream<Network.Design> designs() {
        List<Network.Design> designs = new ArrayList<>();
        for (Activation hidden : Activation.values()) {
            for (Output output : Output.values()) {
                designs.add(new Network.Design(hidden, output, Cost.QUADRATIC, Init.STANDARD_NORMAL));
            }
        }
        return designs.stream();
    }

    @ParameterizedTest
    @MethodSource("designs")
    void matchesTheRefereeForEveryParameter(Network.Design design) {
        checkWholeNetwork(design);
    }

    /** Two random points for each shape: backprop's gradient against central differences over all D parameters. */
    static void checkWholeNetwork(Network.Design design) {
        Random random = new Random(design.hashCode());
        for (int[] sizes : SHAPES) {
            for (int point = 0; point < 2; point++) {
                double[][] input = new double[1][];
                Network network = Referee.networkWithGoodInput(design, sizes, random, input);
                double[] x = input[0];
                double[] y = Referee.target(network, random);
                Gradient gradient = network.backprop(x, y);
                assertThat(gradient.toArray(), isGradientOf(Referee.costOfParameters(network, x, y), at(network.parameters()))
                        .hint("network " + Arrays.toString(sizes) + " with " + design + "; the component index counts layer by layer,"
                                + " weights row by row, then biases"));
            }
        }
    }

    @Test
    void givesMazursPartialDerivatives() {
        Gradient gradient = MazurExample.network().backprop(MazurExample.input(), MazurExample.target());
        assertThat("dE/dw5 in Mazur's example", gradient.nablaW(1)[0][0], closeTo(0.082167041, 1e-9));
        assertThat("dE/dw1 in Mazur's example", gradient.nablaW(0)[0][0], closeTo(0.000438568, 1e-9));
    }

    @Test
    void leavesTheNetworkUnchanged() {
        Network network = new Network(5L, 3, 4, 2);
        double[] before = network.parameters();
        network.backprop(new double[] {1, 2, 3}, new double[] {0, 1});
        assertThat("backprop computes a gradient; it must not change the weights or biases",
                Arrays.equals(before, network.parameters()), org.hamcrest.Matchers.is(true));
    }
}
