package kuibu.backprop;

import java.util.random.RandomGenerator;

/**
 * How the weights start: normal with mean 0 and a standard deviation that depends on the layer's
 * fan-in (inputs per neuron) and fan-out (neurons in the layer).
 *
 * <p>Why it matters: a weighted input z = Σ<sub>k</sub> w<sub>jk</sub>a<sub>k</sub> + b adds n<sub>in</sub>
 * terms, so its variance grows with n<sub>in</sub>·Var(w). Too large, and sigmoids saturate (gradients
 * vanish) or ReLU signals grow layer after layer (gradients explode); too small, and the signal dies.
 * Xavier and He choose Var(w) so that the signal keeps its size from layer to layer (the chapter's section on depth and initialisation).
 */
public enum Init {

    /** N(0, 1) weights and biases, as in Nielsen's first network: fine for shallow sigmoid networks. */
    STANDARD_NORMAL {
        @Override
        public double standardDeviation(int fanIn, int fanOut) {
            return 1;
        }

        @Override
        double biasStandardDeviation() {
            return 1;
        }
    },

    /**
     * N(0, 1/n<sub>in</sub>) weights, biases 0: LeCun's choice, and Nielsen's in his chapter 3. It keeps z of
     * order 1 for inputs of order 1, so sigmoid neurons start unsaturated; chapter 5 uses it.
     */
    LECUN {
        @Override
        public double standardDeviation(int fanIn, int fanOut) {
            return 1 / Math.sqrt(fanIn);
        }
    },
    // tag::xavier-constant[]
    /**
     * Glorot and Bengio's (Xavier's) choice for sigmoid and tanh:
     * Var(w) = 2 / (n<sub>in</sub> + n<sub>out</sub>), biases 0.
     */
    XAVIER {
        // tag::xavier[]
        @Override
        public double standardDeviation(int fanIn, int fanOut) {
            // BEGIN SOLUTION 4.8
            return Math.sqrt(2.0 / (fanIn + fanOut));
            // END SOLUTION
        }
        // end::xavier[]
    },
    // end::xavier-constant[]

    // tag::he-constant[]
    /**
     * He et al.'s choice for ReLU, which zeroes half its inputs: Var(w) = 2 / n<sub>in</sub>,
     * biases 0.
     */
    HE {
        // tag::he[]
        @Override
        public double standardDeviation(int fanIn, int fanOut) {
            // BEGIN SOLUTION 4.8
            return Math.sqrt(2.0 / fanIn);
            // END SOLUTION
        }
        // end::he[]
    };
    // end::he-constant[]

    /** The name used on the command line (chapter 5): standard-normal, lecun, xavier, he. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The choice called {@code id}; an {@link IllegalArgumentException} names the choices. */
    public static Init of(String id) {
        for (Init i : values()) {
            if (i.id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("init must be standard-normal, lecun, xavier or he, got '" + id + "'");
    }

    /** The standard deviation of the weights of a layer with {@code fanIn} inputs per neuron and {@code fanOut} neurons. */
    public abstract double standardDeviation(int fanIn, int fanOut);

    /** The standard deviation of the biases; 0 unless a choice says otherwise. */
    double biasStandardDeviation() {
        return 0;
    }

    /** A fresh {@code fanOut × fanIn} weight matrix: row j holds the weights into neuron j. */
    public double[][] weights(int fanIn, int fanOut, RandomGenerator random) {
        double sd = standardDeviation(fanIn, fanOut);
        double[][] w = new double[fanOut][fanIn];
        for (double[] row : w) {
            for (int k = 0; k < fanIn; k++) {
                row[k] = sd * random.nextGaussian();
            }
        }
        return w;
    }

    /** Fresh biases for a layer of {@code size} neurons. */
    public double[] biases(int size, RandomGenerator random) {
        double sd = biasStandardDeviation();
        double[] b = new double[size];
        for (int j = 0; j < size; j++) {
            b[j] = sd == 0 ? 0 : sd * random.nextGaussian();
        }
        return b;
    }
}
