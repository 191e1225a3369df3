package kuibu.mnist.tool;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.mnist.Backprop;
import kuibu.mnist.Engine;
import kuibu.mnist.Network;
import kuibu.mnist.Recipe;
import kuibu.mnist.Trainer;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.Mnist;
import kuibu.mnist.fast.FastBackprop;
import kuibu.neuron.Activation;
import kuibu.tools.Steps;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One training run of the tool, as {@code train} and {@code measure} do it: the network, the engine,
 * the epochs printed as they end, and the model and report written at the end.
 */
final class Training {

    /** Which engine trains: the lesson's (the chapter's code, exercises 5.3 and 5.4) or the fast one. */
    enum EngineKind {
        LESSON, FAST;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static EngineKind of(String id) {
            return switch (id) {
                case "lesson" -> LESSON;
                case "fast" -> FAST;
                default -> throw new IllegalArgumentException("--engine must be lesson or fast, got '" + id + "'");
            };
        }
    }

    /** Everything a run is made of. */
    record Run(String recipe, int[] sizes, Activation activation, Output output, Cost cost, Init init, EngineKind engine,
               int threads, Trainer.Options options, int trainLimit) {

        /** The recipe as it is, with {@code seed} for the weights and the shuffles. */
        static Run of(Recipe recipe, long seed, EngineKind engine, int threads) {
            return new Run(recipe.id(), recipe.sizes(), recipe.activation(), recipe.output(), recipe.cost(), recipe.init(),
                    engine, threads, recipe.options(seed), 0);
        }

        Network network() {
            return Network.random(sizes, activation, output, cost, init, options.seed());
        }

        Engine engine(Network net) {
            int capacity = options.batch();
            return engine == EngineKind.FAST ? new FastBackprop(net, capacity, threads) : new Backprop(net, capacity);
        }
    }

    private Training() {}

    /** Trains on {@code mnist} as {@code run} says, printing to {@code out}; saves the model and the report where asked. */
    static Reports.TrainReport run(Run run, Mnist mnist, Path data, PrintWriter out, Path save, Path report) throws IOException {
        Network net = run.network();
        Dataset train = run.trainLimit() > 0 ? mnist.training().first(run.trainLimit()) : mnist.training();
        Trainer.Options o = run.options();
        out.printf("%s, %d parameters; training on %d images from %s, validating on %d, testing on %d%n",
                net, net.parameterCount(), train.size(), data, mnist.validation().size(), mnist.test().size());
        out.printf("epochs %d, batch %d, eta %s, lambda %s, init %s, seed %d, engine %s%s%n", o.epochs(), o.batch(), o.eta(),
                o.lambda(), run.init().id(), o.seed(), run.engine().id(),
                run.engine() == EngineKind.FAST ? ", threads " + run.threads() : "");
        List<Trainer.Epoch> epochs;
        try (Engine engine = run.engine(net); Progress progress = new Progress(out)) {
            epochs = Trainer.train(engine, train, mnist.validation(), mnist.test(), o, progress);
        }
        double test = epochs.get(epochs.size() - 1).testAccuracy();
        out.printf("test accuracy %.2f%% (%d of %d)%n", 100 * test, Math.round(test * mnist.test().size()), mnist.test().size());
        if (save != null) {
            ModelFile.save(net, save);
            out.println("model saved to " + save);
        }
        Reports.TrainReport written = new Reports.TrainReport(run.recipe(), run.sizes(), run.activation().id(), run.output().id(),
                run.cost().id(), run.init().id(), run.engine().id(), run.engine() == EngineKind.FAST ? run.threads() : 1,
                o.batch(), o.eta(), o.lambda(), o.seed(), train.size(), epochs.stream().map(Reports.EpochFigures::of).toList(),
                Double.isNaN(test) ? null : test, Reports.runningFingerprint());
        if (report != null) {
            Reports.write(report, written);
            out.println("report saved to " + report);
        }
        return written;
    }

    /** "784,30,10". */
    static String sizes(int[] sizes) {
        return String.join(",", Arrays.stream(sizes).mapToObj(String::valueOf).toList());
    }

    /** Epoch lines always; a progress bar within each epoch only on a terminal. */
    static final class Progress implements Trainer.Listener, AutoCloseable {
        private final PrintWriter out;
        private final boolean terminal = Steps.isTerminal();
        private ProgressBar bar;
        private int epoch = 1;

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void batchDone(int samplesSoFar, int samplesPerEpoch) {
            if (!terminal) {
                return;
            }
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(samplesPerEpoch)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate().build();
            }
            bar.stepTo(samplesSoFar);
        }

        @Override
        public void epoch(Trainer.Epoch e) {
            close();
            epoch = e.epoch() + 1;
            out.printf("epoch %d  %.2f s  %.0f samples/s  loss %.4f  validation %.2f%%  test %.2f%%%n",
                    e.epoch(), e.seconds(), e.samplesPerSecond(), e.loss(), 100 * e.validationAccuracy(), 100 * e.testAccuracy());
            out.flush();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
