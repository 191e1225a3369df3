package kuibu.backprop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;

class NetworkTest {

    @Test
    void parametersAreShapedLikeTheLayers() {
        Network network = new Network(1L, 3, 5, 4, 2);
        assertThat(network.layers(), is(3));
        assertThat(network.weights(0).length + "x" + network.weights(0)[0].length, is("5x3"));
        assertThat(network.weights(2).length + "x" + network.weights(2)[0].length, is("2x4"));
        assertThat(network.biases(1).length, is(4));
        assertThat(network.parameterCount(), is(15 + 5 + 20 + 4 + 8 + 2));
    }

    @Test
    void theSameSeedGivesTheSameNetwork() {
        assertThat(Arrays.equals(new Network(7L, 4, 3, 2).parameters(), new Network(7L, 4, 3, 2).parameters()), is(true));
        assertThat(Arrays.equals(new Network(7L, 4, 3, 2).parameters(), new Network(8L, 4, 3, 2).parameters()), is(false));
        assertThat(Arrays.equals(new Network(Network.Design.DEFAULT, new Random(7), 4, 3, 2).parameters(), new Network(7L, 4, 3, 2).parameters()), is(true));
    }

    @Test
    void xavierAndHeStartWithZeroBiases() {
        Network network = new Network(Network.Design.DEFAULT.withInit(Init.HE), 1L, 3, 4, 2);
        assertThat(Arrays.stream(network.biases(0)).allMatch(b -> b == 0), is(true));
    }

    @Test
    void weightsAndBiasesAreLive() {
        Network network = new Network(1L, 1, 1);
        network.weights(0)[0][0] = 2;
        network.biases(0)[0] = -1;
        assertThat("sigma(2 * 0.5 - 1) = sigma(0)", network.feedforward(new double[] {0.5})[0], closeTo(0.5, 1e-15));
    }

    @Test
    void parametersRoundTrip() {
        Network network = new Network(2L, 3, 4, 2);
        double[] theta = network.parameters();
        theta[0] = 42;
        network.setParameters(theta);
        assertThat(network.weights(0)[0][0], is(42.0));
        assertThat(Arrays.equals(theta, network.parameters()), is(true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> network.setParameters(new double[3]));
        assertThat(e.getMessage(), containsString("expected 26 parameters, got 3"));
    }

    @Test
    void shapeErrorsNameExpectedAndActualSizes() {
        Network network = new Network(1L, 3, 4, 2);
        IllegalArgumentException input = assertThrows(IllegalArgumentException.class, () -> network.feedforward(new double[2]));
        assertThat(input.getMessage(), containsString("expected an input of length 3, got length 2"));
        IllegalArgumentException backpropInput = assertThrows(IllegalArgumentException.class,
                () -> network.backprop(new double[4], new double[2]));
        assertThat(backpropInput.getMessage(), containsString("expected an input of length 3, got length 4"));
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class,
                () -> network.backprop(new double[3], new double[3]));
        assertThat(target.getMessage(), containsString("expected a target of length 2, got length 3"));
        IllegalArgumentException cost = assertThrows(IllegalArgumentException.class, () -> network.cost(new double[3], new double[1]));
        assertThat(cost.getMessage(), containsString("expected a target of length 2, got length 1"));
        IllegalArgumentException layer = assertThrows(IllegalArgumentException.class, () -> network.weights(2));
        assertThat(layer.getMessage(), containsString("expected a layer index from 0 to 1, got 2"));
    }

    @Test
    void badLayerSizesAreRejected() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> new Network(1L, 3)).getMessage(),
                containsString("expected at least 2 layer sizes"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> new Network(1L, 3, 0, 2)).getMessage(),
                containsString("at least 1 neuron, got [3, 0, 2]"));
    }

    @Test
    void softmaxWithCrossEntropyNeedsADistribution() {
        Network network = new Network(Network.Design.DEFAULT.withOutput(Output.SOFTMAX).withCost(Cost.CROSS_ENTROPY), 1L, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network.backprop(new double[2], new double[] {1, 1, 0}));
        assertThat(e.getMessage(), containsString("sum to 1"));
        assertThat(e.getMessage(), containsString("got a sum of 2"));
    }

    @Test
    void learnsXor() {
        Network.Design design = Network.Design.DEFAULT.withHidden(Activation.TANH).withCost(Cost.CROSS_ENTROPY).withInit(Init.XAVIER);
        for (long seed = 1; seed <= 3; seed++) {
            Network network = new Network(design, seed, 2, 3, 1);
            List<Network.Epoch> history = Xor.train(network, 1000, 0.5, seed);
            assertThat("seed " + seed, history.get(history.size() - 1).accuracy(), is(1.0));
            assertThat("seed " + seed, history.get(history.size() - 1).cost(), lessThan(0.05));
            assertThat(network.evaluate(Xor.samples()), is(4));
        }
    }

    @Test
    void sgdLowersTheCost() {
        Random random = new Random(3);
        List<Sample> data = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double[] x = Referee.vector(random, 4, 1);
            double[] y = new double[3];
            y[x[0] > x[1] ? (x[0] > x[2] ? 0 : 2) : (x[1] > x[2] ? 1 : 2)] = 1; // the largest of the first three inputs
            data.add(new Sample(x, y));
        }
        Network network = new Network(Network.Design.DEFAULT.withOutput(Output.SOFTMAX).withCost(Cost.CROSS_ENTROPY), random, 4, 8, 3);
        double before = network.meanCost(data);
        List<Network.Epoch> history = network.sgd(data, 30, 10, 0.5, random);
        assertThat(history.size(), is(30));
        assertThat(history.get(29).cost(), lessThan(before / 2));
        assertThat(history.get(29).accuracy(), greaterThan(0.8));
    }

    @Test
    void sgdRejectsNonsense() {
        Network network = new Network(1L, 2, 1);
        List<Sample> xor = Xor.samples();
        assertThat(assertThrows(IllegalArgumentException.class, () -> network.sgd(xor, 1, 0, 0.1, new Random())).getMessage(),
                containsString("mini-batch size >= 1"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> network.sgd(List.of(), 1, 1, 0.1, new Random())).getMessage(),
                containsString("at least one sample"));
    }

    @Test
    void sgdWithTheSameSeedIsReproducible() {
        Network a = new Network(5L, 2, 3, 1);
        Network b = new Network(5L, 2, 3, 1);
        a.sgd(Xor.samples(), 5, 2, 1.0, new Random(9));
        b.sgd(Xor.samples(), 5, 2, 1.0, new Random(9));
        assertThat(Arrays.equals(a.parameters(), b.parameters()), is(true));
        assertThat(Arrays.equals(a.parameters(), new Network(5L, 2, 3, 1).parameters()), is(not(true)));
    }

    @Test
    void classifiesByTheLargestOutput() {
        Network network = new Network(Network.Design.DEFAULT.withOutput(Output.SOFTMAX), 1L, 1, 3);
        network.weights(0)[0][0] = 0;
        network.weights(0)[1][0] = 5;
        network.weights(0)[2][0] = 0;
        Arrays.fill(network.biases(0), 0);
        assertThat(network.classify(new double[] {1}), is(1));
        assertThat(network.classify(new double[] {-1}), is(not(1)));
    }
}
