package kuibu.backprop;

import java.util.List;
import kuibu.chainrule.Value;

/**
 * A network's cost written with chapter 2's {@link Value}s: the forward pass of {@link Network}, one
 * node per number, so that {@link Value#backward()} finds every ∂C/∂w and ∂C/∂b by the chain rule
 * alone (the multilayer perceptron that ends micrograd, in Java). It knows nothing of BP1–BP4, which
 * makes it an independent witness: where its gradients agree with {@link Network#backprop}, the four
 * equations are the chain rule, organised by layers.
 *
 * <p>It reads and updates the weights and biases of the {@link Network} it was made from, in place.
 * A graph is built anew for every cost (chapter 2's {@code Value} keeps the gradients of one backward
 * pass), with fresh leaves for the parameters: three objects for every weight of every example (the leaf, a
 * product and a sum), which is why real code keeps to the arrays of BP1–BP4.
 */
public final class GraphNetwork {

    private final Network net;
    /** The leaves of the graph built last: one per weight and bias, shaped like the network's. */
    private Value[][][] w;
    private Value[][] b;

    /** A graph view of {@code net}, sharing its parameters. */
    public GraphNetwork(Network net) {
        this.net = net;
    }

    /** The gradient of C<sub>x</sub> for one sample, by one backward pass through its graph. */
    public Gradient gradient(double[] x, double[] y) {
        newLeaves();
        cost(x, y).backward();
        return leafGradients();
    }

    /**
     * One step of gradient descent on the mean cost of {@code batch}: one graph for the whole batch, one
     * backward pass, and every parameter moved by −η times its gradient, as {@link Network#updateMiniBatch}
     * does with backprop. Returns the mean cost before the step.
     */
    public double step(List<Sample> batch, double eta) {
        newLeaves();
        Value total = new Value(0);
        for (Sample sample : batch) {
            total = total.add(cost(sample.x(), sample.y()));
        }
        Value mean = total.div(batch.size());
        mean.backward();
        double[] parameters = net.parameters();
        double[] gradient = leafGradients().toArray();           // the same order as parameters()
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] -= eta * gradient[i];
        }
        net.setParameters(parameters);
        return mean.data();
    }

    /** How many nodes the graph of one sample's cost has: the price of differentiating number by number. */
    public int nodes(double[] x, double[] y) {
        newLeaves();
        return cost(x, y).topologicalOrder().size();
    }

    // tag::cost[]
    /** The graph of C_x: (4.1) and (4.2) layer by layer, then the output's cost. */
    private Value cost(double[] x, double[] y) {
        Value[] a = new Value[x.length];
        for (int k = 0; k < x.length; k++) {
            a[k] = new Value(x[k]);
        }
        for (int l = 0; l < w.length; l++) {
            Value[] z = new Value[w[l].length];
            for (int j = 0; j < z.length; j++) {
                Value sum = b[l][j];
                for (int k = 0; k < a.length; k++) {
                    sum = sum.add(w[l][j][k].mul(a[k]));     // z_j = Σ w_jk a_k + b_j
                }
                z[j] = sum;
            }
            a = l == w.length - 1 ? output(z) : hidden(z);
        }
        return cost(a, y);
    }
    // end::cost[]

    private Value[] hidden(Value[] z) {
        Value[] a = new Value[z.length];
        for (int j = 0; j < z.length; j++) {
            a[j] = switch (net.design().hidden()) {
                case SIGMOID -> z[j].sigmoid();
                case TANH -> z[j].tanh();
                case RELU -> z[j].relu();
                case IDENTITY -> z[j];
            };
        }
        return a;
    }

    private Value[] output(Value[] z) {
        Value[] a = new Value[z.length];
        if (net.design().output() == Output.SIGMOID) {
            for (int j = 0; j < z.length; j++) {
                a[j] = z[j].sigmoid();
            }
            return a;
        }
        double max = Double.NEGATIVE_INFINITY;                      // softmax, shifted by a constant as Output does
        for (Value zj : z) {
            max = Math.max(max, zj.data());
        }
        Value[] e = new Value[z.length];
        Value sum = new Value(0);
        for (int j = 0; j < z.length; j++) {
            e[j] = z[j].sub(max).exp();
            sum = sum.add(e[j]);
        }
        for (int j = 0; j < z.length; j++) {
            a[j] = e[j].div(sum);
        }
        return a;
    }

    private Value cost(Value[] a, double[] y) {
        Value c = new Value(0);
        for (int j = 0; j < a.length; j++) {
            if (net.design().cost() == Cost.QUADRATIC) {
                c = c.add(a[j].sub(y[j]).pow(2).mul(0.5));            // (4.4)
                continue;
            }
            if (y[j] != 0) {
                c = c.sub(a[j].log().mul(y[j]));                     // (4.13)
            }
            if (net.design().output() == Output.SIGMOID && y[j] != 1) {
                c = c.sub(a[j].neg().add(1).log().mul(1 - y[j]));    // and ln(1 − a) for sigmoid outputs
            }
        }
        return c;
    }

    private void newLeaves() {
        int layers = net.layers();
        w = new Value[layers][][];
        b = new Value[layers][];
        for (int l = 0; l < layers; l++) {
            double[][] weights = net.weights(l);
            double[] biases = net.biases(l);
            w[l] = new Value[weights.length][];
            b[l] = new Value[biases.length];
            for (int j = 0; j < weights.length; j++) {
                w[l][j] = new Value[weights[j].length];
                for (int k = 0; k < weights[j].length; k++) {
                    w[l][j][k] = new Value(weights[j][k]);
                }
                b[l][j] = new Value(biases[j]);
            }
        }
    }

    private Gradient leafGradients() {
        Gradient gradient = Gradient.zeros(net.sizes());
        for (int l = 0; l < w.length; l++) {
            for (int j = 0; j < w[l].length; j++) {
                for (int k = 0; k < w[l][j].length; k++) {
                    gradient.nablaW(l)[j][k] = w[l][j][k].grad();
                }
                gradient.nablaB(l)[j] = b[l][j].grad();
            }
        }
        return gradient;
    }
}
