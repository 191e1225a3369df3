package kuibu.chainrule;

import java.util.Arrays;

/**
 * The thinnest network there is: L layers of one sigmoid neuron each, every neuron feeding the next.
 * Layer l computes z⁽ˡ⁾ = w⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and a⁽ˡ⁾ = σ(z⁽ˡ⁾); the cost of one example is
 * C₀ = (a⁽ᴸ⁾ − y)² (equation (2.8)).
 *
 * <p>Small enough to differentiate by hand, and already the whole pattern of backpropagation: the
 * derivative with respect to a⁽ˡ⁻¹⁾ is passed back one layer and reused for every parameter below.
 * Arrays are indexed from 0, so {@code w[0]} is the text's w⁽¹⁾ and {@code w[L - 1]} is w⁽ᴸ⁾.
 */
public final class NeuronChain {

    private final double[] w;
    private final double[] b;

    /** A chain with weights {@code w} and biases {@code b}, one per layer, first layer first. */
    public NeuronChain(double[] w, double[] b) {
        if (w.length != b.length || w.length == 0) {
            throw new IllegalArgumentException("need one weight and one bias per layer, and at least one layer: got "
                    + w.length + " weights and " + b.length + " biases");
        }
        this.w = w.clone();
        this.b = b.clone();
    }

    /** The number of layers L. */
    public int layers() {
        return w.length;
    }

    /** The gradient of C₀: ∂C₀/∂w⁽ˡ⁾, ∂C₀/∂b⁽ˡ⁾ for every layer, and ∂C₀/∂a⁽⁰⁾ for the input. */
    public record Gradient(double[] dw, double[] db, double da0) {
        @Override
        public String toString() {
            return "dC/dw = " + Arrays.toString(dw) + ", dC/db = " + Arrays.toString(db) + ", dC/da0 = " + da0;
        }
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The activations a⁽⁰⁾ = a0, a⁽¹⁾, ..., a⁽ᴸ⁾ of the forward pass. */
    public double[] activations(double a0) {
        double[] a = new double[w.length + 1];
        a[0] = a0;
        for (int l = 0; l < w.length; l++) {
            a[l + 1] = sigmoid(w[l] * a[l] + b[l]);
        }
        return a;
    }

    /** C₀ = (a⁽ᴸ⁾ − y)² for the input a0 and the target y. */
    public double cost(double a0, double y) {
        double out = activations(a0)[w.length] - y;
        return out * out;
    }

    /**
     * The gradient of {@link #cost} by the chain rule, last layer first (equations (2.9) to (2.11)):
     * ∂C₀/∂a⁽ᴸ⁾ = 2(a⁽ᴸ⁾ − y); then per layer, with σ'(z) = a(1 − a),
     * ∂C₀/∂z⁽ˡ⁾ = ∂C₀/∂a⁽ˡ⁾ · σ'(z⁽ˡ⁾), ∂C₀/∂w⁽ˡ⁾ = a⁽ˡ⁻¹⁾ · ∂C₀/∂z⁽ˡ⁾, ∂C₀/∂b⁽ˡ⁾ = ∂C₀/∂z⁽ˡ⁾,
     * and ∂C₀/∂a⁽ˡ⁻¹⁾ = w⁽ˡ⁾ · ∂C₀/∂z⁽ˡ⁾, handed down to the layer below.
     */
    // tag::gradient[]
    public Gradient gradient(double a0, double y) {
        // BEGIN SOLUTION 2.6
        double[] a = activations(a0);
        double[] dw = new double[w.length];
        double[] db = new double[w.length];
        double dCda = 2 * (a[w.length] - y);
        for (int l = w.length - 1; l >= 0; l--) {
            double dCdz = dCda * a[l + 1] * (1 - a[l + 1]);
            dw[l] = a[l] * dCdz;
            db[l] = dCdz;
            dCda = w[l] * dCdz;
        }
        return new Gradient(dw, db, dCda);
        // END SOLUTION
    }
    // end::gradient[]
}
