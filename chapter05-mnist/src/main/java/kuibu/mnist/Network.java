package kuibu.mnist;

import java.util.Arrays;
import java.util.Random;

/**
 * A fully connected network: its layer sizes, its functions, and its parameters.
 *
 * <p>Chapter 4 writes the weight from neuron k of layer l−1 to neuron j of layer l as w^l_jk. Here
 * the weights into layer l+1 are kept as a sizes[l] × sizes[l+1] matrix, that is
 * <em>transposed</em>: {@code weights[l][k][j]} holds w_jk, and row k holds the weights going
 * out of neuron k. The reason is speed: with the samples of a mini-batch as rows, the forward
 * product A·W then runs its inner loop along a row of W (see {@link Matrices}). Model files use
 * chapter 4's [layer][j][k] order.
 */
public final class Network {

    final int[] sizes;
    final Activation activation;
    final Output output;
    final Cost cost;
    /** weights[l] is sizes[l] × sizes[l+1], one array per row: weights[l][k][j] = w_jk. */
    final double[][][] weights;
    /** biases[l][j]: the bias of neuron j of layer l+1. */
    final double[][] biases;

    public Network(int[] sizes, Activation activation, Output output, Cost cost) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output layer, got sizes "
                    + Arrays.toString(sizes));
        }
        for (int n : sizes) {
            if (n < 1) {
                throw new IllegalArgumentException("layer sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        this.activation = activation;
        this.output = output;
        this.cost = cost;
        this.weights = new double[sizes.length - 1][][];
        this.biases = new double[sizes.length - 1][];
        for (int l = 0; l < layers(); l++) {
            weights[l] = new double[sizes[l]][sizes[l + 1]];
            biases[l] = new double[sizes[l + 1]];
        }
    }

    /** How the first weights are drawn: Nielsen's N(0, 1) everywhere, or N(0, 1/fan-in) with zero biases. */
    public enum Init {
        /** w, b ~ N(0, 1): Nielsen's chapter 1 ({@code network.py}). */
        NORMAL,
        /** w ~ N(0, 1)/√(fan-in), b = 0: keeps z of order 1, so sigmoid neurons start unsaturated (Nielsen ch. 3). */
        SCALED
    }

    /** A network with random weights drawn from {@code java.util.Random(seed)}, layer by layer, j before k. */
    public static Network random(int[] sizes, Activation activation, Output output, Cost cost, Init init, long seed) {
        Network net = new Network(sizes, activation, output, cost);
        Random random = new Random(seed);
        for (int l = 0; l < net.layers(); l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double scale = init == Init.SCALED ? 1 / Math.sqrt(in) : 1;
            for (int j = 0; j < out; j++) {
                net.biases[l][j] = init == Init.SCALED ? 0 : random.nextGaussian();
                for (int k = 0; k < in; k++) {
                    net.weights[l][k][j] = scale * random.nextGaussian();
                }
            }
        }
        return net;
    }

    /** The number of weight layers (one fewer than the number of layers of neurons). */
    public int layers() {
        return sizes.length - 1;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public Activation activation() {
        return activation;
    }

    public Output output() {
        return output;
    }

    public Cost cost() {
        return cost;
    }

    // tag::parameters[]
    /** Every weight and bias: Σ over layers of (n_in · n_out + n_out). */
    public long parameterCount() {
        long count = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            count += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        return count;
    }
    // end::parameters[]

    /** w^{l+1}_jk in chapter 4's indexing: the weight into neuron j of layer l+1 from neuron k of layer l. */
    public double weight(int l, int j, int k) {
        return weights[l][k][j];
    }

    public void setWeight(int l, int j, int k, double w) {
        weights[l][k][j] = w;
    }

    public double bias(int l, int j) {
        return biases[l][j];
    }

    public void setBias(int l, int j, double b) {
        biases[l][j] = b;
    }

    /** The output activations for one input (a plain per-sample forward pass, used to predict). */
    public double[] feedforward(double[] x) {
        if (x.length != sizes[0]) {
            throw new IllegalArgumentException("the network takes " + sizes[0] + " inputs, got " + x.length);
        }
        double[] a = x;
        for (int l = 0; l < layers(); l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] z = biases[l].clone();
            for (int k = 0; k < in; k++) {
                double ak = a[k];
                for (int j = 0; j < out; j++) {
                    z[j] += ak * weights[l][k][j];
                }
            }
            double[] next = new double[out];
            if (l == layers() - 1) {
                output.activate(z, next);
            } else {
                for (int j = 0; j < out; j++) {
                    next[j] = activation.apply(z[j]);
                }
            }
            a = next;
        }
        return a;
    }

    /** The digit the network guesses: the index of the largest output. */
    public int predict(double[] x) {
        return argmax(feedforward(x), 0, sizes[layers()]);
    }

    static int argmax(double[] values, int offset, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (values[offset + j] > values[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    /** A deep copy. */
    public Network copy() {
        Network copy = new Network(sizes, activation, output, cost);
        for (int l = 0; l < layers(); l++) {
            for (int k = 0; k < sizes[l]; k++) {
                copy.weights[l][k] = weights[l][k].clone();
            }
            copy.biases[l] = biases[l].clone();
        }
        return copy;
    }

    /** Whether every parameter is a finite number (training that diverged leaves NaN or ∞ behind). */
    boolean isFinite() {
        for (int l = 0; l < layers(); l++) {
            for (double[] row : weights[l]) {
                for (double w : row) {
                    if (!Double.isFinite(w)) {
                        return false;
                    }
                }
            }
            for (double b : biases[l]) {
                if (!Double.isFinite(b)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Network" + Arrays.toString(sizes) + " " + activation.id() + "/" + output.id() + "/" + cost.id();
    }
}
