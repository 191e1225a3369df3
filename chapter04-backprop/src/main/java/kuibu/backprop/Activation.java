package kuibu.backprop;

/**
 * The function a hidden neuron applies to its weighted input z, with its derivative.
 *
 * <p>Backprop needs σ'(z) in BP1 and BP2, evaluated at the z the forward pass computed, so the
 * derivative takes z (not the activation): that works for every activation, including ReLU, whose
 * derivative cannot be recovered from its output alone at 0.
 */
public enum Activation {

    /** σ(z) = 1 / (1 + e^−z); σ' = σ(1 − σ), at most 1/4, which is why deep sigmoid nets learn slowly. */
    SIGMOID {
        @Override
        public double value(double z) {
            return 1 / (1 + Math.exp(-z));
        }

        @Override
        public double derivative(double z) {
            double s = value(z);
            return s * (1 - s);
        }
    },

    /** tanh z, a sigmoid stretched to (−1, 1) and centred on 0; tanh' = 1 − tanh². */
    TANH {
        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }
    },

    /**
     * max(0, z): slope 1 for z &gt; 0, so gradients pass through active neurons undiminished. At the
     * kink z = 0 the derivative does not exist; we use 0 there, and gradient checks avoid the kink.
     */
    RELU {
        @Override
        public double value(double z) {
            return Math.max(0, z);
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1 : 0;
        }
    };

    /** The activation at weighted input {@code z}. */
    public abstract double value(double z);

    /** The slope of the activation at weighted input {@code z}. */
    public abstract double derivative(double z);

    /** The activation applied to every component of {@code z}, as a new array. */
    public double[] apply(double[] z) {
        double[] a = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            a[j] = value(z[j]);
        }
        return a;
    }

    /** σ'(z) for every component of {@code z}, as a new array. */
    public double[] derivative(double[] z) {
        double[] slopes = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            slopes[j] = derivative(z[j]);
        }
        return slopes;
    }
}
