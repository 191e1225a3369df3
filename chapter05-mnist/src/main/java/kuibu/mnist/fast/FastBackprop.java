package kuibu.mnist.fast;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import kuibu.mnist.Backprop;
import kuibu.mnist.Engine;
import kuibu.mnist.Network;
import kuibu.mnist.OneHot;
import kuibu.mnist.Sgd;
import kuibu.mnist.data.Dataset;

/**
 * The fast engine: the lesson's training step ({@link Backprop#step}) with the same arithmetic arranged
 * for speed. Three things change, and none of them is the mathematics:
 * <ul>
 * <li>The products skip zeros from lists: each image's non-zero pixels are listed once per dataset, and a
 * batch loads its inputs as those lists only, never as rows of 784; every other layer's activations are
 * listed by row (for the forward product) and by column (for BP4), without a branch per entry.
 * <li>BP4 is fused with the update: its product goes straight into the weights, so no gradient matrix is
 * filled and cleared, and weights from inputs that are 0 everywhere in the batch are not touched.
 * <li>The products are split across threads ({@link Parallel}), each number still summed by one thread
 * in one order, so the result is the same on any number of threads.
 * </ul>
 * BP1 is chapter 4's ({@code Cost.outputError}); BP2 and BP3 are the lesson's own methods, the bias step
 * is {@link Sgd#update}, and the fused weight step takes its two numbers (the decay and the step size) from
 * {@link Sgd#update} too: the fast engine computes nothing the lesson does not, and trains with whatever the
 * lesson's methods compute. It agrees with the lesson's engine up to rounding (tests compare them).
 */
public final class FastBackprop implements Engine {

    private final Network net;
    private final int capacity;
    private final Parallel parallel;
    private final double[][][] a;
    private final double[][][] z;
    private final double[][][] delta;
    private final double[][] y;
    /** ∂C/∂b of each layer for the step, summed over the batch. */
    private final double[][] nablaB;
    /**
     * The activations of layer l, sample s, by their non-zero entries: nonzero[l][s] lists the columns k where
     * a[l][s][k] is not 0 (nonzeroCount[l][s] of them), values[l][s] those entries, in the same order. The
     * input layer exists only in this form, written by {@link #load}; the other layers' lists are made from
     * their rows by {@link #forward}. By column: nonzeroSamples[l][k] lists the samples whose a[l][s][k] is not
     * 0 (nonzeroSampleCount[l][k] of them), in order, and sampleValues[l][k] those entries.
     */
    private final int[][][] nonzero;
    private final double[][][] values;
    private final int[][] nonzeroCount;
    private final int[][][] nonzeroSamples;
    private final double[][][] sampleValues;
    private final int[][] nonzeroSampleCount;
    /** What {@link Dataset#prefetch} returned last, kept only so that its reads are not optimised away. */
    private int prefetched;

    /** A workspace for batches of up to {@code capacity} samples, on {@code threads} threads. */
    public FastBackprop(Network net, int capacity, int threads) {
        this(net, capacity, new Parallel(threads));
    }

    FastBackprop(Network net, int capacity, Parallel parallel) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a batch holds at least one sample, got capacity " + capacity);
        }
        this.net = net;
        this.capacity = capacity;
        this.parallel = parallel;
        a = Backprop.batchMatrices(net, capacity, 1);                // the inputs are lists only: see values
        z = Backprop.batchMatrices(net, capacity, 1);
        delta = Backprop.batchMatrices(net, capacity, 1);
        y = new double[capacity][net.size(net.layers())];
        nablaB = new double[net.layers()][];
        for (int l = 0; l < net.layers(); l++) {
            nablaB[l] = new double[net.size(l + 1)];
        }
        nonzero = new int[net.layers()][][];
        values = new double[net.layers()][][];
        nonzeroCount = new int[net.layers()][capacity];
        nonzeroSamples = new int[net.layers()][][];
        sampleValues = new double[net.layers()][][];
        nonzeroSampleCount = new int[net.layers()][];
        for (int l = 0; l < net.layers(); l++) {
            nonzero[l] = new int[capacity][net.size(l)];
            values[l] = new double[capacity][net.size(l)];
            nonzeroSamples[l] = new int[net.size(l)][capacity];
            sampleValues[l] = new double[net.size(l)][capacity];
            nonzeroSampleCount[l] = new int[net.size(l)];
        }
    }

    @Override
    public Network network() {
        return net;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public double[] weightedInput(int l, int s) {
        return z[l][s];
    }

    /** Row s of the activations of layer l (1 to L) after {@link #forward}, to read. */
    public double[] activations(int l, int s) {
        if (l < 1) {
            throw new IllegalArgumentException("the inputs are kept as lists, not rows: see input(s)");
        }
        return a[l][s];
    }

    /** The input of sample s that {@link #load} listed, as a row of 784 (a new array). */
    public double[] input(int s) {
        double[] x = new double[net.size(0)];
        for (int t = 0; t < nonzeroCount[0][s]; t++) {
            x[nonzero[0][s][t]] = values[0][s][t];
        }
        return x;
    }

    /**
     * Loads a batch: image {@code image.applyAsInt(s)} of {@code data} into row s, for s &lt; m, with its
     * one-hot target. The rows are split across the threads as the input layer's product splits them, so
     * each thread then reads the rows it wrote itself: rows written by one core and read by the other cost
     * a transfer between their caches for every line, and loading on one thread made two threads slower
     * than one. Each thread first {@linkplain Dataset#prefetch prefetches} its images, so that they come
     * from memory together.
     */
    @Override
    public void load(Dataset data, IntUnaryOperator image, int m) {
        checkBatch(m);
        int outputs = net.size(net.layers());
        parallel.forRows(m, (long) m * net.size(0) * net.size(1), (from, to) -> {
            int fetched = 0;
            for (int s = from; s < to; s++) {
                fetched += data.prefetch(image.applyAsInt(s));
            }
            prefetched = fetched;
            for (int s = from; s < to; s++) {
                int i = image.applyAsInt(s);
                nonzeroCount[0][s] = data.listImage(i, nonzero[0][s], values[0][s]);
                OneHot.encode(data.label(i), outputs, y[s], 0);
            }
        });
    }

    // tag::forward[]
    /** Fills z and a layer by layer for the first m rows; returns the summed cost of the batch. */
    public double forward(int m) {
        checkBatch(m);
        int last = net.layers();
        for (int l = 1; l <= last; l++) {
            int in = net.size(l - 1);
            int out = net.size(l);
            double[][] w = net.weights(l - 1);
            double[] b = net.biases(l - 1);
            double[][] zl = z[l];
            double[][] al = a[l];
            boolean output = l == last;
            listNonzero(l - 1, m);
            double[][] previous = values[l - 1];
            int[][] columns = nonzero[l - 1];
            int[] count = nonzeroCount[l - 1];
            parallel.forRows(m, (long) m * in * out, (from, to) -> {
                for (int s = from; s < to; s++) {
                    System.arraycopy(b, 0, zl[s], 0, out);
                }
                Matrices.multiplyAddSparse(previous, columns, count, w, zl, from, to);
                for (int s = from; s < to; s++) {
                    if (output) {
                        net.output().activate(zl[s], al[s]);
                    } else {
                        for (int j = 0; j < out; j++) {
                            al[s][j] = net.activation().value(zl[s][j]);
                        }
                    }
                }
            });
        }
        double cost = 0;
        for (int s = 0; s < m; s++) {
            cost += net.cost().value(z[last][s], a[last][s], y[s], net.output());
        }
        return cost;
    }
    // end::forward[]

    /**
     * One step of gradient descent on the batch, fused: the lesson's {@link Backprop#step}, but BP4's
     * product goes straight into the weights. Returns the batch's cost before the step.
     */
    // tag::descend[]
    @Override
    public double step(int m, double eta, double lambda, int n) {
        double cost = forward(m);
        int last = net.layers();
        for (int s = 0; s < m; s++) {                                 // BP1: chapter 4's
            double[] error = net.cost().outputError(z[last][s], a[last][s], y[s], net.output());
            System.arraycopy(error, 0, delta[last][s], 0, error.length);
        }
        // the update is w <- decay * w - step * nabla: ask the lesson's own update
        // (exercise 5.4) for its two numbers
        double[] probe = {1, 0};
        Sgd.update(probe, new double[] {0, 1}, eta, lambda, m, n);
        double decay = probe[0];
        double step = -probe[1];
        for (int l = last; l >= 1; l--) {
            double[][] d = delta[l];
            if (l > 1) {                                              // BP2, before W changes
                Backprop.hiddenError(d, net.weights(l - 1), z[l - 1], net.activation(), delta[l - 1], m);
            }
            double[] b = net.biases(l - 1);                           // BP3 and its step
            Backprop.biasGradient(d, nablaB[l - 1], m);
            Sgd.update(b, nablaB[l - 1], eta, 0, m, n);
            double[][] w = net.weights(l - 1);                        // BP4 and its step, fused
            int[][] samples = nonzeroSamples[l - 1];
            double[][] previous = sampleValues[l - 1];
            int[] count = nonzeroSampleCount[l - 1];
            parallel.forRows(net.size(l - 1), (long) m * net.size(l - 1) * net.size(l), (from, to) ->
                    Matrices.descend(previous, samples, count, d, w, decay, step, from, to));
        }
        return cost;
    }
    // end::descend[]

    /**
     * Lists the non-zero entries of a[l]'s first m rows by row (the input layer's are listed by {@link #load}
     * already) and by column (see {@link #nonzero}).
     */
    private void listNonzero(int l, int m) {
        int n = net.size(l);
        int[] perColumn = nonzeroSampleCount[l];
        Arrays.fill(perColumn, 0);
        for (int s = 0; s < m; s++) {
            int[] columns = nonzero[l][s];
            double[] entries = values[l][s];
            int count = nonzeroCount[l][s];
            if (l > 0) {
                double[] x = a[l][s];
                count = 0;
                for (int k = 0; k < n; k++) {
                    columns[count] = k;              // kept only if x[k] is not 0: no branch to mispredict
                    entries[count] = x[k];
                    count += x[k] != 0 ? 1 : 0;
                }
                nonzeroCount[l][s] = count;
            }
            for (int t = 0; t < count; t++) {
                int k = columns[t];
                int c = perColumn[k]++;
                nonzeroSamples[l][k][c] = s;
                sampleValues[l][k][c] = entries[t];
            }
        }
    }

    private void checkBatch(int m) {
        if (m < 1 || m > capacity) {
            throw new IllegalArgumentException("batch size must be between 1 and " + capacity + ", got " + m);
        }
    }

    /** Stops the helper threads. */
    @Override
    public void close() {
        parallel.close();
    }
}
