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
}
