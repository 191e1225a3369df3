package kuibu.mnist;

import java.util.Locale;

/** The output layer's function: ten independent sigmoids (Nielsen's chapter 1) or one softmax over ten. */
public enum Output {
    SIGMOID,
    SOFTMAX;

    /** a = output(z) for one sample's output layer. */
    void activate(double[] z, double[] a) {
        if (this == SIGMOID) {
            for (int j = 0; j < z.length; j++) {
                a[j] = 1 / (1 + Math.exp(-z[j]));
            }
            return;
        }
        // softmax, shifted by the largest z so that exp never overflows (the shift cancels out)
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < z.length; j++) {
            max = Math.max(max, z[j]);
        }
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            a[j] = Math.exp(z[j] - max);
            sum += a[j];
        }
        for (int j = 0; j < z.length; j++) {
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
