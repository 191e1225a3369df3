package kuibu.backprop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import java.util.Random;
import kuibu.grading.Exercise;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;

/** Exercise 4.8: Xavier and He initialisation, the variances that keep a signal's size steady through depth. */
@Exercise(id = "4.8", points = 2)
class InitExerciseTest {

    @Test
    void xavierHasVarianceTwoOverFanInPlusFanOut() {
        for (int[] fan : new int[][] {{1, 1}, {784, 30}, {30, 10}, {100, 100}}) {
            double sd = Init.XAVIER.standardDeviation(fan[0], fan[1]);
            assertThat("Xavier: Var(w) = 2 / (fanIn + fanOut) for fanIn " + fan[0] + ", fanOut " + fan[1] + " (return the standard deviation, the square root)",
                    sd * sd, closeTo(2.0 / (fan[0] + fan[1]), 1e-12));
        }
    }

    @Test
    void heHasVarianceTwoOverFanIn() {
        for (int[] fan : new int[][] {{1, 1}, {784, 30}, {30, 10}, {100, 100}}) {
            double sd = Init.HE.standardDeviation(fan[0], fan[1]);
            assertThat("He: Var(w) = 2 / fanIn for fanIn " + fan[0] + " (return the standard deviation, the square root)",
                    sd * sd, closeTo(2.0 / fan[0], 1e-12));
        }
    }

    @Test
    void heKeepsAReluSignalSteadyThroughTwentyLayers() {
        double ratio = signalGrowth(Activation.RELU, Init.HE, 20);
        assertThat("with He initialisation the mean square activation of a deep ReLU net should neither die nor explode"
                + " (ratio last/first layer = " + ratio + ")", Math.abs(Math.log(ratio)), lessThan(Math.log(3)));
    }

    @Test
    void xavierKeepsATanhSignalAliveAndUnsaturated() {
        double ratio = signalGrowth(Activation.TANH, Init.XAVIER, 20);
        assertThat("with Xavier initialisation a deep tanh net's signal fades only slowly: after 20 layers its mean square"
                + " should keep more than 1% of the first layer's (it kept " + ratio + ")", ratio, greaterThan(0.01));
        assertThat("with Xavier initialisation the first tanh layer should not be saturated (mean square of tanh well below 1)",
                firstLayerMeanSquare(Activation.TANH, Init.XAVIER), lessThan(0.6));
    }

    private static double firstLayerMeanSquare(Activation activation, Init init) {
        Random random = new Random(12);
        Network network = new Network(Network.Design.DEFAULT.withHidden(activation).withInit(init), random, 100, 100, 100);
        double sum = 0;
        for (int i = 0; i < 200; i++) {
            sum += meanSquare(network.forwardPass(Referee.vector(random, 100, 1)).activations()[1]);
        }
        return sum / 200;
    }

    /** Mean square activation of the last hidden layer over the first, for 200 random inputs, width 100. */
    private static double signalGrowth(Activation activation, Init init, int depth) {
        int[] sizes = new int[depth + 1];
        java.util.Arrays.fill(sizes, 100);
        Random random = new Random(11);
        Network network = new Network(Network.Design.DEFAULT.withHidden(activation).withInit(init), random, sizes);
        double first = 0;
        double last = 0;
        for (int i = 0; i < 200; i++) {
            double[][] activations = network.forwardPass(Referee.vector(random, 100, 1)).activations();
            first += meanSquare(activations[1]);
            last += meanSquare(activations[depth - 1]);
        }
        return last / first;
    }

    private static double meanSquare(double[] a) {
        return Referee.dot(a, a) / a.length;
    }
}
