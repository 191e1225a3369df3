package kuibu.mnist;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mini-batch stochastic gradient descent over a dataset, epoch after epoch: shuffle, cut into
 * batches, one {@link Backprop} and one {@link Sgd#update} per batch. Everything random comes from
 * {@code java.util.Random(seed)}, and the matrix code sums in a fixed order, so the same seed gives
 * the same network on every run and with any number of threads.
 */
public final class Trainer {

    /** The knobs of a training run. λ is the L2 strength relative to the training-set size n. */
    public record Options(int epochs, int batch, double eta, double lambda, long seed, int threads) {
        public Options {
            if (epochs < 1 || batch < 1 || threads < 1) {
                throw new IllegalArgumentException("epochs, batch and threads must be at least 1, got "
                        + epochs + ", " + batch + ", " + threads);
            }
            if (!(eta > 0) || !Double.isFinite(eta)) {
                throw new IllegalArgumentException("eta must be a positive number, got " + eta);
            }
            if (!(lambda >= 0) || !Double.isFinite(lambda)) {
                throw new IllegalArgumentException("lambda must be 0 or more, got " + lambda);
            }
        }
    }

    /** What one epoch did; accuracies are fractions, NaN where there was no such data. */
    public record Epoch(int epoch, double seconds, double samplesPerSecond, double loss,
                        double validationAccuracy, double testAccuracy) {}

    /** Hears about every finished epoch (to print it) and about progress within one (for a bar). */
    public interface Listener {
        void epoch(Epoch epoch);

        default void batchDone(int samplesSoFar, int samplesPerEpoch) {}
    }

    /** Thrown when the loss becomes NaN or infinite: the step size is too large for this network. */
    public static final class DivergedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DivergedException(int epoch, double eta) {
            super("training diverged in epoch " + epoch + " (the loss became NaN or infinite) with eta = " + eta
                    + ": try a smaller --eta, e.g. " + eta / 10);
        }

        DivergedException(int epoch, double eta, double saturatedShare) {
            super(String.format("training diverged in epoch %d: the weights grew so large that %.0f%% of a layer's"
                    + " sigmoid/tanh neurons are saturated (|z| > %.0f, slope below 1e-8) and have stopped learning,"
                    + " with eta = %s: try a smaller --eta, e.g. %s", epoch, 100 * saturatedShare, SATURATED_Z, eta, eta / 10));
        }
    }

    /** Beyond this |z| the sigmoid's slope is below 1e-8 (tanh's far below): such a neuron no longer learns. */
    static final double SATURATED_Z = 20;

    /** A layer this saturated after an epoch has diverged without a NaN: its gradients have all but vanished. */
    static final double DIVERGED_SHARE = 0.9;

    private Trainer() {}

    /**
     * Trains {@code net} in place on {@code train}; after each epoch measures accuracy on
     * {@code validation} and {@code test} (either may be null) and tells the listener.
     */
    public static List<Epoch> train(Network net, Dataset train, Dataset validation, Dataset test,
                                    Options options, Listener listener) {
        int n = train.size();
        if (n == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        if (net.sizes[0] != Dataset.PIXELS) {
            throw new IllegalArgumentException("the first layer must have " + Dataset.PIXELS + " inputs, got " + net.sizes[0]);
        }
        int capacity = Math.min(options.batch(), n);
        Random random = new Random(options.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<Epoch> epochs = new ArrayList<>();
        try (Parallel parallel = new Parallel(options.threads())) {
            Backprop bp = new Backprop(net, capacity, parallel);
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                shuffle(order, random);
                long start = System.nanoTime();
                double loss = 0;
                int m = 0;
                for (int first = 0; first < n; first += capacity) {
                    m = Math.min(capacity, n - first);
                    int batchStart = first;
                    bp.load(train, s -> order[batchStart + s], m, true);
                    double cost = bp.descend(m, options.eta(), options.lambda(), n);
                    if (!Double.isFinite(cost)) {
                        throw new DivergedException(epoch, options.eta());
                    }
                    loss += cost;
                    if (listener != null) {
                        listener.batchDone(first + m, n);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!net.isFinite()) {
                    throw new DivergedException(epoch, options.eta());
                }
                double saturated = saturatedShare(net, bp, m);
                if (saturated >= DIVERGED_SHARE) {
                    throw new DivergedException(epoch, options.eta(), saturated);
                }
                double validationAccuracy = accuracy(net, validation, options.threads());
                double testAccuracy = accuracy(net, test, options.threads());
                Epoch e = new Epoch(epoch, seconds, n / seconds, loss / n, validationAccuracy, testAccuracy);
                epochs.add(e);
                if (listener != null) {
                    listener.epoch(e);
                }
            }
        }
        return epochs;
    }

    /**
     * The largest share, over the layers with a sigmoid or tanh activation, of the last batch's
     * weighted inputs z with |z| > {@link #SATURATED_Z}. A too-large step with sigmoid outputs does not
     * produce NaN: it drives every z far out, σ'(z) vanishes and learning silently stops.
     */
    static double saturatedShare(Network net, Backprop bp, int m) {
        double worst = 0;
        int last = net.layers();
        for (int l = 1; l <= last; l++) {
            boolean saturating = l < last ? net.activation != Activation.RELU : net.output == Output.SIGMOID;
            if (!saturating) {
                continue;
            }
            int count = m * net.sizes[l];
            int far = 0;
            for (int s = 0; s < m; s++) {
                for (double z : bp.z[l][s]) {
                    if (Math.abs(z) > SATURATED_Z) {
                        far++;
                    }
                }
            }
            worst = Math.max(worst, (double) far / count);
        }
        return worst;
    }

    /**
     * The median epoch time in seconds (the mean of the middle two for an even count), the figure the
     * peers in {@code ../shared/peers} report, so that speeds compared with theirs mean the same thing.
     */
    public static double medianSeconds(List<Epoch> epochs) {
        double[] s = epochs.stream().mapToDouble(Epoch::seconds).sorted().toArray();
        int half = s.length / 2;
        return s.length % 2 == 1 ? s[half] : (s[half - 1] + s[half]) / 2;
    }

    private static double accuracy(Network net, Dataset data, int threads) {
        return data == null || data.size() == 0 ? Double.NaN : Evaluation.of(net, data, threads).accuracy();
    }

    /** Fisher–Yates with the trainer's own generator, so the order depends on the seed alone. */
    static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
