package kuibu.mnist;

import java.util.function.IntUnaryOperator;
import kuibu.mnist.data.Dataset;

/**
 * What {@link Trainer} needs of the code that does the arithmetic of a training step: load a mini-batch,
 * take one step of gradient descent on it. {@link Backprop} is the lesson's engine, the matrix form of
 * BP1–BP4 and the update exactly as the chapter writes them (exercises 5.3 and 5.4);
 * {@code kuibu.mnist.fast.FastBackprop} is the same arithmetic arranged for speed.
 */
public interface Engine extends AutoCloseable {

    /** The network this engine trains (in place). */
    Network network();

    /** The largest batch it takes. */
    int capacity();

    /** Loads image {@code image.applyAsInt(s)} of {@code data} into row s of the batch, for s &lt; m, with its one-hot target. */
    void load(Dataset data, IntUnaryOperator image, int m);

    /**
     * One step of mini-batch gradient descent on the m loaded samples, for a training set of n (L2
     * regularisation λ is relative to n); returns the batch's summed cost before the step.
     */
    double step(int m, double eta, double lambda, int n);

    /**
     * The same step with momentum μ in [0, 1), equation (5.8); μ = 0 is {@link #step(int, double, double, int)}.
     * An engine without momentum refuses any other μ.
     */
    default double step(int m, double eta, double lambda, double momentum, int n) {
        if (momentum != 0) {
            throw new UnsupportedOperationException("this engine trains without momentum; the lesson's engine has it");
        }
        return step(m, eta, lambda, n);
    }

    /** Row s of the weighted inputs z of layer l (1 to L) in the last step, s &lt; m. */
    double[] weightedInput(int l, int s);

    @Override
    default void close() {}
}
