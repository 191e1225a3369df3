package kuibu.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Measures how the gradient's size changes with depth: ‖∂C/∂w<sup>l</sup>‖ for each weight layer of
 * a freshly initialised deep network, averaged over a batch of random samples (the chapter's section on depth and initialisation).
 *
 * <p>If the lengths shrink towards the input, the early layers barely learn (vanishing gradients);
 * if they are huge, one step throws the weights far away (exploding gradients).
 */
public final class Depth {

    private Depth() {}

    /** {@code count} samples with N(0, 1) inputs and one-hot targets over {@code outputs} classes. */
    public static List<Sample> randomSamples(int count, int inputs, int outputs, RandomGenerator random) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] x = new double[inputs];
            for (int k = 0; k < inputs; k++) {
                x[k] = random.nextGaussian();
            }
            double[] y = new double[outputs];
            y[random.nextInt(outputs)] = 1;
            samples.add(new Sample(x, y));
        }
        return samples;
    }

    /**
     * ‖∂C/∂w<sup>l</sup>‖ for every weight layer l (0 = input → first hidden) of a network of this
     * design and shape, initialised from {@code seed}, for the mean cost of 100 random samples.
     */
    // tag::norms[]
    public static double[] gradientNorms(Network.Design design, long seed, int... sizes) {
        Random random = new Random(seed);
        Network network = new Network(design, random, sizes);
        List<Sample> batch = randomSamples(100, sizes[0], sizes[sizes.length - 1], random);
        Gradient mean = network.meanGradient(batch);
        double[] norms = new double[network.layers()];
        for (int l = 0; l < norms.length; l++) {
            norms[l] = mean.weightNorm(l);
        }
        return norms;
    }
    // end::norms[]
}
