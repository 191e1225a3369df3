package kuibu.neuron;

import java.util.Arrays;
import java.util.List;

/**
 * One neuron: a weighted sum z = w·x + b of its inputs, passed through an activation, a = σ(z)
 * (equation (3.1)). Immutable: learning makes a new neuron from the old one and a gradient, so a
 * training run can keep every neuron it passed through.
 */
public final class Neuron {

    private final double[] w;
    private final double b;
    private final Activation activation;

    /** A neuron with weights {@code w}, bias {@code b} and the given activation. */
    public Neuron(double[] w, double b, Activation activation) {
        if (w.length == 0) {
            throw new IllegalArgumentException("a neuron needs at least one weight, got none");
        }
        this.w = w.clone();
        this.b = b;
        this.activation = activation;
    }

    /** The weights w. */
    public double[] weights() {
        return w.clone();
    }

    /** The bias b. */
    public double bias() {
        return b;
    }

    /** The activation σ. */
    public Activation activation() {
        return activation;
    }

    /** ∇C = (∂C/∂w₁, ..., ∂C/∂wₙ) and ∂C/∂b. */
    public record Gradient(double[] nablaW, double nablaB) {
        public Gradient {
            nablaW = nablaW.clone();
        }

        @Override
        public double[] nablaW() {
            return nablaW.clone();
        }

        @Override
        public String toString() {
            return "nablaW = " + Arrays.toString(nablaW) + ", nablaB = " + nablaB;
        }
    }

    // tag::forward[]
    /** The weighted input z = w·x + b. */
    public double z(double[] x) {
        if (x.length != w.length) {
            throw new IllegalArgumentException("expected " + w.length + " inputs, got " + x.length);
        }
        double z = b;
        for (int j = 0; j < w.length; j++) {
            z += w[j] * x[j];
        }
        return z;
    }

    /** The activation a = σ(z). */
    public double output(double[] x) {
        return activation.value(z(x));
    }
    // end::forward[]

    /** The cost on one sample. */
    public double cost(Sample sample, Cost cost) {
        return cost.value(output(sample.x()), sample.y());
    }

    /** The cost averaged over the samples, equation (3.7). */
    public double cost(List<Sample> samples, Cost cost) {
        double sum = 0;
        for (Sample sample : samples) {
            sum += cost(sample, cost);
        }
        return sum / samples.size();
    }

    /**
     * The gradient of the cost on one sample, by the chain rule through a and z (equation (3.6)):
     * ∂C/∂z = ∂C/∂a · σ'(z), then ∂C/∂wⱼ = ∂C/∂z · xⱼ and ∂C/∂b = ∂C/∂z.
     */
    // tag::gradient[]
    public Gradient gradient(Sample sample, Cost cost) {
        // BEGIN SOLUTION 3.4
        double[] x = sample.x();
        double z = z(x);
        double a = activation.value(z);
        double delta = cost.derivative(a, sample.y()) * activation.derivative(z); // ∂C/∂z
        double[] nablaW = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            nablaW[j] = delta * x[j];
        }
        return new Gradient(nablaW, delta);
        // END SOLUTION
    }
    // end::gradient[]

    /** The gradient of the average cost: the average of the samples' gradients (equation (3.8)). */
    // tag::average-gradient[]
    public Gradient gradient(List<Sample> samples, Cost cost) {
        // BEGIN SOLUTION 3.5
        double[] nablaW = new double[w.length];
        double nablaB = 0;
        for (Sample sample : samples) {
            Gradient g = gradient(sample, cost);
            for (int j = 0; j < w.length; j++) {
                nablaW[j] += g.nablaW[j] / samples.size();
            }
            nablaB += g.nablaB / samples.size();
        }
        return new Gradient(nablaW, nablaB);
        // END SOLUTION
    }
    // end::average-gradient[]

    /** One step of gradient descent: w − η∇_w C and b − η ∂C/∂b, as a new neuron. */
    // tag::step[]
    public Neuron step(Gradient gradient, double eta) {
        // BEGIN SOLUTION 3.6
        double[] next = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            next[j] = w[j] - eta * gradient.nablaW[j];
        }
        return new Neuron(next, b - eta * gradient.nablaB, activation);
        // END SOLUTION
    }
    // end::step[]

    /** The fraction of samples on the right side of 0.5 (outputs of 0.5 or more count as 1). */
    public double accuracy(List<Sample> samples) {
        int right = 0;
        for (Sample sample : samples) {
            boolean one = output(sample.x()) >= 0.5;
            if (one == (sample.y() >= 0.5)) {
                right++;
            }
        }
        return (double) right / samples.size();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Neuron(w = [");
        for (int j = 0; j < w.length; j++) {
            s.append(j == 0 ? "" : ", ").append(String.format("%.4f", w[j]));
        }
        return s.append(String.format("], b = %.4f, %s)", b, activation)).toString();
    }
}
