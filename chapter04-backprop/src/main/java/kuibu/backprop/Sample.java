package kuibu.backprop;

import java.util.Arrays;

/** One training example: an input x and the output y we want for it. The arrays are copied, so a sample never changes. */
public record Sample(double[] x, double[] y) {

    public Sample {
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(x) + " -> " + Arrays.toString(y);
    }
}
