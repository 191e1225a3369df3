package kuibu.backprop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;

/** Mazur's numbers, the depth experiment and the cost count behave as the text says. */
class MeasurementsTest {

    private static final int[] DEEP = {30, 30, 30, 30, 30, 30, 30, 10};
    private static final Network.Design SOFTMAX = Network.Design.DEFAULT.withOutput(Output.SOFTMAX).withCost(Cost.CROSS_ENTROPY);

    @Test
    void mazursExample() {
        Network network = MazurExample.network();
        assertThat(MazurExample.error(network), closeTo(0.298371109, 1e-9));
        MazurExample.step(network, MazurExample.ETA);
        double[] expected = {0.149780716, 0.199561432, 0.249751144, 0.299502287, 0.358916480, 0.408666186, 0.511301270, 0.561370121};
        double[] actual = {network.weights(0)[0][0], network.weights(0)[0][1], network.weights(0)[1][0], network.weights(0)[1][1],
            network.weights(1)[0][0], network.weights(1)[0][1], network.weights(1)[1][0], network.weights(1)[1][1]};
        for (int i = 0; i < expected.length; i++) {
            assertThat("w" + (i + 1) + "+", actual[i], closeTo(expected[i], 1e-9));
        }
        assertThat("biases stay fixed, as in the post", network.biases(0)[0], is(0.35));
        assertThat("the correct update order gives 0.291027774 after one step (not the post's 0.291027924)",
                MazurExample.error(network), closeTo(0.291027774, 1e-9));
        assertThat(MazurExample.error(MazurExample.trained(10_000)), lessThan(4e-5));
    }

    @Test
    void sigmoidGradientsVanishTowardsTheInput() {
        double[] norms = Depth.gradientNorms(SOFTMAX, 1L, DEEP);
        assertThat(norms[0], lessThan(norms[norms.length - 1] / 10));
    }

    @Test
    void reluWithLargeWeightsExplodesAndHeDoesNot() {
        double[] large = Depth.gradientNorms(SOFTMAX.withHidden(Activation.RELU), 1L, DEEP);
        double[] he = Depth.gradientNorms(SOFTMAX.withHidden(Activation.RELU).withInit(Init.HE), 1L, DEEP);
        for (int l = 0; l < he.length; l++) {
            assertThat("N(0, 1) layer " + l, large[l], greaterThan(100.0));
            assertThat("He layer " + l, he[l], greaterThan(0.1));
            assertThat("He layer " + l, he[l], lessThan(10.0));
        }
    }

    @Test
    void backpropIsLinearAndNumericQuadraticInTheParameters() {
        for (int width : new int[] {4, 8, 16}) {
            BackpropCost.Row row = BackpropCost.measure(width, width, width, width);
            long weights = 3L * width * width;
            assertThat("forward (D_w) plus backward (2 D_w minus the first layer's BP2)", row.backprop(), is(3 * weights - width * width));
            assertThat("two forward passes per parameter", row.numeric(), is(2L * row.parameters() * weights));
        }
        BackpropCost.Row small = BackpropCost.measure(8, 8, 8, 8);
        BackpropCost.Row large = BackpropCost.measure(16, 16, 16, 16);
        double growth = (double) large.parameters() / small.parameters();
        assertThat("the ratio numeric/backprop grows like D", large.ratio() / small.ratio(), closeTo(growth, 0.1 * growth));
    }
}
