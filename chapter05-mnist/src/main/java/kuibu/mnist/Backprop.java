package kuibu.mnist;

/**
 * Backpropagation for a whole mini-batch at once: the matrix form of BP1–BP4.
 *
 * <p>The m samples of a mini-batch are the rows of the input matrix A⁰ (m × 784), and every layer's
 * z, a and δ become m-row matrices too. Chapter 4's per-sample equations turn into
 * <pre>
 *   Z^l = A^(l−1) W^l + b^l             (forward, b added to every row)
 *   Δ^L = ∇_a C ⊙ σ'(Z^L)                (BP1, row by row)
 *   Δ^l = (Δ^(l+1) (W^(l+1))ᵀ) ⊙ σ'(Z^l)   (BP2)
 *   ∂C/∂b^l = the column sums of Δ^l     (BP3)
 *   ∂C/∂W^l = (A^(l−1))ᵀ Δ^l             (BP4)
 * </pre>
 * with W^l stored as n_(l−1) × n_l (see {@link Network}). The gradients are sums over the batch, as
 * in chapter 4; the update divides by m.
 *
 * <p>One instance is a workspace for batches of up to {@code capacity} samples: it allocates its
 * matrices once, so training creates no garbage. A matrix is an array of rows (see {@link Matrices}):
 * {@code a[l][s]} is the activation vector of sample s in layer l.
 *
 * <p>On more than one thread ({@link Parallel}), the forward products are split by samples and the
 * updates by rows of W; every number is still summed by one thread in one order, so the result is
 * the same bits on any number of threads.
 */
final class Backprop {

    final Network net;
    final int capacity;
    /** a[0] is the input batch X, a[l] the activations of layer l; m × sizes[l] each. */
    final double[][][] a;
    /** z[l], the weighted inputs of layer l (z[0] unused). */
    final double[][][] z;
    /** delta[l] = ∂C/∂z of layer l (delta[0] unused). */
    final double[][][] delta;
    /** The targets, m × sizes[L]. */
    final double[][] y;
    /** ∂C/∂W and ∂C/∂b, summed over the batch; same shapes as the network's weights and biases. */
    final double[][][] nablaW;
    final double[][] nablaB;
    private final Parallel parallel;
    /**
     * The products skip zeros: most MNIST pixels are 0, and so are about half of the ReLU activations.
     * nonzero[l][s] lists the columns k where a[l][s][k] is not 0 (nonzeroCount[l][s] of them), found
     * by {@link #forward}; nonzeroSamples[l][k] lists, by column, the samples whose a[l][s][k] is
     * not 0 (nonzeroSampleCount[l][k] of them), in order.
     */
    private final int[][][] nonzero;
    private final int[][] nonzeroCount;
    private final int[][][] nonzeroSamples;
    private final int[][] nonzeroSampleCount;
    /** Input rows whose non-zero columns {@link #load} has listed already, for the next forward pass. */
    private final boolean[] listed;

    Backprop(Network net, int capacity, Parallel parallel) {
        this.net = net;
        this.capacity = capacity;
        this.parallel = parallel;
        int layers = net.sizes.length;
        a = new double[layers][][];
        z = new double[layers][][];
        delta = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            a[l] = new double[capacity][net.sizes[l]];
            if (l > 0) {
                z[l] = new double[capacity][net.sizes[l]];
                delta[l] = new double[capacity][net.sizes[l]];
            }
        }
        y = new double[capacity][net.sizes[layers - 1]];
        nonzero = new int[net.layers()][][];
        nonzeroCount = new int[net.layers()][capacity];
        nonzeroSamples = new int[net.layers()][][];
        nonzeroSampleCount = new int[net.layers()][];
        for (int l = 0; l < net.layers(); l++) {
            nonzero[l] = new int[capacity][net.sizes[l]];
            nonzeroSamples[l] = new int[net.sizes[l]][capacity];
            nonzeroSampleCount[l] = new int[net.sizes[l]];
        }
        listed = new boolean[capacity];
        nablaW = new double[net.layers()][][];
        nablaB = new double[net.layers()][];
        for (int l = 0; l < net.layers(); l++) {
            nablaW[l] = new double[net.sizes[l]][net.sizes[l + 1]];
            nablaB[l] = new double[net.sizes[l + 1]];
        }
    }

    Backprop(Network net, int capacity) {
        this(net, capacity, new Parallel(1));
    }

    /**
     * With the batch in {@code a[0]} and its targets in {@code y}: runs the forward and the backward
     * pass, leaves the gradients in nablaW and nablaB, and returns the batch's total cost.
     */
    double gradient(int m) {
        checkBatch(m);
        double cost = forward(m);
        backward(m);
        return cost;
    }

    // tag::forward[]
    /** Fills z and a layer by layer for the first m rows; returns the summed cost of the batch. */
    double forward(int m) {
        checkBatch(m);
        int last = net.layers();
        for (int l = 1; l <= last; l++) {
            int in = net.sizes[l - 1];
            int out = net.sizes[l];
            double[][] w = net.weights[l - 1];
            double[] b = net.biases[l - 1];
            double[][] zl = z[l];
            double[][] al = a[l];
            double[][] previous = a[l - 1];
            boolean output = l == last;
            listNonzero(l - 1, m);
            int[][] columns = nonzero[l - 1];
            int[] count = nonzeroCount[l - 1];
            parallel.forRows(m, (long) m * in * out, (from, to) -> {
                for (int s = from; s < to; s++) {
                    System.arraycopy(b, 0, zl[s], 0, out);
                }
                Matrices.multiplyAddSparse(previous, columns, count, w, zl, from, to);
                for (int s = from; s < to; s++) {
                    if (output) {
                        net.output.activate(zl[s], al[s]);
                    } else {
                        for (int j = 0; j < out; j++) {
                            al[s][j] = net.activation.apply(zl[s][j]);
                        }
                    }
                }
            });
        }
        double cost = 0;
        for (int s = 0; s < m; s++) {
            cost += net.cost.value(net.output, z[last][s], a[last][s], y[s]);
        }
        return cost;
    }
    // end::forward[]

    // tag::backward[]
    /** BP1–BP4 for the first m rows, after {@link #forward}: fills nablaW and nablaB. */
    void backward(int m) {
        int last = net.layers();
        for (int s = 0; s < m; s++) {
            net.cost.outputDelta(net.output, a[last][s], y[s], delta[last][s]);                  // BP1
        }
        // BEGIN SOLUTION 5.3
        for (int l = last; l >= 1; l--) {
            int in = net.sizes[l - 1];
            int out = net.sizes[l];
            double[][] d = delta[l];
            double[][] previous = a[l - 1];
            double[][] gw = nablaW[l - 1];
            double[] gb = nablaB[l - 1];
            java.util.Arrays.fill(gb, 0);
            for (int s = 0; s < m; s++) {                                                   // BP3
                for (int j = 0; j < out; j++) {
                    gb[j] += d[s][j];
                }
            }
            parallel.forRows(in, (long) m * in * out, (from, to) -> {                   // BP4
                for (int k = from; k < to; k++) {
                    java.util.Arrays.fill(gw[k], 0);
                }
                Matrices.transposeMultiply(previous, m, d, gw, from, to);
            });
            if (l > 1) {                                                                    // BP2
                double[][] back = delta[l - 1];
                double[][] zBack = z[l - 1];
                Matrices.multiplyTranspose(d, net.weights[l - 1], back, 0, m);
                for (int s = 0; s < m; s++) {
                    for (int k = 0; k < in; k++) {
                        back[s][k] *= net.activation.derivative(zBack[s][k], previous[s][k]);
                    }
                }
            }
        }
        // END SOLUTION
    }
    // end::backward[]

    /**
     * One step of gradient descent on the batch, fused: like {@link #gradient} followed by
     * {@link Sgd#update} on every layer, but BP4's product goes straight into the weights, so no
     * gradient matrix is filled and cleared, and weights from inputs that are 0 everywhere in the batch
     * are not touched (equal to the unfused step up to rounding). Returns the batch's cost.
     */
    // tag::descend[]
    double descend(int m, double eta, double lambda, int n) {
        double cost = forward(m);
        int last = net.layers();
        for (int s = 0; s < m; s++) {
            net.cost.outputDelta(net.output, a[last][s], y[s], delta[last][s]);                  // BP1
        }
        double step = eta / m;
        double decay = 1 - eta * lambda / n;
        for (int l = last; l >= 1; l--) {
            int in = net.sizes[l - 1];
            int out = net.sizes[l];
            double[][] d = delta[l];
            double[][] previous = a[l - 1];
            if (l > 1) {                                                                     // BP2, before W changes
                double[][] back = delta[l - 1];
                double[][] zBack = z[l - 1];
                Matrices.multiplyTranspose(d, net.weights[l - 1], back, 0, m);
                for (int s = 0; s < m; s++) {
                    for (int k = 0; k < in; k++) {
                        back[s][k] *= net.activation.derivative(zBack[s][k], previous[s][k]);
                    }
                }
            }
            double[] b = net.biases[l - 1];                                                  // BP3 and its step
            for (int j = 0; j < out; j++) {
                double sum = 0;
                for (int s = 0; s < m; s++) {
                    sum += d[s][j];
                }
                b[j] -= step * sum;
            }
            double[][] w = net.weights[l - 1];                                               // BP4 and its step
            int[][] samples = nonzeroSamples[l - 1];
            int[] count = nonzeroSampleCount[l - 1];
            parallel.forRows(in, (long) m * in * out, (from, to) ->
                    Matrices.descend(previous, samples, count, d, w, decay, step, from, to));
        }
        return cost;
    }
    // end::descend[]

    /**
     * Puts image i of {@code data} into row s of the input batch with the list of its non-zero
     * inputs, which the next forward pass then need not look for.
     */
    void load(int s, Dataset data, int i) {
        nonzeroCount[0][s] = data.copyImage(i, a[0][s], nonzero[0][s]);
        listed[s] = true;
    }

    /**
     * Loads a batch: image {@code image.applyAsInt(s)} of {@code data} into row s, for s &lt; m, with
     * its one-hot target if {@code targets}. The rows are split across the threads as the input
     * layer's product splits them, so each thread then reads the rows it wrote itself: rows written
     * by one core and read by the other cost a transfer between their caches for every line, and
     * loading on one thread made two threads slower than one.
     */
    void load(Dataset data, java.util.function.IntUnaryOperator image, int m, boolean targets) {
        checkBatch(m);
        int outputs = net.sizes[net.layers()];
        parallel.forRows(m, (long) m * net.sizes[0] * net.sizes[1], (from, to) -> {
            for (int s = from; s < to; s++) {
                int i = image.applyAsInt(s);
                load(s, data, i);
                if (targets) {
                    OneHot.encode(data.label(i), outputs, y[s], 0);
                }
            }
        });
    }

    /** Fills the lists of non-zero entries of a[l]'s first m rows (see {@link #nonzero}). */
    private void listNonzero(int l, int m) {
        int n = net.sizes[l];
        int[] perColumn = nonzeroSampleCount[l];
        java.util.Arrays.fill(perColumn, 0);
        for (int s = 0; s < m; s++) {
            int[] columns = nonzero[l][s];
            int count = nonzeroCount[l][s];
            if (l > 0 || !listed[s]) {
                double[] x = a[l][s];
                count = 0;
                for (int k = 0; k < n; k++) {
                    columns[count] = k;              // kept only if x[k] is not 0: no branch to mispredict
                    count += x[k] != 0 ? 1 : 0;
                }
                nonzeroCount[l][s] = count;
            }
            if (l == 0) {
                listed[s] = false;
            }
            for (int t = 0; t < count; t++) {
                int k = columns[t];
                nonzeroSamples[l][k][perColumn[k]++] = s;
            }
        }
    }

    private void checkBatch(int m) {
        if (m < 1 || m > capacity) {
            throw new IllegalArgumentException("batch size must be between 1 and " + capacity + ", got " + m);
        }
    }
}
