package kuibu.neuron;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent for one neuron: each epoch computes the gradient of the average cost over all
 * samples and takes one step against it (full-batch descent, the simplest kind).
 */
public final class Trainer {

    private Trainer() {}

    /** Every neuron a training run passed through, the start first. */
    public record Training(List<Neuron> neurons) {

        public Training {
            neurons = List.copyOf(neurons);
        }

        /** The neuron after the last epoch. */
        public Neuron last() {
            return neurons.get(neurons.size() - 1);
        }

        /** The average cost before each epoch and after the last: epochs + 1 numbers. */
        public double[] costs(List<Sample> samples, Cost cost) {
            return neurons.stream().mapToDouble(n -> n.cost(samples, cost)).toArray();
        }

        /** The neuron's output for {@code x} before each epoch and after the last. */
        public double[] outputs(double[] x) {
            return neurons.stream().mapToDouble(n -> n.output(x)).toArray();
        }
    }

    /** {@code epochs} steps of size {@code eta} down the average {@code cost} over {@code samples}. */
    // tag::train[]
    public static Training train(Neuron start, List<Sample> samples, Cost cost, double eta, int epochs) {
        if (samples.isEmpty() || eta <= 0 || epochs < 0) {
            throw new IllegalArgumentException("need samples, eta > 0 and epochs >= 0, got " + samples.size()
                    + " samples, eta " + eta + " and " + epochs + " epochs");
        }
        List<Neuron> neurons = new ArrayList<>(epochs + 1);
        Neuron neuron = start;
        neurons.add(neuron);
        for (int epoch = 0; epoch < epochs; epoch++) {
            neuron = neuron.step(neuron.gradient(samples, cost), eta);
            neurons.add(neuron);
        }
        return new Training(neurons);
    }
    // end::train[]
}
