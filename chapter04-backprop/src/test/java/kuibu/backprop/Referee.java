package kuibu.backprop;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import kuibu.neuron.Activation;

/** Test helpers: random points, and the functions whose numeric gradients referee backprop. */
final class Referee {

    /** How close to ReLU's kink a weighted input may come before a central difference with h = 1e-5 could straddle it. */
    static final double KINK_MARGIN = 1e-3;

    private Referee() {}

    static double[] vector(Random random, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * random.nextGaussian();
        }
        return v;
    }

    static double[][] matrix(Random random, int rows, int columns, double scale) {
        double[][] m = new double[rows][];
        for (int j = 0; j < rows; j++) {
            m[j] = vector(random, columns, scale);
        }
        return m;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double[] map(double[] z, DoubleUnaryOperator f) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = f.applyAsDouble(z[i]);
        }
        return out;
    }

    /** w a + b, written out here so the tests do not lean on the code they check. */
    static double[] affine(double[][] w, double[] a, double[] b) {
        double[] z = b.clone();
        for (int j = 0; j < w.length; j++) {
            z[j] += dot(w[j], a);
        }
        return z;
    }

    static double[] flatten(double[][] m) {
        int size = 0;
        for (double[] row : m) {
            size += row.length;
        }
        double[] flat = new double[size];
        int i = 0;
        for (double[] row : m) {
            System.arraycopy(row, 0, flat, i, row.length);
            i += row.length;
        }
        return flat;
    }

    static double[][] unflatten(double[] flat, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (int j = 0; j < rows; j++) {
            System.arraycopy(flat, j * columns, m[j], 0, columns);
        }
        return m;
    }

    /** θ ↦ C<sub>x</sub> for a copy of {@code network} with parameters θ: the whole network as one function of its D parameters. */
    static ToDoubleFunction<double[]> costOfParameters(Network network, double[] x, double[] y) {
        Network copy = new Network(network.design(), 0L, network.sizes());
        return theta -> {
            copy.setParameters(theta);
            return copy.cost(x, y);
        };
    }

    /** θ ↦ mean cost over {@code batch} for a copy of {@code network} with parameters θ. */
    static ToDoubleFunction<double[]> meanCostOfParameters(Network network, java.util.List<Sample> batch) {
        Network copy = new Network(network.design(), 0L, network.sizes());
        return theta -> {
            copy.setParameters(theta);
            return copy.meanCost(batch);
        };
    }

    /**
     * The largest output |z| for sigmoid with cross-entropy: beyond it 1 − σ(z) keeps too few digits
     * for ln(1 − a), and the referee's cost values (not backprop) become too noisy for 1e-6.
     */
    static final double SATURATION_LIMIT = 8;

    /**
     * A random input whose hidden weighted inputs all stay {@link #KINK_MARGIN} away from ReLU's kink
     * and, for sigmoid outputs with cross-entropy, whose output weighted inputs stay within
     * ±{@link #SATURATION_LIMIT}. Inputs shrink from try to try, so a suitable one is found quickly
     * when there is one; null when 200 tries find none (the biases alone may saturate the output).
     */
    static double[] inputAwayFromKinks(Network network, Random random) {
        for (int attempt = 0; attempt < 200; attempt++) {
            double[] x = vector(random, network.sizes()[0], 1.0 / (1 + attempt / 20.0));
            double[][] zs = network.forwardPass(x).zs();
            boolean kinks = network.design().hidden() == Activation.RELU && !awayFromKinks(zs);
            boolean saturated = network.design().output() == Output.SIGMOID && network.design().cost() == Cost.CROSS_ENTROPY
                    && !within(zs[zs.length - 1], SATURATION_LIMIT);
            if (!kinks && !saturated) {
                return x;
            }
        }
        return null;
    }

    /** A random network of this design and shape with an input {@link #inputAwayFromKinks} finds: tries new seeds until one has one. */
    static Network networkWithGoodInput(Network.Design design, int[] sizes, Random random, double[][] input) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Network network = new Network(design, random.nextLong(), sizes);
            double[] x = inputAwayFromKinks(network, random);
            if (x != null) {
                input[0] = x;
                return network;
            }
        }
        throw new IllegalStateException("no network of " + design + " with an input away from kinks and saturation in 100 tries");
    }

    private static boolean within(double[] z, double limit) {
        for (double zj : z) {
            if (Math.abs(zj) > limit) {
                return false;
            }
        }
        return true;
    }

    private static boolean awayFromKinks(double[][] zs) {
        for (int l = 0; l < zs.length - 1; l++) {
            for (double z : zs[l]) {
                if (Math.abs(z) < KINK_MARGIN) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A target the network's cost accepts: a distribution for softmax with cross-entropy, numbers in [0, 1] otherwise. */
    static double[] target(Network network, Random random) {
        int n = network.sizes()[network.sizes().length - 1];
        double[] y = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            y[j] = random.nextDouble();
            sum += y[j];
        }
        if (network.design().output() == Output.SOFTMAX && network.design().cost() == Cost.CROSS_ENTROPY) {
            for (int j = 0; j < n; j++) {
                y[j] /= sum;
            }
        }
        return y;
    }
}
