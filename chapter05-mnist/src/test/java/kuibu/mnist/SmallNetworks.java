package kuibu.mnist;

import java.util.Random;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.neuron.Activation;

/**
 * Small networks and batches for gradient checks, and the parameters as one flat vector. Public, with
 * the few methods that reach {@link Backprop}'s workspace, for tests in other packages.
 */
public final class SmallNetworks {

    private SmallNetworks() {}

    /** A network with random parameters (including some exactly-zero inputs in the batch below). */
    static Network network(int[] sizes, Activation activation, Output output, Cost cost, long seed) {
        Network net = Network.random(sizes, activation, output, cost, Init.STANDARD_NORMAL, seed);
        return net;
    }

    /** Fills rows of bp.a[0] with inputs in [0, 1] (about a third of them 0, like MNIST) and one-hot targets. */
    static void batch(Backprop bp, int m, long seed) {
        Random random = new Random(seed);
        int n = bp.net.size(0);
        int outputs = bp.net.size(bp.net.layers());
        for (int s = 0; s < m; s++) {
            for (int k = 0; k < n; k++) {
                bp.a[0][s][k] = random.nextInt(3) == 0 ? 0 : random.nextDouble();
            }
        }
        for (int s = 0; s < m; s++) {
            java.util.Arrays.fill(bp.y[s], 0);
            bp.y[s][random.nextInt(outputs)] = 1;   // one-hot, without exercise 5.2's code
        }
    }

    /** All weights (row k of the stored matrix, then row k + 1, ...) then all biases, layer by layer. */
    public static double[] parameters(Network net) {
        double[][][] w = new double[net.layers()][][];
        double[][] b = new double[net.layers()][];
        for (int l = 0; l < net.layers(); l++) {
            w[l] = net.weights(l);
            b[l] = net.biases(l);
        }
        return flatten(w, b);
    }

    public static void setParameters(Network net, double[] p) {
        int i = 0;
        for (int l = 0; l < net.layers(); l++) {
            for (double[] row : net.weights(l)) {
                System.arraycopy(p, i, row, 0, row.length);
                i += row.length;
            }
            System.arraycopy(p, i, net.biases(l), 0, net.biases(l).length);
            i += net.biases(l).length;
        }
    }

    /** The gradient left in bp.nablaW / nablaB, flattened like {@link #parameters}. */
    static double[] gradient(Backprop bp) {
        return flatten(bp.nablaW, bp.nablaB);
    }

    /** Weight rows and biases of every layer, one after the other, as one vector. */
    static double[] flatten(double[][][] w, double[][] b) {
        java.util.stream.DoubleStream.Builder all = java.util.stream.DoubleStream.builder();
        for (int l = 0; l < w.length; l++) {
            for (double[] row : w[l]) {
                for (double v : row) {
                    all.add(v);
                }
            }
            for (double v : b[l]) {
                all.add(v);
            }
        }
        return all.build().toArray();
    }

    /**
     * The summed gradient {@link Backprop#gradient} leaves for each batch in turn (rows of inputs and
     * of targets), flattened like {@link #parameters}, all computed by one workspace as training
     * reuses one: the second batch's gradient must not remember the first.
     */
    public static double[][] gradients(Network net, double[][][] inputs, double[][][] targets) {
        int capacity = java.util.Arrays.stream(inputs).mapToInt(batch -> batch.length).max().orElse(1);
        Backprop bp = new Backprop(net, capacity);
        double[][] gradients = new double[inputs.length][];
        for (int b = 0; b < inputs.length; b++) {
            int m = load(bp, inputs[b], targets[b]);
            bp.gradient(m);
            gradients[b] = gradient(bp);
        }
        return gradients;
    }

    /** The cost of the batch, summed over its samples, by a forward pass of a fresh workspace. */
    public static double summedCost(Network net, double[][] inputs, double[][] targets) {
        Backprop bp = new Backprop(net, inputs.length);
        return bp.forward(load(bp, inputs, targets));
    }

    private static int load(Backprop bp, double[][] inputs, double[][] targets) {
        for (int s = 0; s < inputs.length; s++) {
            System.arraycopy(inputs[s], 0, bp.a[0][s], 0, inputs[s].length);
            System.arraycopy(targets[s], 0, bp.y[s], 0, targets[s].length);
        }
        return inputs.length;
    }

    /** Row s of a batch matrix, as a copy. */
    static double[] row(double[][] matrix, int s) {
        return matrix[s].clone();
    }
}
