package kuibu.backprop;

import java.util.List;
import java.util.Random;

/**
 * XOR, the function one neuron cannot compute (no straight line separates its 1s from its 0s),
 * learned by a network with one small hidden layer.
 */
public final class Xor {

    private Xor() {}

    /** The four points of XOR: output 1 exactly when one input is 1. */
    public static List<Sample> samples() {
        return List.of(
                new Sample(new double[] {0, 0}, new double[] {0}),
                new Sample(new double[] {0, 1}, new double[] {1}),
                new Sample(new double[] {1, 0}, new double[] {1}),
                new Sample(new double[] {1, 1}, new double[] {0}));
    }

    /** Trains {@code network} (2 inputs, 1 output) on XOR with mini-batches of all 4 points; returns each epoch's cost and accuracy. */
    // tag::train[]
    public static List<Network.Epoch> train(Network network, int epochs, double eta, long seed) {
        return network.sgd(samples(), epochs, 4, eta, new Random(seed));
    }
    // end::train[]

    /**
     * The mean of ½(a − y)² over the four points before training and after each of {@code epochs}
     * epochs: one yardstick for networks trained with different costs, whose own cost values are
     * not comparable.
     */
    public static double[] errorCurve(Network network, int epochs, double eta, long seed) {
        Random random = new Random(seed);
        double[] curve = new double[epochs + 1];
        curve[0] = meanSquaredError(network);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            network.sgd(samples(), 1, 4, eta, random);
            curve[epoch] = meanSquaredError(network);
        }
        return curve;
    }

    private static double meanSquaredError(Network network) {
        double sum = 0;
        for (Sample sample : samples()) {
            sum += Cost.QUADRATIC.value(network.feedforward(sample.x()), sample.y(), Output.SIGMOID);
        }
        return sum / samples().size();
    }
}
