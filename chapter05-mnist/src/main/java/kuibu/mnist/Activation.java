package kuibu.mnist;

/**
 * The hidden layers' activation functions σ, each with its derivative σ'(z) written in terms of z and
 * of a = σ(z), whichever is cheaper: the backward pass has both at hand.
 */
public enum Activation {
    /** σ(z) = 1 / (1 + e^(−z)); σ' = a(1 − a). Nielsen's choice in his chapter 1. */
    SIGMOID {
        @Override
        public double apply(double z) {
            return 1 / (1 + Math.exp(-z));
        }

        @Override
        public double derivative(double z, double a) {
            return a * (1 - a);
        }
    },
    /** max(0, z); its slope is 1 for z &gt; 0 and 0 otherwise (we take 0 at the kink itself). */
    RELU {
        @Override
        public double apply(double z) {
            return Math.max(0, z);
        }

        @Override
        public double derivative(double z, double a) {
            return z > 0 ? 1 : 0;
        }
    },
    /** tanh z; its slope is 1 − a². */
    TANH {
        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z, double a) {
            return 1 - a * a;
        }
    };

    public abstract double apply(double z);

    public abstract double derivative(double z, double a);

    /** The name used on the command line and in model files: sigmoid, relu, tanh. */
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
        throw new IllegalArgumentException("activation must be sigmoid, relu or tanh, got '" + id + "'");
    }
}
