package kuibu.mnist;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import kuibu.mnist.data.Dataset;
import kuibu.neuron.Activation;

/**
 * Backpropagation for a whole mini-batch at once: the matrix form of BP1–BP4, the lesson's engine.
 *
 * <p>The m samples of a mini-batch are the rows of the input matrix A⁰ (m × 784), and every layer's
 * z, a and δ become m-row matrices too. Chapter 4's per-sample equations turn into
 * <pre>
 *   Z^l = A^(l−1) W^l + b^l               (5.1)  forward, b added to every row
 *   Δ^L = ∇_a C ⊙ σ'(Z^L)                  (5.2)  BP1, row by row
 *   Δ^l = (Δ^(l+1) (W^(l+1))ᵀ) ⊙ σ'(Z^l)   (5.3)  BP2
 *   ∂C/∂b^l = the column sums of Δ^l       (5.4)  BP3
 *   ∂C/∂W^l = (A^(l−1))ᵀ Δ^l               (5.5)  BP4
 * </pre>
 * with W^l stored as n_(l−1) × n_l (see {@link Network}). The gradients are sums over the batch; the
 * update ({@link Sgd}) divides by m.
 *
 * <p>One instance is a workspace for batches of up to {@code capacity} samples: it allocates its
 * matrices once. A matrix is an array of rows: {@code a[l][s]} is the activation vector of sample s in
 * layer l. Products skip the zeros of their left-hand matrix, one {@code if} each: most MNIST pixels are
 * 0, and so are about half of ReLU's outputs.
 */
public final class Backprop implements Engine {

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

    public Backprop(Network net, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a batch holds at least one sample, got capacity " + capacity);
        }
        this.net = net;
        this.capacity = capacity;
        a = batchMatrices(net, capacity, 0);
        z = batchMatrices(net, capacity, 1);
        delta = batchMatrices(net, capacity, 1);
        y = new double[capacity][net.size(net.layers())];
        nablaW = new double[net.layers()][][];
        nablaB = new double[net.layers()][];
        for (int l = 0; l < net.layers(); l++) {
            nablaW[l] = new double[net.size(l)][net.size(l + 1)];
            nablaB[l] = new double[net.size(l + 1)];
        }
    }

    /**
     * One matrix of {@code capacity} rows per layer of {@code net}, as wide as the layer, from layer
     * {@code first} on (the ones before are null): the shape of A, Z and Δ in the matrix form.
     */
    public static double[][][] batchMatrices(Network net, int capacity, int first) {
        double[][][] matrices = new double[net.layers() + 1][][];
        for (int l = first; l <= net.layers(); l++) {
            matrices[l] = new double[capacity][net.size(l)];
        }
        return matrices;
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
    public void load(Dataset data, IntUnaryOperator image, int m) {
        checkBatch(m);
        for (int s = 0; s < m; s++) {
            int i = image.applyAsInt(s);
            data.copyImage(i, a[0][s]);
            OneHot.encode(data.label(i), y[s].length, y[s], 0);
        }
    }

    /** Row s of the input batch A⁰, to fill. */
    public double[] input(int s) {
        return a[0][s];
    }

    /** Row s of the targets, to fill. */
    public double[] target(int s) {
        return y[s];
    }

    /** Row s of the activations of layer l after {@link #forward}. */
    public double[] activations(int l, int s) {
        return a[l][s];
    }

    @Override
    public double[] weightedInput(int l, int s) {
        return z[l][s];
    }

    /** ∂C/∂W of layer l+1 after {@link #backward}, shaped like {@link Network#weights}. */
    public double[][] nablaW(int l) {
        return nablaW[l];
    }

    /** ∂C/∂b of layer l+1 after {@link #backward}. */
    public double[] nablaB(int l) {
        return nablaB[l];
    }

    /** The forward and the backward pass: leaves the gradients in nablaW and nablaB, returns the batch's summed cost. */
    public double gradient(int m) {
        double cost = forward(m);
        backward(m);
        return cost;
    }

    /** {@link #gradient}, then one step of {@link Sgd#update} on every layer: the lesson's training step. */
    // tag::step[]
    @Override
    public double step(int m, double eta, double lambda, int n) {
        double cost = gradient(m);
        for (int l = 0; l < net.layers(); l++) {
            double[][] w = net.weights(l);
            for (int k = 0; k < w.length; k++) {
                Sgd.update(w[k], nablaW[l][k], eta, lambda, m, n);
            }
            Sgd.update(net.biases(l), nablaB[l], eta, 0, m, n);
        }
        return cost;
    }
    // end::step[]

    /** The velocities of {@link Sgd#momentum}, shaped like nablaW and nablaB; made at the first step with momentum. */
    private double[][][] velocityW;
    private double[][] velocityB;

    /** {@link #gradient}, then one step of {@link Sgd#momentum} on every layer (μ = 0: {@link #step(int, double, double, int)}). */
    @Override
    public double step(int m, double eta, double lambda, double momentum, int n) {
        if (momentum == 0) {
            return step(m, eta, lambda, n);
        }
        if (velocityW == null) {
            velocityW = new double[net.layers()][][];
            velocityB = new double[net.layers()][];
            for (int l = 0; l < net.layers(); l++) {
                velocityW[l] = new double[net.size(l)][net.size(l + 1)];
                velocityB[l] = new double[net.size(l + 1)];
            }
        }
        double cost = gradient(m);
        for (int l = 0; l < net.layers(); l++) {
            double[][] w = net.weights(l);
            for (int k = 0; k < w.length; k++) {
                Sgd.momentum(w[k], velocityW[l][k], nablaW[l][k], eta, lambda, momentum, m, n);
            }
            Sgd.momentum(net.biases(l), velocityB[l], nablaB[l], eta, 0, momentum, m, n);
        }
        return cost;
    }

    // tag::forward[]
    /**
     * Fills z and a layer by layer for the first m rows (equation (5.1)); returns the batch's summed
     * cost.
     */
    public double forward(int m) {
        checkBatch(m);
        int last = net.layers();
        for (int l = 1; l <= last; l++) {
            double[][] w = net.weights(l - 1);
            double[] b = net.biases(l - 1);
            for (int s = 0; s < m; s++) {
                double[] zs = z[l][s];
                System.arraycopy(b, 0, zs, 0, zs.length);
                double[] previous = a[l - 1][s];
                for (int k = 0; k < previous.length; k++) {
                    double x = previous[k];
                    if (x == 0) {
                        continue;                        // an input or a ReLU output of 0 adds nothing
                    }
                    double[] wk = w[k];
                    for (int j = 0; j < zs.length; j++) {
                        zs[j] += x * wk[j];
                    }
                }
                if (l == last) {
                    net.output().activate(zs, a[l][s]);
                } else {
                    for (int j = 0; j < zs.length; j++) {
                        a[l][s][j] = net.activation().value(zs[j]);
                    }
                }
            }
        }
        double cost = 0;
        for (int s = 0; s < m; s++) {
            cost += net.cost().value(z[last][s], a[last][s], y[s], net.output());
        }
        return cost;
    }
    // end::forward[]

    // tag::backward[]
    /** BP1–BP4 for the first m rows, after {@link #forward}: fills nablaW and nablaB. */
    public void backward(int m) {
        checkBatch(m);
        int last = net.layers();
        for (int s = 0; s < m; s++) {                                 // BP1, (5.2)
            double[] error = net.cost().outputError(z[last][s], a[last][s], y[s], net.output());
            System.arraycopy(error, 0, delta[last][s], 0, error.length);
        }
        for (int l = last; l >= 1; l--) {
            biasGradient(delta[l], nablaB[l - 1], m);                 // BP3, (5.4)
            weightGradient(a[l - 1], delta[l], nablaW[l - 1], m);     // BP4, (5.5)
            if (l > 1) {                                              // BP2, (5.3)
                hiddenError(delta[l], net.weights(l - 1), z[l - 1], net.activation(), delta[l - 1], m);
            }
        }
    }
    // end::backward[]

    // tag::bp2[]
    /**
     * BP2 for a batch, equation (5.3): Δ = (Δ_next Wᵀ) ⊙ σ'(Z), row by row for the first m samples. W is
     * stored transposed (row k: the weights out of neuron k), so row k of W holds the w_jk to sum over j.
     */
    public static void hiddenError(double[][] deltaNext, double[][] w, double[][] z, Activation activation,
                                   double[][] delta, int m) {
        // BEGIN SOLUTION 5.3
        for (int s = 0; s < m; s++) {
            for (int k = 0; k < w.length; k++) {
                double sum = 0;
                double[] wk = w[k];
                for (int j = 0; j < wk.length; j++) {
                    sum += deltaNext[s][j] * wk[j];
                }
                delta[s][k] = sum * activation.derivative(z[s][k]);
            }
        }
        // END SOLUTION
    }
    // end::bp2[]

    // tag::bp3[]
    /** BP3 for a batch, equation (5.4): ∂C/∂b_j is the sum of column j of Δ over the first m rows. */
    public static void biasGradient(double[][] delta, double[] nablaB, int m) {
        // BEGIN SOLUTION 5.3
        Arrays.fill(nablaB, 0);
        for (int s = 0; s < m; s++) {
            for (int j = 0; j < nablaB.length; j++) {
                nablaB[j] += delta[s][j];
            }
        }
        // END SOLUTION
    }
    // end::bp3[]

    // tag::bp4[]
    /**
     * BP4 for a batch, equation (5.5): ∂C/∂W = Aᵀ Δ over the first m rows, shaped like the stored W:
     * entry [k][j] sums a_k δ_j over the samples.
     */
    public static void weightGradient(double[][] a, double[][] delta, double[][] nablaW, int m) {
        // BEGIN SOLUTION 5.3
        for (double[] row : nablaW) {
            Arrays.fill(row, 0);
        }
        for (int s = 0; s < m; s++) {
            for (int k = 0; k < nablaW.length; k++) {
                double x = a[s][k];
                if (x == 0) {
                    continue;
                }
                double[] gk = nablaW[k];
                for (int j = 0; j < gk.length; j++) {
                    gk[j] += x * delta[s][j];
                }
            }
        }
        // END SOLUTION
    }
    // end::bp4[]

    private void checkBatch(int m) {
        if (m < 1 || m > capacity) {
            throw new IllegalArgumentException("batch size must be between 1 and " + capacity + ", got " + m);
        }
    }
}
