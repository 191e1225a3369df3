package kuibu.neuron;

import java.util.List;

/**
 * The two experiments of chapter 3, in one place so that the text, its figures and its tests run
 * exactly the same thing.
 */
public final class Experiments {

    private Experiments() {}

    /** The single sample of the slowdown experiment: input 1, target 0. */
    public static final List<Sample> ONE_SAMPLE = List.of(new Sample(new double[] {1}, 0));

    /** The slowdown experiment's start: w = b = 2, so z = 4 and the output σ(4) ≈ 0.98 is badly wrong and saturated. */
    public static final Neuron SATURATED = new Neuron(new double[] {2}, 2, Activation.SIGMOID);

    /** Training the saturated neuron towards 0 with the given cost, η = 0.15. */
    public static Trainer.Training slowdown(Cost cost, int epochs) {
        return Trainer.train(SATURATED, ONE_SAMPLE, cost, 0.15, epochs);
    }

    /** Starting points (w₁, w₂, b) for a neuron learning AND. */
    public static final List<double[]> STARTS = List.of(
            new double[] {0, 0, 0}, new double[] {1, 1, -1}, new double[] {-4, -4, -2},
            new double[] {6, 6, 6}, new double[] {-6, -6, 6});

    /** A sigmoid neuron learning AND under the quadratic cost from {@code start} = (w₁, w₂, b), η = 2. */
    public static Trainer.Training andFrom(double[] start, int epochs) {
        Neuron neuron = new Neuron(new double[] {start[0], start[1]}, start[2], Activation.SIGMOID);
        return Trainer.train(neuron, Datasets.and(), Cost.QUADRATIC, 2, epochs);
    }
}
