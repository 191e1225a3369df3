package kuibu.mnist;

import java.util.Random;

/** Small networks and batches for gradient checks, and the parameters as one flat vector. */
final class SmallNetworks {

    private SmallNetworks() {}

    /** A network with random parameters (including some exactly-zero inputs in the batch below). */
    static Network network(int[] sizes, Activation activation, Output output, Cost cost, long seed) {
        Network net = Network.random(sizes, activation, output, cost, Network.Init.NORMAL, seed);
        return net;
    }

    /** Fills rows of bp.a[0] with inputs in [0, 1] (about a third of them 0, like MNIST) and one-hot targets. */
    static void batch(Backprop bp, int m, long seed) {
        Random random = new Random(seed);
        int n = bp.net.sizes[0];
        int outputs = bp.net.sizes[bp.net.layers()];
        for (int i = 0; i < m * n; i++) {
            bp.a[0][i] = random.nextInt(3) == 0 ? 0 : random.nextDouble();
        }
        java.util.Arrays.fill(bp.y, 0);
        for (int s = 0; s < m; s++) {
            bp.y[s * outputs + random.nextInt(outputs)] = 1;   // one-hot, without exercise 5.2's code
        }
    }

    /** All weights then all biases, layer by layer, in storage order. */
    static double[] parameters(Network net) {
        int total = 0;
        for (int l = 0; l < net.layers(); l++) {
            total += net.weights[l].length + net.biases[l].length;
        }
        double[] p = new double[total];
        int i = 0;
        for (int l = 0; l < net.layers(); l++) {
            System.arraycopy(net.weights[l], 0, p, i, net.weights[l].length);
            i += net.weights[l].length;
            System.arraycopy(net.biases[l], 0, p, i, net.biases[l].length);
            i += net.biases[l].length;
        }
        return p;
    }

    static void setParameters(Network net, double[] p) {
        int i = 0;
        for (int l = 0; l < net.layers(); l++) {
            System.arraycopy(p, i, net.weights[l], 0, net.weights[l].length);
            i += net.weights[l].length;
            System.arraycopy(p, i, net.biases[l], 0, net.biases[l].length);
            i += net.biases[l].length;
        }
    }

    /** The gradient left in bp.nablaW / nablaB, flattened like {@link #parameters}. */
    static double[] gradient(Backprop bp) {
        Network net = bp.net;
        double[] g = new double[parameters(net).length];
        int i = 0;
        for (int l = 0; l < net.layers(); l++) {
            System.arraycopy(bp.nablaW[l], 0, g, i, bp.nablaW[l].length);
            i += bp.nablaW[l].length;
            System.arraycopy(bp.nablaB[l], 0, g, i, bp.nablaB[l].length);
            i += bp.nablaB[l].length;
        }
        return g;
    }
}
