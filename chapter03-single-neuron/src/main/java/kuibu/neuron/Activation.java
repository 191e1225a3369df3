package kuibu.neuron;

/**
 * The function σ a neuron applies to its weighted input z, with its derivative σ'(z), which the
 * chain rule needs for every gradient that passes through the neuron.
 *
 * <p>Without a non-linear σ a stack of neurons is one linear map (section "Why not linear?"), so
 * {@link #IDENTITY} is here to show that, not to be used.
 */
public enum Activation {

    // tag::sigmoid[]
    /** σ(z) = 1 / (1 + e⁻ᶻ), between 0 and 1; σ'(z) = σ(z)(1 − σ(z)), equation (3.3), at most 1/4. */
    SIGMOID {
        @Override
        public double value(double z) {
            return 1 / (1 + Math.exp(-z));
        }

        @Override
        public double derivative(double z) {
            // BEGIN SOLUTION 3.1
            double s = value(z);
            return s * (1 - s);
            // END SOLUTION
        }
    },
    // end::sigmoid[]

    // tag::tanh-relu[]
    /** tanh z, between −1 and 1; tanh'(z) = 1 − tanh² z, at most 1 (at z = 0). */
    TANH {
        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            // BEGIN SOLUTION 3.2
            double t = Math.tanh(z);
            return 1 - t * t;
            // END SOLUTION
        }
    },

    /** max(0, z); derivative 1 for z &gt; 0, 0 for z &lt; 0, and by convention 0 at the kink z = 0. */
    RELU {
        @Override
        public double value(double z) {
            return Math.max(0, z);
        }

        @Override
        public double derivative(double z) {
            // BEGIN SOLUTION 3.2
            return z > 0 ? 1 : 0;
            // END SOLUTION
        }
    },
    // end::tanh-relu[]

    /** z itself, derivative 1: a neuron without an activation. */
    IDENTITY {
        @Override
        public double value(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1;
        }
    };

    /** σ(z). */
    public abstract double value(double z);

    /** σ'(z). */
    public abstract double derivative(double z);

    /** σ applied to every component of {@code z}, as a new array: a layer's activations (chapter 4). */
    public double[] apply(double[] z) {
        double[] a = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            a[j] = value(z[j]);
        }
        return a;
    }

    /** σ' at every component of {@code z}, as a new array. */
    public double[] derivative(double[] z) {
        double[] slopes = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            slopes[j] = derivative(z[j]);
        }
        return slopes;
    }

    /** The name used on the command line and in model files (chapter 5): sigmoid, tanh, relu, identity. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The activation called {@code id}; an {@link IllegalArgumentException} names the choices. */
    public static Activation of(String id) {
        for (Activation a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("activation must be sigmoid, tanh, relu or identity, got '" + id + "'");
    }
}
