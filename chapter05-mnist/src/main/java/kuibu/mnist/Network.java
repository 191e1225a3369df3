package kuibu.mnist;

import java.util.Arrays;
import java.util.SplittableRandom;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.neuron.Activation;

/**
 * A fully connected network: its layer sizes, its functions (chapter 3's activations, chapter 4's
 * outputs and costs) and its parameters.
 *
 * <p>Chapter 4 writes the weight from neuron k of layer l−1 to neuron j of layer l as w^l_jk. Here
 * the weights into layer l+1 are kept as a sizes[l] × sizes[l+1] matrix, that is
 * <em>transposed</em>: {@code weights(l)[k][j]} holds w_jk, and row k holds the weights going
 * out of neuron k. With the samples of a mini-batch as the rows of A, the forward product A·W then
 * runs its innermost loop along a row of W (equation (5.1)). Model files use chapter 4's [layer][j][k]
 * order.
 */
public final class Network {

    private final int[] sizes;
    private final Activation activation;
    private final Output output;
    private final Cost cost;
    /** weights[l] is sizes[l] × sizes[l+1], one array per row: weights[l][k][j] = w_jk. */
    private final double[][][] weights;
    /** biases[l][j]: the bias of neuron j of layer l+1. */
    private final double[][] biases;

    /** A network with every parameter 0 (set them, or start from {@link #random}). */
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

    /**
     * A network whose first weights and biases {@code init} draws (chapter 4's choices), layer by layer,
     * from a generator seeded with {@code seed}: the same seed, the same network.
     */
    public static Network random(int[] sizes, Activation activation, Output output, Cost cost, Init init, long seed) {
        Network net = new Network(sizes, activation, output, cost);
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < net.layers(); l++) {
            double[][] w = init.weights(sizes[l], sizes[l + 1], random); // chapter 4's [j][k]
            for (int j = 0; j < sizes[l + 1]; j++) {
                for (int k = 0; k < sizes[l]; k++) {
                    net.weights[l][k][j] = w[j][k];
                }
            }
            net.biases[l] = init.biases(sizes[l + 1], random);
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

    /** The size of layer l (0: the inputs). */
    public int size(int l) {
        return sizes[l];
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

    /** The weights into layer l+1, transposed (row k: the weights out of neuron k of layer l), live. */
    public double[][] weights(int l) {
        return weights[l];
    }

    /** The biases of layer l+1, live. */
    public double[] biases(int l) {
        return biases[l];
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

    /** The output activations for one input: the forward pass of chapter 4, one sample at a time. */
    public double[] feedforward(double[] x) {
        if (x.length != sizes[0]) {
            throw new IllegalArgumentException("the network takes " + sizes[0] + " inputs, got " + x.length);
        }
        double[] a = x;
        for (int l = 0; l < layers(); l++) {
            double[] z = biases[l].clone();
            for (int k = 0; k < sizes[l]; k++) {
                double ak = a[k];
                for (int j = 0; j < z.length; j++) {
                    z[j] += ak * weights[l][k][j];
                }
            }
            a = l == layers() - 1 ? output.activate(z) : activation.apply(z);
        }
        return a;
    }

    /** The digit the network guesses: the index of the largest output. */
    public int predict(double[] x) {
        return argmax(feedforward(x));
    }

    /** The index of the largest value (the first one, on a tie). */
    public static int argmax(double[] values) {
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * The same network as chapter 4's {@code Network} (weights copied into its [j][k] order): chapter 4's
     * backprop, one sample at a time, is what the matrix form is checked against and measured beside.
     */
    public kuibu.backprop.Network asChapterFour() {
        kuibu.backprop.Network four = new kuibu.backprop.Network(
                new kuibu.backprop.Network.Design(activation, output, cost, Init.STANDARD_NORMAL), 0L, sizes);
        for (int l = 0; l < layers(); l++) {
            for (int j = 0; j < sizes[l + 1]; j++) {
                for (int k = 0; k < sizes[l]; k++) {
                    four.weights(l)[j][k] = weights[l][k][j];
                }
            }
            System.arraycopy(biases[l], 0, four.biases(l), 0, sizes[l + 1]);
        }
        return four;
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
    public boolean isFinite() {
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
