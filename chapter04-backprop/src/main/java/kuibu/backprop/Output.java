package kuibu.backprop;

import kuibu.neuron.Activation;

/**
 * The output layer's activation: sigmoid (each output its own number in (0, 1)) or softmax (the
 * outputs form a probability distribution over classes).
 *
 * <p>Sigmoid acts on each z<sup>L</sup><sub>j</sub> alone, so BP1 holds as written. Softmax mixes
 * them: every a<sup>L</sup><sub>j</sub> depends on every z<sup>L</sup><sub>k</sub>, so the chain
 * rule sums over k, and {@link #error} does that sum (equation (4.12)).
 */
public enum Output {

    /** a_j = σ(z_j), for independent yes/no outputs. */
    SIGMOID {
        @Override
        public double[] activate(double[] z) {
            return Activation.SIGMOID.apply(z);
        }

        @Override
        public double[] error(double[] z, double[] a, double[] costGradient) {
            return Equations.outputError(costGradient, z, Activation.SIGMOID);
        }
    },

    /** a_j = e^z_j / Σ_k e^z_k, for one class out of several; shifted by max z so exp cannot overflow. */
    SOFTMAX {
        // tag::softmax[]
        @Override
        public double[] activate(double[] z) {
            // subtracting the largest z from every z leaves a unchanged
            // and keeps every exponent at or below 0
            double max = Double.NEGATIVE_INFINITY;
            for (double zj : z) {
                max = Math.max(max, zj);
            }
            double[] a = new double[z.length];
            double sum = 0;
            for (int j = 0; j < z.length; j++) {
                a[j] = Math.exp(z[j] - max);
                sum += a[j];
            }
            for (int j = 0; j < z.length; j++) {
                a[j] /= sum;
            }
            return a;
        }
        // end::softmax[]

        /** ∂a_k/∂z_j = a_k(1{j=k} − a_j), so δ_j = Σ_k g_k a_k(1{j=k} − a_j) = a_j(g_j − a·g). */
        @Override
        public double[] error(double[] z, double[] a, double[] costGradient) {
            double dot = 0;
            for (int k = 0; k < a.length; k++) {
                dot += a[k] * costGradient[k];
            }
            double[] delta = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                delta[j] = a[j] * (costGradient[j] - dot);
            }
            return delta;
        }
    };

    /** The output activations a<sup>L</sup> for weighted inputs z<sup>L</sup>. */
    public abstract double[] activate(double[] z);

    /** The same into {@code a}, for a caller that keeps its arrays (chapter 5's batches). */
    public void activate(double[] z, double[] a) {
        System.arraycopy(activate(z), 0, a, 0, a.length);
    }

    /** The name used on the command line and in model files (chapter 5): sigmoid, softmax. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The output called {@code id}; an {@link IllegalArgumentException} names the choices. */
    public static Output of(String id) {
        for (Output o : values()) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("output must be sigmoid or softmax, got '" + id + "'");
    }

    /**
     * The output error δ<sup>L</sup> = ∂C/∂z<sup>L</sup>, given z<sup>L</sup>, a<sup>L</sup> and
     * the cost's gradient ∇<sub>a</sub>C: the chain rule through this layer's activation.
     */
    public abstract double[] error(double[] z, double[] a, double[] costGradient);
}
