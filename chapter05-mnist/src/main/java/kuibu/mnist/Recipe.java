package kuibu.mnist;

import java.util.Arrays;
import java.util.Locale;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.neuron.Activation;

/**
 * The chapter's recipes, each a network and a way to train it: the one table that {@code train},
 * {@code bench}, {@code measure} and the book's figures all read.
 */
public enum Recipe {
    /** Nielsen's chapter 1: 784-30-10 sigmoid neurons, quadratic cost, N(0, 1) weights, batch 10, η = 3, 30 epochs. */
    NIELSEN(new int[] {784, 30, 10}, Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC, Init.STANDARD_NORMAL, 10, 3.0, 0, 30),
    /** A modern small network in two quick epochs: ReLU, softmax with cross-entropy, LeCun's N(0, 1/n_in). */
    QUICK(new int[] {784, 100, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY, Init.LECUN, 16, 0.1, 0, 2),
    /** The chapter's best: a wider hidden layer, L2 regularisation and twelve epochs, for ≥ 98 % on the test set. */
    BEST(new int[] {784, 256, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY, Init.LECUN, 16, 0.1, 5, 12),
    /** The benchmark's modern recipe, the peers' "modern": 784-100-10 as {@link #QUICK}, batch 32. */
    MODERN(new int[] {784, 100, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY, Init.LECUN, 32, 0.1, 0, 2);

    private final int[] sizes;
    private final Activation activation;
    private final Output output;
    private final Cost cost;
    private final Init init;
    private final int batch;
    private final double eta;
    private final double lambda;
    private final int epochs;

    Recipe(int[] sizes, Activation activation, Output output, Cost cost, Init init, int batch, double eta, double lambda,
           int epochs) {
        this.sizes = sizes;
        this.activation = activation;
        this.output = output;
        this.cost = cost;
        this.init = init;
        this.batch = batch;
        this.eta = eta;
        this.lambda = lambda;
        this.epochs = epochs;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public Activation activation() {
        return activation;
    }

    public Output output() {
        return output;
    }

    public Cost cost() {
        return cost;
    }

    public Init init() {
        return init;
    }

    public int batch() {
        return batch;
    }

    public double eta() {
        return eta;
    }

    public double lambda() {
        return lambda;
    }

    public int epochs() {
        return epochs;
    }

    /** The recipe's network, its first weights drawn with {@code seed}. */
    public Network network(long seed) {
        return Network.random(sizes, activation, output, cost, init, seed);
    }

    /** How the recipe trains, shuffling with {@code seed}. */
    public Trainer.Options options(long seed) {
        return new Trainer.Options(epochs, batch, eta, lambda, seed);
    }

    /** The name on the command line: nielsen, quick, best, modern. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The recipe called {@code id}; an {@link IllegalArgumentException} names the choices. */
    public static Recipe of(String id) {
        for (Recipe r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("recipe must be one of " + String.join(", ",
                Arrays.stream(values()).map(Recipe::id).toList()) + ", got '" + id + "'");
    }

    /** "784-30-10 sigmoid/sigmoid/quadratic, batch 10, eta 3.0": what the recipe is, in one line. */
    public String describe() {
        return String.join("-", Arrays.stream(sizes).mapToObj(String::valueOf).toList()) + " " + activation.id() + "/"
                + output.id() + "/" + cost.id() + ", init " + init.id() + ", batch " + batch + ", eta " + eta
                + (lambda > 0 ? ", lambda " + lambda : "") + ", " + epochs + " epoch" + (epochs == 1 ? "" : "s");
    }
}
