package kuibu.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chapter 2's computation graph and chapter 4's backprop, two independent ways to the same gradient: for every
 * design, on a 3-4-3-2 network, the graph's gradient equals backprop's to rounding, and a step of the one
 * equals a step of the other (not graded: it needs chapters 2 and 4 solved).
 */
class GraphNetworkTest {

    static Stream<Network.Design> designs() {
        return WholeNetworkGradientTest.designs().filter(design -> design.init() == Init.XAVIER);
    }

    @ParameterizedTest
    @MethodSource("designs")
    void theGraphsGradientIsBackpropsGradient(Network.Design design) {
        Network net = new Network(design, 7L, 3, 4, 3, 2);
        Random random = new Random(3);
        double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double[] y = design.output() == Output.SOFTMAX ? new double[] {0.3, 0.7} : new double[] {0.2, 1};
        double[] byGraph = new GraphNetwork(net).gradient(x, y).toArray();
        double[] byBackprop = net.backprop(x, y).toArray();
        assertArrayEquals(byBackprop, byGraph, 1e-13, design.toString());
    }

    @Test
    void aStepByGraphIsAStepByBackprop() {
        Network.Design design = Network.Design.DEFAULT.withHidden(Activation.TANH).withCost(Cost.CROSS_ENTROPY);
        Network byBackprop = new Network(design, 1L, 2, 3, 1);
        Network byGraph = new Network(design, 1L, 2, 3, 1);
        List<Sample> samples = Xor.samples();
        GraphNetwork graph = new GraphNetwork(byGraph);
        for (int step = 0; step < 3; step++) {
            double cost = graph.step(samples, 0.5);
            assertEquals(byBackprop.meanCost(samples), cost, 1e-14, "the mean cost before step " + step);
            byBackprop.updateMiniBatch(samples, 0.5);
            assertArrayEquals(byBackprop.parameters(), byGraph.parameters(), 1e-14, "after step " + step);
        }
    }

    @Test
    void aGraphHasANodePerOperation() {
        Network mazur = MazurExample.network();
        // 2 inputs; per neuron 2 weights, 2 products, 2 sums and a bias, then σ: 8 nodes, 4 neurons; the cost
        // per output: −y, ^2, *0.5 and a sum: 4 nodes, 2 outputs; plus the 0 the cost starts from
        assertEquals(2 + 4 * 8 + 2 * 4 + 1, new GraphNetwork(mazur).nodes(MazurExample.input(), MazurExample.target()));
    }
}
