package kuibu.mnist.tool;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.mnist.Recipe;
import kuibu.mnist.Trainer;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.Mnist;
import kuibu.neuron.Activation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train}: mini-batch SGD on MNIST with the chapter's own code; the defaults are Nielsen's chapter 1 recipe. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network on the first 50,000 MNIST training images (the last 10,000 validate), printing one"
            + " line per epoch.",
            "By default the lesson's engine trains: the chapter's own code, exercises 5.3 and 5.4 included (--engine fast"
            + " trains with the fast engine instead, the same arithmetic arranged for speed).",
            "Defaults: Nielsen's chapter 1 recipe. --recipe sets several options at once (options given explicitly still win):",
            "  nielsen  784-30-10, sigmoid, sigmoid outputs, quadratic cost, init standard-normal, batch 10, eta 3.0, 30 epochs",
            "  quick    784-100-10, relu, softmax, cross-entropy, init lecun, batch 16, eta 0.1, 2 epochs",
            "  best     784-256-10, relu, softmax, cross-entropy, init lecun, batch 16, eta 0.1, lambda 5, 12 epochs"})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--recipe", description = "nielsen, quick or best: a preset of the options below")
    String recipe;

    @Option(names = "--sizes", split = ",", description = "layer sizes, input first (default: ${DEFAULT-VALUE})", defaultValue = "784,30,10")
    int[] sizes;

    @Option(names = "--activation", description = "hidden layers: sigmoid, tanh, relu or identity (default: ${DEFAULT-VALUE})", defaultValue = "sigmoid")
    String activation;

    @Option(names = "--output", description = "output layer: sigmoid or softmax (default: ${DEFAULT-VALUE})", defaultValue = "sigmoid")
    String output;

    @Option(names = "--cost", description = "quadratic or cross-entropy (default: ${DEFAULT-VALUE})", defaultValue = "quadratic")
    String cost;

    @Option(names = "--init", description = "standard-normal (w, b ~ N(0,1)), lecun (w ~ N(0, 1/fan-in), b = 0), xavier or he (default: ${DEFAULT-VALUE})", defaultValue = "standard-normal")
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

    @Option(names = "--engine", description = "lesson (the chapter's code) or fast (default: ${DEFAULT-VALUE})", defaultValue = "lesson")
    String engine;

    @Option(names = "--threads", description = "threads of the fast engine; results do not depend on it (default: ${DEFAULT-VALUE})", defaultValue = "1")
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
            applyRecipe(Recipe.of(recipe));
        }
        if (trainLimit < 0) {
            throw new IllegalArgumentException("--train-limit must be 0 or more, got " + trainLimit);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (sizes.length < 2 || sizes[0] != Dataset.PIXELS || sizes[sizes.length - 1] != 10) {
            throw new IllegalArgumentException("--sizes must start with 784 (the pixels) and end with 10 (the digits), got "
                    + Training.sizes(sizes));
        }
        for (Path output : new Path[] {save, report}) {
            if (output != null) {
                AtomicFiles.checkWritable(output);   // before the training, not after it
            }
        }
        Training.Run run = new Training.Run(recipe == null ? "custom" : recipe, sizes, Activation.of(activation),
                Output.of(output), Cost.of(cost), Init.of(init), Training.EngineKind.of(engine), threads,
                new Trainer.Options(epochs, batch, eta, lambda, seed), trainLimit);
        Path dir = Mnist.directory(data);
        Mnist mnist = Mnist.load(dir);
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads > cores) {
            out.printf("note: --threads %d is more than the %d cores here; the extra threads only slow the others down"
                    + " (the result is the same)%n", threads, cores);
        }
        if (threads > 1 && run.engine() == Training.EngineKind.LESSON) {
            out.println("note: --threads counts for the fast engine only (--engine fast); the lesson's engine runs on one");
        }
        Training.run(run, mnist, dir, out, save, report);
        return 0;
    }

    /** A recipe: sets every option the user did not give on the command line. */
    private void applyRecipe(Recipe r) {
        preset("--sizes", () -> sizes = r.sizes());
        preset("--activation", () -> activation = r.activation().id());
        preset("--output", () -> output = r.output().id());
        preset("--cost", () -> cost = r.cost().id());
        preset("--init", () -> init = r.init().id());
        preset("--batch", () -> batch = r.batch());
        preset("--eta", () -> eta = r.eta());
        preset("--lambda", () -> lambda = r.lambda());
        preset("--epochs", () -> epochs = r.epochs());
    }

    private void preset(String option, Runnable set) {
        if (!spec.commandLine().getParseResult().hasMatchedOption(option)) {
            set.run();
        }
    }
}
