package kuibu.backprop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import kuibu.neuron.Activation;

/**
 * A fully connected feed-forward network that learns by backpropagation and mini-batch stochastic
 * gradient descent: Nielsen's {@code network.py}, in Java, with a choice of activations, cost and
 * initialisation.
 *
 * <p>Indexing: the text calls the input a<sup>0</sup>, numbers the layers that compute 1..L, and
 * writes w<sup>l</sup>, b<sup>l</sup> for the parameters into layer l. Code counts from 0:
 * {@code weights(l)} and {@code biases(l)} are the text's w<sup>l+1</sup> and b<sup>l+1</sup>, so
 * {@code weights(0)} connects the input to the first hidden layer, and {@code weights(l)[j][k]}
 * connects neuron k of layer l to neuron j of layer l + 1. The input layer has no biases.
 *
 * <p>What it leaves out on purpose: regularisation, momentum, and the matrix form over a whole
 * mini-batch (chapter 5). Each sample goes forward and back on its own, so every line maps to an
 * equation of the chapter.
 */
public final class Network {

    /**
     * The choices a network is made of. {@link #DEFAULT} is Nielsen's first network: sigmoid
     * everywhere, quadratic cost, N(0, 1) weights and biases.
     */
    public record Design(Activation hidden, Output output, Cost cost, Init init) {

        public static final Design DEFAULT = new Design(Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC, Init.STANDARD_NORMAL);

        public Design {
            if (hidden == null || output == null || cost == null || init == null) {
                throw new IllegalArgumentException("expected a hidden activation, an output, a cost and an initialisation, got "
                        + hidden + ", " + output + ", " + cost + ", " + init);
            }
        }

        /** The same design with another activation for the hidden layers. */
        public Design withHidden(Activation hidden) {
            return new Design(hidden, output, cost, init);
        }

        /** The same design with another output layer. */
        public Design withOutput(Output output) {
            return new Design(hidden, output, cost, init);
        }

        /** The same design with another cost. */
        public Design withCost(Cost cost) {
            return new Design(hidden, output, cost, init);
        }

        /** The same design with another initialisation (it matters only when a network is built). */
        public Design withInit(Init init) {
            return new Design(hidden, output, cost, init);
        }
    }

    /** What one epoch of training achieved: the mean cost and the fraction classified correctly, on the evaluation data. */
    public record Epoch(int epoch, double cost, double accuracy) {}

    private final int[] sizes;
    private final Design design;
    private final double[][][] weights;
    private final double[][] biases;

    /**
     * A network with the {@link Design#DEFAULT} design and layer sizes {@code sizes}, input first,
     * initialised from {@code seed}: the same seed gives the same network on every JDK.
     */
    public Network(long seed, int... sizes) {
        this(Design.DEFAULT, new Random(seed), sizes);
    }

    /** A network of the given design, initialised from {@code seed}. */
    public Network(Design design, long seed, int... sizes) {
        this(design, new Random(seed), sizes);
    }

    /** A network of the given design, initialised from {@code random}. */
    public Network(Design design, RandomGenerator random, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("expected at least 2 layer sizes (input and output), got " + Arrays.toString(sizes));
        }
        for (int size : sizes) {
            if (size < 1) {
                throw new IllegalArgumentException("expected every layer to have at least 1 neuron, got " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        this.design = design;
        this.weights = new double[sizes.length - 1][][];
        this.biases = new double[sizes.length - 1][];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = design.init().weights(sizes[l], sizes[l + 1], random);
            biases[l] = design.init().biases(sizes[l + 1], random);
        }
    }

    /** The layer sizes, input first. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The number of layers that compute, L in the text: one fewer than the number of layer sizes. */
    public int layers() {
        return weights.length;
    }

    /** The activations, cost and initialisation this network was built with. */
    public Design design() {
        return design;
    }

    /** The live weights between layer l and l + 1: {@code weights(l)[j][k]} connects neuron k to neuron j. */
    public double[][] weights(int l) {
        return weights[checkLayer(l)];
    }

    /** The live biases of layer l + 1 (l = 0: the first hidden layer). */
    public double[] biases(int l) {
        return biases[checkLayer(l)];
    }

    /** The number of weights and biases, D in the text. */
    public int parameterCount() {
        return Parameters.count(weights);
    }

    /** Every weight and bias as one new array: layer by layer, weights row by row, then the biases. */
    public double[] parameters() {
        return Parameters.flatten(weights, biases);
    }

    /** Sets every weight and bias from one array in {@link #parameters()} order. */
    public void setParameters(double[] parameters) {
        Parameters.unflatten(parameters, weights, biases);
    }

    /** The output a<sup>L</sup> for input {@code x}: the last activation of the forward pass. */
    public double[] feedforward(double[] x) {
        checkInput(x);
        double[][] activations = forwardPass(x).activations();
        return activations[layers()];
    }

    /** Every layer's activations for input {@code x}, the input first and the output last: a<sup>0</sup>, ..., a<sup>L</sup>. */
    public double[][] activations(double[] x) {
        checkInput(x);
        return forwardPass(x).activations();
    }

    /** The cost C<sub>x</sub> of this network's output for input {@code x} and target {@code y}. */
    public double cost(double[] x, double[] y) {
        checkTarget(y);
        return design.cost().value(feedforward(x), y, design.output());
    }

    /** The mean cost over {@code samples}. */
    public double meanCost(List<Sample> samples) {
        double sum = 0;
        for (Sample sample : samples) {
            sum += cost(sample.x(), sample.y());
        }
        return sum / samples.size();
    }

    /** What the forward pass keeps for the backward pass: every weighted input z and every activation a. */
    // tag::forward-pass[]
    record Pass(double[][] zs, double[][] activations) {}

    /** Equations (4.1) and (4.2), layer after layer: z = w a + b, then a = σ(z). */
    Pass forwardPass(double[] x) {
        double[][] zs = new double[layers()][];
        double[][] activations = new double[layers() + 1][];
        activations[0] = x.clone();
        for (int l = 0; l < layers(); l++) {
            zs[l] = weightedInput(l, activations[l]);
            activations[l + 1] = l == layers() - 1
                    ? design.output().activate(zs[l])
                    : design.hidden().apply(zs[l]);
        }
        return new Pass(zs, activations);
    }
    // end::forward-pass[]

    /**
     * The gradient of the cost C<sub>x</sub> for one sample, by backpropagation: one forward pass,
     * then BP1 at the output, BP2 back through the layers, BP3 and BP4 at every layer.
     */
    // tag::backprop[]
    public Gradient backprop(double[] x, double[] y) {
        checkInput(x);
        checkTarget(y);
        Pass pass = forwardPass(x);
        double[][] zs = pass.zs();
        double[][] activations = pass.activations();
        int last = layers() - 1;
        // BEGIN SOLUTION 4.5
        double[][][] nablaW = new double[layers()][][];
        double[][] nablaB = new double[layers()][];
        // BP1
        double[] delta = design.cost().outputError(zs[last], activations[last + 1], y, design.output());
        for (int l = last; l >= 0; l--) {
            if (l < last) {
                delta = Equations.hiddenError(weights[l + 1], delta, zs[l], design.hidden()); // BP2
            }
            nablaB[l] = Equations.biasGradient(delta); // BP3
            nablaW[l] = Equations.weightGradient(delta, activations[l]); // BP4
        }
        return new Gradient(nablaW, nablaB);
        // END SOLUTION
    }
    // end::backprop[]

    /** The gradient of the mean cost over {@code batch}: the average of the samples' gradients (equation (4.10)). */
    // tag::mean-gradient[]
    public Gradient meanGradient(List<Sample> batch) {
        requireSamples(batch);
        // BEGIN SOLUTION 4.6
        Gradient mean = Gradient.zeros(sizes);
        for (Sample sample : batch) {
            mean.add(backprop(sample.x(), sample.y()), 1.0 / batch.size());
        }
        return mean;
        // END SOLUTION
    }
    // end::mean-gradient[]

    /** One step of gradient descent on the mean cost of {@code batch}: every w and b moves by −η times its mean gradient (equation (4.11)). */
    // tag::update-mini-batch[]
    public void updateMiniBatch(List<Sample> batch, double eta) {
        Gradient mean = meanGradient(batch);
        // BEGIN SOLUTION 4.6
        for (int l = 0; l < layers(); l++) {
            for (int j = 0; j < sizes[l + 1]; j++) {
                for (int k = 0; k < sizes[l]; k++) {
                    weights[l][j][k] -= eta * mean.nablaW(l)[j][k];
                }
                biases[l][j] -= eta * mean.nablaB(l)[j];
            }
        }
        // END SOLUTION
    }
    // end::update-mini-batch[]

    /** Mini-batch SGD, evaluated after each epoch on the training data itself. */
    public List<Epoch> sgd(List<Sample> training, int epochs, int miniBatchSize, double eta, RandomGenerator random) {
        return sgd(training, epochs, miniBatchSize, eta, random, training);
    }

    /**
     * Mini-batch stochastic gradient descent: each epoch shuffles the training data, cuts it into
     * mini-batches and takes one step per batch; after each epoch the network is evaluated on
     * {@code evaluation}. Many small, noisy steps get downhill faster than a few exact ones.
     */
    // tag::sgd[]
    public List<Epoch> sgd(List<Sample> training, int epochs, int miniBatchSize, double eta,
                           RandomGenerator random, List<Sample> evaluation) {
        requireSamples(training);
        requireSamples(evaluation);
        if (epochs < 0 || miniBatchSize < 1) {
            throw new IllegalArgumentException("expected epochs >= 0 and a mini-batch size >= 1, got "
                    + epochs + " epochs and mini-batches of " + miniBatchSize);
        }
        List<Sample> order = new ArrayList<>(training);
        List<Epoch> history = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            shuffle(order, random);
            for (int start = 0; start < order.size(); start += miniBatchSize) {
                updateMiniBatch(order.subList(start, Math.min(start + miniBatchSize, order.size())), eta);
            }
            history.add(new Epoch(epoch, meanCost(evaluation), accuracy(evaluation)));
        }
        return history;
    }
    // end::sgd[]

    /**
     * The class the network picks for {@code x}: the index of the largest output, or, with a single
     * output, 1 if it is at least ½ and 0 otherwise.
     */
    public int classify(double[] x) {
        double[] a = feedforward(x);
        return a.length == 1 ? (a[0] >= 0.5 ? 1 : 0) : argmax(a);
    }

    /** How many samples the network classifies correctly (the target's class is read the same way as the output's). */
    public int evaluate(List<Sample> samples) {
        int correct = 0;
        for (Sample sample : samples) {
            double[] y = sample.y();
            int expected = y.length == 1 ? (y[0] >= 0.5 ? 1 : 0) : argmax(y);
            if (classify(sample.x()) == expected) {
                correct++;
            }
        }
        return correct;
    }

    /** The fraction of {@code samples} classified correctly. */
    public double accuracy(List<Sample> samples) {
        requireSamples(samples);
        return (double) evaluate(samples) / samples.size();
    }

    /** z = w a + b for the weights between layer l and l + 1 (equation (4.1)). */
    private double[] weightedInput(int l, double[] a) {
        double[][] w = weights[l];
        double[] z = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            double sum = biases[l][j];
            for (int k = 0; k < a.length; k++) {
                sum += w[j][k] * a[k];
            }
            z[j] = sum;
        }
        return z;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void shuffle(List<Sample> samples, RandomGenerator random) {
        for (int i = samples.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            samples.set(i, samples.set(j, samples.get(i)));
        }
    }

    private void checkInput(double[] x) {
        if (x == null || x.length != sizes[0]) {
            throw new IllegalArgumentException("expected an input of length " + sizes[0] + ", got "
                    + (x == null ? "null" : "length " + x.length));
        }
    }

    private void checkTarget(double[] y) {
        int outputs = sizes[sizes.length - 1];
        if (y == null || y.length != outputs) {
            throw new IllegalArgumentException("expected a target of length " + outputs + ", got "
                    + (y == null ? "null" : "length " + y.length));
        }
    }

    private static void requireSamples(List<Sample> samples) {
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("expected at least one sample, got " + (samples == null ? "null" : "none"));
        }
    }

    private int checkLayer(int l) {
        if (l < 0 || l >= layers()) {
            throw new IllegalArgumentException("expected a layer index from 0 to " + (layers() - 1) + ", got " + l);
        }
        return l;
    }
}
