package kuibu.backprop;

import kuibu.neuron.Activation;

/**
 * Matt Mazur's well-known step-by-step example: a 2-2-2 sigmoid network, one sample, quadratic
 * cost, learning rate ½, and the biases held fixed as in his post.
 *
 * <p>Update order: {@link #step} computes the whole gradient with the current weights, then changes
 * every weight. (Updating the output weights first and using the new ones for the hidden deltas is a
 * different, incorrect algorithm; it gives slightly different numbers from the second step on.)
 */
public final class MazurExample {

    /** Mazur's learning rate. */
    public static final double ETA = 0.5;

    private MazurExample() {}

    /** The input (i1, i2). */
    public static double[] input() {
        return new double[] {0.05, 0.10};
    }

    /** The target (o1, o2). */
    public static double[] target() {
        return new double[] {0.01, 0.99};
    }

    /** The network before training: w1..w4 into the hidden layer, w5..w8 into the output layer. */
    // tag::network[]
    public static Network network() {
        Network network = new Network(0L, 2, 2, 2);
        network.weights(0)[0] = new double[] {0.15, 0.20}; // w1, w2: into h1
        network.weights(0)[1] = new double[] {0.25, 0.30}; // w3, w4: into h2
        network.biases(0)[0] = 0.35;
        network.biases(0)[1] = 0.35;
        network.weights(1)[0] = new double[] {0.40, 0.45}; // w5, w6: into o1
        network.weights(1)[1] = new double[] {0.50, 0.55}; // w7, w8: into o2
        network.biases(1)[0] = 0.60;
        network.biases(1)[1] = 0.60;
        return network;
    }
    // end::network[]

    /** The total error E = Σ ½(target − output)², which is our quadratic cost. */
    public static double error(Network network) {
        return network.cost(input(), target());
    }

    /** One step of gradient descent on the weights only: the whole gradient first, then every update. */
    // tag::step[]
    public static void step(Network network, double eta) {
        Gradient gradient = network.backprop(input(), target());
        for (int l = 0; l < network.layers(); l++) {
            double[][] w = network.weights(l);
            for (int j = 0; j < w.length; j++) {
                for (int k = 0; k < w[j].length; k++) {
                    w[j][k] -= eta * gradient.nablaW(l)[j][k];
                }
            }
        }
    }
    // end::step[]

    /**
     * The other order, to show where a widely quoted number comes from: update the output weights
     * first, then compute the hidden errors (BP2) with the <em>updated</em> output weights. This is
     * not gradient descent on E: the hidden weights move along a slightly wrong direction.
     */
    public static void stepWithUpdatedOutputWeights(Network network, double eta) {
        Network.Pass pass = network.forwardPass(input());
        double[] hidden = pass.activations()[1];
        double[] output = pass.activations()[2];
        double[] deltaOutput = Equations.outputError(Cost.QUADRATIC.gradient(output, target(), Output.SIGMOID),
                pass.zs()[1], Activation.SIGMOID);
        subtract(network.weights(1), Equations.weightGradient(deltaOutput, hidden), eta);
        double[] deltaHidden = Equations.hiddenError(network.weights(1), deltaOutput, pass.zs()[0], Activation.SIGMOID);
        subtract(network.weights(0), Equations.weightGradient(deltaHidden, input()), eta);
    }

    private static void subtract(double[][] w, double[][] nablaW, double eta) {
        for (int j = 0; j < w.length; j++) {
            for (int k = 0; k < w[j].length; k++) {
                w[j][k] -= eta * nablaW[j][k];
            }
        }
    }

    /** The network after {@code steps} steps with learning rate {@link #ETA}. */
    public static Network trained(int steps) {
        Network network = network();
        for (int i = 0; i < steps; i++) {
            step(network, ETA);
        }
        return network;
    }
}
