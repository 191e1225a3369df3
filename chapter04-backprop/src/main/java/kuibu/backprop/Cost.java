package kuibu.backprop;

/**
 * What the network is penalised for: how far its output a is from the target y, for one sample.
 *
 * <p>A cost gives its value, its gradient ∇<sub>a</sub>C with respect to the output activations,
 * and the output error δ<sup>L</sup> = ∂C/∂z<sup>L</sup> that starts the backward pass (BP1).
 * Cross-entropy depends on the output layer (see {@link #CROSS_ENTROPY}), so every method names it.
 */
public enum Cost {

    /** C = ½‖a − y‖², so ∇<sub>a</sub>C = a − y (equation (4.5)). The network's default. */
    QUADRATIC {
        @Override
        public double value(double[] a, double[] y, Output output) {
            double sum = 0;
            for (int j = 0; j < a.length; j++) {
                sum += (a[j] - y[j]) * (a[j] - y[j]);
            }
            return sum / 2;
        }

        @Override
        public double[] gradient(double[] a, double[] y, Output output) {
            double[] gradient = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                gradient[j] = a[j] - y[j];
            }
            return gradient;
        }

        @Override
        public double[] outputError(double[] z, double[] a, double[] y, Output output) {
            return output.error(z, a, gradient(a, y, output));
        }
    },

    /**
     * The cross-entropy of the target distribution y against the output a. With softmax outputs (one
     * distribution over the classes) C = −Σ y<sub>j</sub> ln a<sub>j</sub>, and y must sum to 1;
     * with sigmoid outputs (each output a yes/no probability of its own)
     * C = −Σ [y<sub>j</sub> ln a<sub>j</sub> + (1 − y<sub>j</sub>) ln(1 − a<sub>j</sub>)]. Both are
     * built so that δ<sup>L</sup> = a − y (equation (4.14)): the σ' that slows quadratic learning
     * cancels.
     */
    CROSS_ENTROPY {
        @Override
        public double value(double[] a, double[] y, Output output) {
            double sum = 0;
            for (int j = 0; j < a.length; j++) {
                if (y[j] != 0) {
                    sum -= y[j] * Math.log(a[j]);
                }
                if (output == Output.SIGMOID && y[j] != 1) {
                    sum -= (1 - y[j]) * Math.log(1 - a[j]);
                }
            }
            return sum;
        }

        @Override
        public double[] gradient(double[] a, double[] y, Output output) {
            double[] gradient = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                gradient[j] = output == Output.SIGMOID
                        ? (a[j] - y[j]) / (a[j] * (1 - a[j]))
                        : -y[j] / a[j];
            }
            return gradient;
        }

        // tag::cross-entropy-error[]
        @Override
        public double[] outputError(double[] z, double[] a, double[] y, Output output) {
            requireDistribution(y, output);
            // BEGIN SOLUTION 4.7
            double[] delta = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                delta[j] = a[j] - y[j];
            }
            return delta;
            // END SOLUTION
        }
        // end::cross-entropy-error[]
    };

    /** The cost C(a, y) of output {@code a} for target {@code y}. */
    public abstract double value(double[] a, double[] y, Output output);

    /**
     * The same, computed from z as well where that is exact and a is not: the cross-entropy takes
     * ln a, and a can round to 0 (or a sigmoid to 1) where ln a is still a modest number (chapter 5
     * trains far enough for that to happen). With sigmoid outputs ln σ(z) = −ln(1 + e<sup>−z</sup>);
     * with softmax outputs ln a<sub>j</sub> = z<sub>j</sub> − ln Σ<sub>i</sub> e<sup>z<sub>i</sub></sup>,
     * the log-sum-exp taken with the largest z factored out. Equal to
     * {@link #value(double[], double[], Output)} otherwise.
     */
    public double value(double[] z, double[] a, double[] y, Output output) {
        if (this != CROSS_ENTROPY) {
            return value(a, y, output);
        }
        double sum = 0;
        if (output == Output.SOFTMAX) {
            double logSumExp = logSumExp(z);
            for (int j = 0; j < a.length; j++) {
                if (y[j] != 0) {
                    sum -= y[j] * (z[j] - logSumExp);
                }
            }
            return sum;
        }
        for (int j = 0; j < a.length; j++) {
            sum += y[j] * softplus(-z[j]) + (1 - y[j]) * softplus(z[j]);
        }
        return sum;
    }

    // tag::log-sum-exp[]
    /** ln Σ exp(z_i) as m + ln Σ exp(z_i − m), m the largest z: no exponent above 0. */
    static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double zi : z) {
            max = Math.max(max, zi);
        }
        double sum = 0;
        for (double zi : z) {
            sum += Math.exp(zi - max);
        }
        return max + Math.log(sum);
    }
    // end::log-sum-exp[]

    /** ln(1 + e<sup>x</sup>) without overflow. */
    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** The name used on the command line and in model files (chapter 5): quadratic, cross-entropy. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The cost called {@code id}; an {@link IllegalArgumentException} names the choices. */
    public static Cost of(String id) {
        for (Cost c : values()) {
            if (c.id().equals(id.toLowerCase(java.util.Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("cost must be quadratic or cross-entropy, got '" + id + "'");
    }

    /** ∇<sub>a</sub>C: how the cost changes with each output activation. */
    public abstract double[] gradient(double[] a, double[] y, Output output);

    /** δ<sup>L</sup> = ∂C/∂z<sup>L</sup>, the error of the output layer (BP1). */
    public abstract double[] outputError(double[] z, double[] a, double[] y, Output output);

    /** Softmax with cross-entropy gives δ = a − y only when y is a distribution: its components sum to 1. */
    static void requireDistribution(double[] y, Output output) {
        if (output != Output.SOFTMAX) {
            return;
        }
        double sum = 0;
        for (double yj : y) {
            sum += yj;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException(String.format(
                    "softmax with cross-entropy needs targets that sum to 1 (a distribution over the classes), got a sum of %.6g", sum));
        }
    }
}
