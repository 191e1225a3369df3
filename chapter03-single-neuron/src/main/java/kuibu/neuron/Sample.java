package kuibu.neuron;

import java.util.Arrays;

/** One training example: the inputs x and the wanted output y. */
public record Sample(double[] x, double y) {

    public Sample {
        x = x.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(x) + " -> " + y;
    }
}
