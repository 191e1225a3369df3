package kuibu.mnist;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train}: mini-batch SGD on MNIST; the defaults are Nielsen's chapter 1 recipe. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network on the first 50,000 MNIST training images (the last 10,000 validate),",
            "printing one line per epoch. Defaults: Nielsen's chapter 1 recipe (784-30-10, sigmoid, quadratic cost,",
            "batch 10, eta 3.0, 30 epochs).",
            "--recipe sets several options at once (options given explicitly still win):",
            "  nielsen  the defaults above",
            "  fast     --sizes 784,100,10 --activation relu --output softmax --cost cross-entropy --init scaled",
            "           --batch 16 --eta 0.1 --epochs 2                        (about 96%% in a few seconds)",
            "  best     --sizes 784,256,10 --activation relu --output softmax --cost cross-entropy --init scaled",
            "           --batch 16 --eta 0.1 --lambda 5 --epochs 12 --threads 2   (98.2%% with seed 1)"})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--recipe", description = "nielsen, fast or best: a preset of the options below")
    String recipe;

    @Option(names = "--sizes", split = ",", description = "layer sizes, input first (default: ${DEFAULT-VALUE})", defaultValue = "784,30,10")
    int[] sizes;

    @Option(names = "--activation", description = "hidden layers: sigmoid, relu or tanh (default: ${DEFAULT-VALUE})", defaultValue = "sigmoid")
    String activation;

    @Option(names = "--output", description = "output layer: sigmoid or softmax (default: ${DEFAULT-VALUE})", defaultValue = "sigmoid")
    String output;

    @Option(names = "--cost", description = "quadratic or cross-entropy (default: ${DEFAULT-VALUE})", defaultValue = "quadratic")
    String cost;

    @Option(names = "--init", description = "normal: w, b ~ N(0,1) (Nielsen ch. 1); scaled: w ~ N(0,1)/sqrt(fan-in), b = 0 (default: ${DEFAULT-VALUE})", defaultValue = "normal")
    String init;

    @Option(names = "--epochs", description = "passes over the training set (default: ${DEFAULT-VALUE})", defaultValue = "30")
    int epochs;

    @Option(names = "--batch", description = "mini-batch size (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int batch;

    @Option(names = "--eta", description = "learning rate (default: ${DEFAULT-VALUE})", defaultValue = "3.0")
    double eta;

    @Option(names = "--lambda", description = "L2 regularisation strength, relative to the training-set size (default: ${DEFAULT-VALUE})", defaultValue = "0")
    double lambda;

    @Option(names = "--seed", description = "seed for the initial weights and the shuffles (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--train-limit", description = "train on the first N images only (0 = all 50,000)", defaultValue = "0")
    int trainLimit;

    @Option(names = "--threads", description = "threads for the matrix products; results do not depend on it (default: ${DEFAULT-VALUE})", defaultValue = "1")
    int threads;

    @Option(names = "--data", description = "folder with the four MNIST files (default: $KUIBU_MNIST_DIR, else ~/.cache/kuibu/mnist)")
    String data;

    @Option(names = "--save", description = "write the trained network here (JSON)")
    Path save;

    @Option(names = "--report", description = "write the per-epoch figures here (JSON)")
    Path report;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (recipe != null) {
            applyRecipe(recipe);
        }
        if (trainLimit < 0) {
            throw new IllegalArgumentException("--train-limit must be 0 or more, got " + trainLimit);
        }
        if (sizes.length < 2 || sizes[0] != Dataset.PIXELS || sizes[sizes.length - 1] != 10) {
            throw new IllegalArgumentException("--sizes must start with 784 (the pixels) and end with 10 (the digits), got "
                    + String.join(",", java.util.Arrays.stream(sizes).mapToObj(String::valueOf).toList()));
        }
        for (Path output : new Path[] {save, report}) {
            if (output != null) {
                AtomicFiles.checkWritable(output);   // before the training, not after it
            }
        }
        Trainer.Options options = new Trainer.Options(epochs, batch, eta, lambda, seed, threads);
        Network net = Network.random(sizes, Activation.of(activation), Output.of(output), Cost.of(cost), init(init), seed);
        Path dir = Mnist.directory(data);
        Mnist mnist = Mnist.load(dir);
        Dataset train = trainLimit > 0 ? mnist.training().first(trainLimit) : mnist.training();
        out.printf("%s, %d parameters; training on %d images from %s, validating on %d, testing on %d%n",
                net, net.parameterCount(), train.size(), dir, mnist.validation().size(), mnist.test().size());
        out.printf("epochs %d, batch %d, eta %s, lambda %s, init %s, seed %d, threads %d%n",
                epochs, batch, eta, lambda, init, seed, threads);
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads > cores) {
            out.printf("note: --threads %d is more than the %d cores here; the extra threads only slow the others down"
                    + " (the result is the same)%n", threads, cores);
        }
        List<Trainer.Epoch> epochs;
        try (Progress progress = new Progress(out)) {
            epochs = Trainer.train(net, train, mnist.validation(), mnist.test(), options, progress);
        }
        double test = epochs.get(epochs.size() - 1).testAccuracy();
        out.printf("test accuracy %.2f%% (%d of %d)%n", 100 * test, Math.round(test * mnist.test().size()), mnist.test().size());
        if (save != null) {
            ModelFile.save(net, save);
            out.println("model saved to " + save);
        }
        if (report != null) {
            writeReport(report, net, options, epochs, test, train.size());
            out.println("report saved to " + report);
        }
        return 0;
    }

    /** Presets: each sets the options the user did not give on the command line. */
    private void applyRecipe(String name) {
        switch (name) {
            case "nielsen":
                return;
            case "fast":
                preset("--sizes", () -> sizes = new int[] {784, 100, 10});
                modern();
                preset("--epochs", () -> epochs = 2);
                return;
            case "best":
                preset("--sizes", () -> sizes = new int[] {784, 256, 10});
                modern();
                preset("--lambda", () -> lambda = 5);
                preset("--epochs", () -> epochs = 12);
                preset("--threads", () -> threads = 2);
                return;
            default:
                throw new IllegalArgumentException("--recipe must be nielsen, fast or best, got '" + name + "'");
        }
    }

    private void modern() {
        preset("--activation", () -> activation = "relu");
        preset("--output", () -> output = "softmax");
        preset("--cost", () -> cost = "cross-entropy");
        preset("--init", () -> init = "scaled");
        preset("--batch", () -> batch = 16);
        preset("--eta", () -> eta = 0.1);
    }

    private void preset(String option, Runnable set) {
        if (!spec.commandLine().getParseResult().hasMatchedOption(option)) {
            set.run();
        }
    }

    static Network.Init init(String name) {
        switch (name) {
            case "normal":
                return Network.Init.NORMAL;
            case "scaled":
                return Network.Init.SCALED;
            default:
                throw new IllegalArgumentException("--init must be normal or scaled, got '" + name + "'");
        }
    }

    private void writeReport(Path path, Network net, Trainer.Options options, List<Trainer.Epoch> epochs,
                             double test, int trainSize) throws IOException {
        ObjectNode root = ModelFile.JSON.createObjectNode();
        ArrayNode sizesNode = root.putArray("sizes");
        for (int n : net.sizes) {
            sizesNode.add(n);
        }
        root.put("activation", net.activation.id());
        root.put("output", net.output.id());
        root.put("cost", net.cost.id());
        root.put("init", init);
        root.put("batch", options.batch());
        root.put("eta", options.eta());
        root.put("lambda", options.lambda());
        root.put("seed", options.seed());
        root.put("threads", options.threads());
        root.put("train_size", trainSize);
        ArrayNode list = root.putArray("epochs");
        for (Trainer.Epoch e : epochs) {
            ObjectNode node = list.addObject();
            node.put("epoch", e.epoch());
            node.put("seconds", e.seconds());
            node.put("samples_per_second", e.samplesPerSecond());
            node.put("loss", e.loss());
            putFraction(node, "validation_accuracy", e.validationAccuracy());
            putFraction(node, "test_accuracy", e.testAccuracy());
        }
        root.put("test_accuracy", test);
        byte[] bytes = ModelFile.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(path, temporary -> Files.write(temporary, bytes));
    }

    /** An accuracy, or null where there was no such data (JSON has no NaN). */
    private static void putFraction(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /** Epoch lines always; a progress bar within each epoch only on a terminal. */
    static final class Progress implements Trainer.Listener, AutoCloseable {
        private final PrintWriter out;
        private final boolean terminal = isTerminal();
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

        /** A console that is a real terminal (JDK 22+ returns a console for pipes too; ask it then). */
        static boolean isTerminal() {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }
    }
}
