package kuibu.mnist;

import java.util.Locale;

/**
 * The cost of one sample, C_x(a, y), and the output error δ^L = ∂C_x/∂z^L it implies together with
 * the output function (equation BP1 of chapter 4, in the form each pair simplifies to).
 */
public enum Cost {
    /** C = ½ Σ (a_j − y_j)², Nielsen's chapter 1. */
    QUADRATIC,
    /** C = −Σ y_j ln a_j (softmax) or −Σ [y_j ln a_j + (1 − y_j) ln(1 − a_j)] (sigmoid outputs). */
    CROSS_ENTROPY;

    /** The cost of one sample: its output layer's z and a, and its target y. */
    double value(Output output, double[] z, double[] a, double[] y) {
        double c = 0;
        for (int j = 0; j < a.length; j++) {
            if (this == QUADRATIC) {
                double d = a[j] - y[j];
                c += 0.5 * d * d;
            } else if (output == Output.SOFTMAX) {
                c -= y[j] == 0 ? 0 : y[j] * Math.log(a[j]);
            } else {
                // ln σ(z) = −ln(1 + e^(−z)) and ln(1 − σ(z)) = −ln(1 + e^z), exact even where a rounds to 0 or 1
                c += y[j] * softplus(-z[j]) + (1 - y[j]) * softplus(z[j]);
            }
        }
        return c;
    }

    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** δ^L = ∂C/∂z^L for one sample (BP1). */
    void outputDelta(Output output, double[] a, double[] y, double[] delta) {
        if (this == CROSS_ENTROPY) {
            // both pairings cancel σ' (or the softmax Jacobian) exactly: δ = a − y
            for (int j = 0; j < a.length; j++) {
                delta[j] = a[j] - y[j];
            }
        } else if (output == Output.SIGMOID) {
            for (int j = 0; j < a.length; j++) {
                delta[j] = (a[j] - y[j]) * a[j] * (1 - a[j]);
            }
        } else {
            // quadratic cost through softmax: δ_j = a_j ((a_j − y_j) − Σ_i (a_i − y_i) a_i)
            double dot = 0;
            for (int i = 0; i < a.length; i++) {
                dot += (a[i] - y[i]) * a[i];
            }
            for (int j = 0; j < a.length; j++) {
                delta[j] = a[j] * ((a[j] - y[j]) - dot);
            }
        }
    }

    public String id() {
        return this == QUADRATIC ? "quadratic" : "cross-entropy";
    }

    public static Cost of(String id) {
        for (Cost c : values()) {
            if (c.id().equals(id.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("cost must be quadratic or cross-entropy, got '" + id + "'");
    }
}
