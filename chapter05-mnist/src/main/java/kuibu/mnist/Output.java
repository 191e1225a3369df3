package kuibu.mnist;

import java.util.Locale;

/** The output layer's function: ten independent sigmoids (Nielsen's chapter 1) or one softmax over ten. */
public enum Output {
    SIGMOID,
    SOFTMAX;

    /** a = output(z) for one row of {@code n} values starting at {@code offset}. */
    void activate(double[] z, double[] a, int offset, int n) {
        if (this == SIGMOID) {
            for (int j = offset; j < offset + n; j++) {
                a[j] = 1 / (1 + Math.exp(-z[j]));
            }
            return;
        }
        // softmax, shifted by the largest z so that exp never overflows (the shift cancels out)
        double max = Double.NEGATIVE_INFINITY;
        for (int j = offset; j < offset + n; j++) {
            max = Math.max(max, z[j]);
        }
        double sum = 0;
        for (int j = offset; j < offset + n; j++) {
            a[j] = Math.exp(z[j] - max);
            sum += a[j];
        }
        for (int j = offset; j < offset + n; j++) {
            a[j] /= sum;
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Output of(String id) {
        for (Output o : values()) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("output must be sigmoid or softmax, got '" + id + "'");
    }
}
