package kuibu.mnist.tool;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.mnist.Recipe;
import kuibu.mnist.Trainer;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.Mnist;
import kuibu.neuron.Activation;
import kuibu.tools.Cli;
import kuibu.tools.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train}: mini-batch SGD on MNIST with the chapter's own code; the defaults are Nielsen's chapter 1 recipe. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        header = "Train a network on MNIST, printing one line per epoch.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--recipe", paramLabel = "NAME", description = "nielsen, quick or best: a preset of the options below")
    String recipe;

    @Option(names = "--sizes", split = ",", paramLabel = "N", description = "layer sizes, input first (default: ${DEFAULT-VALUE})", defaultValue = "784,30,10")
    int[] sizes;

    @Option(names = "--activation", paramLabel = "NAME", description = "hidden layers: sigmoid, tanh, relu or identity (default: ${DEFAULT-VALUE})", defaultValue = "sigmoid")
    String activation;

    @Option(names = "--output", paramLabel = "NAME", description = "output layer: sigmoid or softmax (default: ${DEFAULT-VALUE})", defaultValue = "sigmoid")
    String output;

    @Option(names = "--cost", paramLabel = "NAME", description = "quadratic or cross-entropy (default: ${DEFAULT-VALUE})", defaultValue = "quadratic")
    String cost;

    @Option(names = "--init", paramLabel = "NAME", description = "standard-normal (w, b ~ N(0,1)), lecun (w ~ N(0, 1/fan-in), b = 0), xavier or he (default: ${DEFAULT-VALUE})", defaultValue = "standard-normal")
    String init;

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training set (default: ${DEFAULT-VALUE})", defaultValue = "30")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", description = "mini-batch size (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int batch;

    @Option(names = "--eta", paramLabel = "RATE", description = "learning rate (default: ${DEFAULT-VALUE})", defaultValue = "3.0")
    double eta;

    @Option(names = "--lambda", paramLabel = "L2", description = "L2 regularisation strength, relative to the training-set size (default: ${DEFAULT-VALUE})", defaultValue = "0")
    double lambda;

    @Option(names = "--seed", paramLabel = "N", description = "seed for the initial weights and the shuffles (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--train-limit", paramLabel = "N", description = "train on the first N images only (0 = all 50,000)", defaultValue = "0")
    int trainLimit;

    @Option(names = "--engine", paramLabel = "NAME", description = "lesson (the chapter's code) or fast (default: ${DEFAULT-VALUE})", defaultValue = "lesson")
    String engine;

    @Option(names = "--threads", paramLabel = "N", description = "threads of the fast engine; results do not depend on it (default: ${DEFAULT-VALUE})", defaultValue = "1")
    int threads;

    @Option(names = "--data", paramLabel = "DIR", description = "folder with the four MNIST files (default: $KUIBU_MNIST_DIR, else ~/.cache/kuibu/mnist)")
    String data;

    @Option(names = "--save", paramLabel = "FILE", description = "write the trained network here (JSON)")
    Path save;

    @Option(names = "--report", paramLabel = "FILE", description = "write the per-epoch figures here (JSON)")
    Path report;

    /** The recipes train offers, as its help shows them. */
    static final List<Recipe> RECIPES = List.of(Recipe.NIELSEN, Recipe.QUICK, Recipe.BEST);

    /**
     * The help's text: what train does, then the recipes as a table of the options each one sets, one
     * option a row, so that it stays a table in 80 columns.
     */
    static String[] description() {
        List<String> lines = new ArrayList<>(List.of(
                "Trains on the first 50,000 MNIST training images, validates on the last 10,000 and tests on the 10,000"
                        + " test images.",
                "",
                "By default the lesson's engine trains: the chapter's own code, exercises 5.3 and 5.4 included. --engine fast"
                        + " trains with the fast engine instead, the same arithmetic arranged for speed.",
                "",
                "The defaults are Nielsen's chapter 1 recipe. --recipe sets several options at once (an option given"
                        + " explicitly still wins):",
                ""));
        List<String[]> rows = new ArrayList<>();
        rows.add(row("", r -> r.id()));
        rows.add(row("--sizes", r -> Training.sizes(r.sizes())));
        rows.add(row("--activation", r -> r.activation().id()));
        rows.add(row("--output", r -> r.output().id()));
        rows.add(row("--cost", r -> r.cost().id()));
        rows.add(row("--init", r -> r.init().id()));
        rows.add(row("--batch", r -> String.valueOf(r.batch())));
        rows.add(row("--eta", r -> String.valueOf(r.eta())));
        rows.add(row("--lambda", r -> number(r.lambda())));
        rows.add(row("--epochs", r -> String.valueOf(r.epochs())));
        int[] widths = new int[RECIPES.size() + 1];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 2));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines.toArray(String[]::new);
    }

    private static String[] row(String option, java.util.function.Function<Recipe, String> value) {
        String[] row = new String[RECIPES.size() + 1];
        row[0] = option;
        for (int i = 0; i < RECIPES.size(); i++) {
            row[i + 1] = value.apply(RECIPES.get(i));
        }
        return row;
    }

    private static String number(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Training.Run run = validated();
        for (Path output : new Path[] {save, report}) {
            if (output != null) {
                AtomicFiles.checkWritable(output);   // before the training, not after it
            }
        }
        Path dir = Mnist.directory(data);
        Mnist mnist = Mnist.load(dir);
        if (trainLimit > mnist.training().size()) {
            throw Cli.bad(spec, "--train-limit " + trainLimit + ": there are only " + mnist.training().size()
                    + " training images in " + dir);
        }
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

    /** Every option checked, the recipe applied: a usage error naming the option, before any work. */
    private Training.Run validated() {
        if (recipe != null) {
            Recipe r = RECIPES.stream().filter(x -> x.id().equals(recipe)).findFirst().orElseThrow(() -> Cli.bad(spec,
                    "--recipe " + recipe + ": expected nielsen, quick or best"
                            + Cli.didYouMean(recipe, RECIPES.stream().map(Recipe::id).toList())));
            applyRecipe(r);
        }
        if (trainLimit < 0) {
            throw Cli.bad(spec, "--train-limit must be 0 or more, got " + trainLimit);
        }
        if (threads < 1) {
            throw Cli.bad(spec, "--threads must be at least 1, got " + threads);
        }
        if (epochs < 1) {
            throw Cli.bad(spec, "--epochs must be at least 1, got " + epochs);
        }
        if (batch < 1) {
            throw Cli.bad(spec, "--batch must be at least 1, got " + batch);
        }
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw Cli.bad(spec, "--eta must be a positive number, got " + eta);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw Cli.bad(spec, "--lambda must be 0 or more, got " + lambda);
        }
        if (sizes.length < 2 || sizes[0] != Dataset.PIXELS || sizes[sizes.length - 1] != 10) {
            throw Cli.bad(spec, "--sizes must start with 784 (the pixels) and end with 10 (the digits), got " + Training.sizes(sizes));
        }
        for (int n : sizes) {
            if (n < 1) {
                throw Cli.bad(spec, "--sizes: every layer needs at least one neuron, got " + Training.sizes(sizes));
            }
        }
        return new Training.Run(recipe == null ? "custom" : recipe, sizes, option("--activation", () -> Activation.of(activation)),
                option("--output", () -> Output.of(output)), option("--cost", () -> Cost.of(cost)),
                option("--init", () -> Init.of(init)), option("--engine", () -> Training.EngineKind.of(engine)), threads,
                new Trainer.Options(epochs, batch, eta, lambda, seed), trainLimit);
    }

    /** The value {@code parse} makes of {@code option}; a value it refuses is a usage error naming the option. */
    private <T> T option(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw Cli.bad(spec, e.getMessage().startsWith(option) ? e.getMessage() : option + ": " + e.getMessage());
        }
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
