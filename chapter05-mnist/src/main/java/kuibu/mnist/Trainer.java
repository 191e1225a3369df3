package kuibu.mnist;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kuibu.backprop.Output;
import kuibu.mnist.data.Dataset;
import kuibu.neuron.Activation;

/**
 * Mini-batch stochastic gradient descent over a dataset, epoch after epoch: shuffle, cut into batches,
 * one {@link Engine#step} per batch. By default the engine is the lesson's {@link Backprop}, so what
 * trains is the code the chapter writes (exercises 5.3 and 5.4). Everything random comes from
 * {@code java.util.Random(seed)}, and the matrix code sums in a fixed order, so the same seed gives the
 * same network on every run.
 */
public final class Trainer {

    /**
     * The knobs of a training run. λ is the L2 strength relative to the training-set size n; μ the momentum
     * (0: plain gradient descent).
     */
    public record Options(int epochs, int batch, double eta, double lambda, double momentum, long seed) {
        /** Without momentum. */
        public Options(int epochs, int batch, double eta, double lambda, long seed) {
            this(epochs, batch, eta, lambda, 0, seed);
        }

        public Options {
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("the momentum mu must be at least 0 and below 1, got " + momentum);
            }
            if (epochs < 1 || batch < 1) {
                throw new IllegalArgumentException("epochs and batch must be at least 1, got " + epochs + " and " + batch);
            }
            if (!(eta > 0) || !Double.isFinite(eta)) {
                throw new IllegalArgumentException("the learning rate eta must be a positive number, got " + eta);
            }
            if (!(lambda >= 0) || !Double.isFinite(lambda)) {
                throw new IllegalArgumentException("the regularisation lambda must be 0 or more, got " + lambda);
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

    /** Thrown when training diverges: the learning rate is too large for this network. */
    public static final class DivergedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final double eta;

        DivergedException(int epoch, double eta) {
            super("training diverged in epoch " + epoch + " (the loss became NaN, infinite, or more than " + LOST_COST + " per sample): the learning rate " + eta
                    + " is too large for this network");
            this.eta = eta;
        }

        DivergedException(int epoch, double eta, double saturatedShare) {
            super(String.format("training diverged in epoch %d: the weights grew so large that %.0f%% of a layer's"
                    + " sigmoid/tanh neurons are saturated (|z| > %.0f, slope below 1e-8) and have stopped learning:"
                    + " the learning rate %s is too large for this network", epoch, 100 * saturatedShare, SATURATED_Z, eta));
            this.eta = eta;
        }

        /** The learning rate that diverged. */
        public double eta() {
            return eta;
        }
    }

    /**
     * A mean cost per sample above this many nats has gone: with the cross-entropy it means the right digit
     * gets a probability below e⁻⁷⁰⁰ ≈ 10⁻³⁰⁴, where a {@code double} is about to round to 0 (and ln a was
     * infinite before the cost was computed from z). The quadratic cost of ten outputs never exceeds 5.
     */
    static final int LOST_COST = 700;

    /** Beyond this |z| the sigmoid's slope is below 1e-8 (tanh's far below): such a neuron no longer learns. */
    static final double SATURATED_Z = 20;

    /** A layer this saturated after an epoch has diverged without a NaN: its gradients have all but vanished. */
    static final double DIVERGED_SHARE = 0.9;

    private Trainer() {}

    /** Trains {@code net} in place with the lesson's engine ({@link Backprop}); see {@link #train(Engine, Dataset, Dataset, Dataset, Options, Listener)}. */
    public static List<Epoch> train(Network net, Dataset train, Dataset validation, Dataset test, Options options,
                                    Listener listener) {
        return train(new Backprop(net, Math.max(1, Math.min(options.batch(), train.size()))), train, validation, test,
                options, listener);
    }

    /**
     * Trains the engine's network in place on {@code train}; after each epoch measures accuracy on
     * {@code validation} and {@code test} (either may be null) and tells the listener.
     */
    public static List<Epoch> train(Engine engine, Dataset train, Dataset validation, Dataset test,
                                    Options options, Listener listener) {
        Network net = engine.network();
        int n = train.size();
        if (n == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        if (net.size(0) != Dataset.PIXELS) {
            throw new IllegalArgumentException("the first layer must have " + Dataset.PIXELS + " inputs, got " + net.size(0));
        }
        int capacity = Math.min(Math.min(options.batch(), n), engine.capacity());
        Random random = new Random(options.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<Epoch> epochs = new ArrayList<>();
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            shuffle(order, random);
            long start = System.nanoTime();
            double loss = 0;
            int m = 0;
            for (int first = 0; first < n; first += capacity) {
                m = Math.min(capacity, n - first);
                int batchStart = first;
                engine.load(train, s -> order[batchStart + s], m);
                double cost = engine.step(m, options.eta(), options.lambda(), options.momentum(), n);
                if (!(cost <= (double) LOST_COST * m)) {        // true for NaN too
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
            double saturated = saturatedShare(engine, m);
            if (saturated >= DIVERGED_SHARE) {
                throw new DivergedException(epoch, options.eta(), saturated);
            }
            Epoch e = new Epoch(epoch, seconds, n / seconds, loss / n, accuracy(net, validation), accuracy(net, test));
            epochs.add(e);
            if (listener != null) {
                listener.epoch(e);
            }
        }
        return epochs;
    }

    /**
     * The largest share, over the layers with a sigmoid or tanh activation, of the last batch's
     * weighted inputs z with |z| > {@link #SATURATED_Z}. A too-large step with sigmoid outputs does not
     * produce NaN: it drives every z far out, σ'(z) vanishes and learning silently stops.
     */
    static double saturatedShare(Engine engine, int m) {
        Network net = engine.network();
        double worst = 0;
        int last = net.layers();
        for (int l = 1; l <= last; l++) {
            boolean saturating = l < last ? net.activation() == Activation.SIGMOID || net.activation() == Activation.TANH
                    : net.output() == Output.SIGMOID;
            if (!saturating) {
                continue;
            }
            int far = 0;
            for (int s = 0; s < m; s++) {
                for (double z : engine.weightedInput(l, s)) {
                    if (Math.abs(z) > SATURATED_Z) {
                        far++;
                    }
                }
            }
            worst = Math.max(worst, (double) far / (m * net.size(l)));
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

    private static double accuracy(Network net, Dataset data) {
        return data == null || data.size() == 0 ? Double.NaN : Evaluation.of(net, data).accuracy();
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
