package kuibu.grading.selfcheck;

import java.util.List;

/** Plausible wrong answers, one per entry: each must cost its exercise all of its points, and nothing else. */
final class Mistakes {

    /**
     * In {@code file} (relative to the course root, '/'-separated), the text {@code find}, which occurs exactly once
     * inside the solution regions of {@code exercise}, becomes {@code replace}.
     */
    record Mistake(String exercise, String what, String file, String find, String replace) {}

    private static final String DERIVATIVES = "chapter01-derivatives/src/main/java/kuibu/derivatives/";
    private static final String CHAIN_RULE = "chapter02-chain-rule/src/main/java/kuibu/chainrule/";
    private static final String NEURON = "chapter03-single-neuron/src/main/java/kuibu/neuron/";
    private static final String BACKPROP = "chapter04-backprop/src/main/java/kuibu/backprop/";
    private static final String MNIST = "chapter05-mnist/src/main/java/kuibu/mnist/";

    static final List<Mistake> ALL = List.of(
            // 1.1 the forward difference
            new Mistake("1.1", "takes the central difference instead of the forward one", DERIVATIVES + "Derivatives.java",
                    "f.applyAsDouble(x)) / h", "f.applyAsDouble(x - h)) / (2 * h)"),
            new Mistake("1.1", "divides by 2h", DERIVATIVES + "Derivatives.java",
                    "/ h;", "/ (2 * h);"),
            new Mistake("1.1", "subtracts the wrong way round: f(x) - f(x + h)", DERIVATIVES + "Derivatives.java",
                    "(f.applyAsDouble(x + h) - f.applyAsDouble(x))", "(f.applyAsDouble(x) - f.applyAsDouble(x + h))"),

            // 1.5 one step downhill
            new Mistake("1.5", "steps uphill: x + eta * gradient", DERIVATIVES + "GradientDescent.java",
                    "x[i] - eta * gradient[i]", "x[i] + eta * gradient[i]"),
            new Mistake("1.5", "forgets eta", DERIVATIVES + "GradientDescent.java",
                    "x[i] - eta * gradient[i]", "x[i] - gradient[i]"),
            new Mistake("1.5", "changes x in place and returns it", DERIVATIVES + "GradientDescent.java",
                    "double[] next = new double[x.length];", "double[] next = x;"),

            // 1.6 the walk
            new Mistake("1.6", "off by one: takes maxSteps + 1 steps", DERIVATIVES + "GradientDescent.java",
                    "path.size() > maxSteps", "path.size() > maxSteps + 1"),
            new Mistake("1.6", "stops only below the threshold (< instead of <=)", DERIVATIVES + "GradientDescent.java",
                    "length(gradient) <= threshold", "length(gradient) < threshold"),
            new Mistake("1.6", "never notices divergence", DERIVATIVES + "GradientDescent.java",
                    "if (!allFinite(x) || !allFinite(gradient)) {", "if (false) {"),

            // 1.2 the gradient of the bowl
            new Mistake("1.2", "forgets the factor 2 of x²", DERIVATIVES + "Functions.java",
                    "2 * p[0]", "p[0]"),
            new Mistake("1.2", "forgets the factor 2 of y²: 10y instead of 20y", DERIVATIVES + "Functions.java",
                    "20 * p[1]", "10 * p[1]"),

            // 1.3 the gradient of the Rosenbrock valley
            new Mistake("1.3", "loses the sign of the inner derivative of (1 - x)²", DERIVATIVES + "Functions.java",
                    "double dx = -2 * (1 - x)", "double dx = 2 * (1 - x)"),
            new Mistake("1.3", "forgets the inner derivative -2x of y - x²", DERIVATIVES + "Functions.java",
                    "- 400 * x * (y - x * x)", "- 200 * (y - x * x)"),
            new Mistake("1.3", "forgets the factor 2 of the square in dy", DERIVATIVES + "Functions.java",
                    "double dy = 200 * (y - x * x);", "double dy = 100 * (y - x * x);"),

            // 1.4 the gradient of the line fit
            new Mistake("1.4", "forgets to divide by n", DERIVATIVES + "LineFit.java",
                    "return new double[] {dw / xs.length, db / xs.length};", "return new double[] {dw, db};"),
            new Mistake("1.4", "forgets the factor x_i in dL/dw", DERIVATIVES + "LineFit.java",
                    "dw += 2 * error * xs[i];", "dw += 2 * error;"),
            new Mistake("1.4", "forgets the factor 2 of the square in dL/dw", DERIVATIVES + "LineFit.java",
                    "dw += 2 * error * xs[i];", "dw += error * xs[i];"),

            // 2.1 the backward pass by hand
            new Mistake("2.1", "dJ/db picks up b instead of c", CHAIN_RULE + "ByHand.java",
                    "double dJdb = dJdu * c;", "double dJdb = dJdu * b;"),
            new Mistake("2.1", "forgets dJ/dv = 3", CHAIN_RULE + "ByHand.java",
                    "double dJdv = 3;", "double dJdv = 1;"),

            // 2.2 two paths
            new Mistake("2.2", "follows only the path through s", CHAIN_RULE + "ByHand.java",
                    "double dKda = dKdaDirect + dKds * 1;", "double dKda = dKds * 1;"),
            new Mistake("2.2", "follows only the direct edge", CHAIN_RULE + "ByHand.java",
                    "double dKda = dKdaDirect + dKds * 1;", "double dKda = dKdaDirect;"),

            // 2.3 the backward pass of Value
            new Mistake("2.3", "never seeds dJ/dJ = 1", CHAIN_RULE + "Value.java",
                    "grad = 1;", ""),
            new Mistake("2.3", "overwrites instead of adding (= instead of +=)", CHAIN_RULE + "Value.java",
                    "node.inputs[k].grad += ", "node.inputs[k].grad = "),
            new Mistake("2.3", "walks the order forwards, inputs before outputs", CHAIN_RULE + "Value.java",
                    "for (int i = order.size() - 1; i >= 0; i--) {", "for (int i = 0; i < order.size(); i++) {"),
            new Mistake("2.3", "multiplies by the input's gradient instead of the node's", CHAIN_RULE + "Value.java",
                    "node.localDerivatives[k] * node.grad", "node.localDerivatives[k] * node.inputs[k].grad"),
            new Mistake("2.3", "sets every gradient back to 0 first, so passes do not accumulate", CHAIN_RULE + "Value.java",
                    "grad = 1;", "order.forEach(node -> node.grad = 0);\n        grad = 1;"),

            // 2.4 local derivatives
            new Mistake("2.4", "d(x/y)/dy without its minus sign", CHAIN_RULE + "Value.java",
                    "-data / (other.data * other.data)", "data / (other.data * other.data)"),
            new Mistake("2.4", "d(x/c)/dx = c instead of 1/c", CHAIN_RULE + "Value.java",
                    "data / c, 1 / c)", "data / c, c)"),
            new Mistake("2.4", "d(x^p)/dx = p x^p, the exponent not lowered", CHAIN_RULE + "Value.java",
                    "p * Math.pow(data, p - 1)", "p * Math.pow(data, p)"),
            new Mistake("2.4", "d(e^x)/dx = 1", CHAIN_RULE + "Value.java",
                    "return unary(\"exp\", e, e);", "return unary(\"exp\", e, 1);"),
            new Mistake("2.4", "d(ln x)/dx = x instead of 1/x", CHAIN_RULE + "Value.java",
                    "Math.log(data), 1 / data)", "Math.log(data), data)"),

            // 2.5 activation nodes
            new Mistake("2.5", "tanh' = 1 - tanh, the square forgotten", CHAIN_RULE + "Value.java",
                    "return unary(\"tanh\", t, 1 - t * t);", "return unary(\"tanh\", t, 1 - t);"),
            new Mistake("2.5", "sigmoid' = sigmoid", CHAIN_RULE + "Value.java",
                    "return unary(\"sigmoid\", s, s * (1 - s));", "return unary(\"sigmoid\", s, s);"),
            new Mistake("2.5", "relu' = 1 at the kink", CHAIN_RULE + "Value.java",
                    "data > 0 ? 1 : 0", "data >= 0 ? 1 : 0"),

            // 2.6 the one-neuron chain
            new Mistake("2.6", "forgets the factor 2 of (a - y)²", CHAIN_RULE + "NeuronChain.java",
                    "double dCda = 2 * (a[w.length] - y);", "double dCda = a[w.length] - y;"),
            new Mistake("2.6", "takes sigma' from the layer's input a[l] instead of its output", CHAIN_RULE + "NeuronChain.java",
                    "dCda * a[l + 1] * (1 - a[l + 1])", "dCda * a[l] * (1 - a[l])"),
            new Mistake("2.6", "dC/dw with the layer's output instead of its input", CHAIN_RULE + "NeuronChain.java",
                    "dw[l] = a[l] * dCdz;", "dw[l] = a[l + 1] * dCdz;"),
            new Mistake("2.6", "hands dC/dz down instead of w dC/dz", CHAIN_RULE + "NeuronChain.java",
                    "dCda = w[l] * dCdz;", "dCda = dCdz;"),

            // 3.1 the sigmoid's derivative
            new Mistake("3.1", "returns sigma(z) itself", NEURON + "Activation.java",
                    "return s * (1 - s);", "return s;"),
            new Mistake("3.1", "puts z where sigma(z) belongs", NEURON + "Activation.java",
                    "double s = value(z);", "double s = z;"),

            // 3.2 tanh and ReLU
            new Mistake("3.2", "tanh' = 1 - tanh, the square forgotten", NEURON + "Activation.java",
                    "return 1 - t * t;", "return 1 - t;"),
            new Mistake("3.2", "tanh' = 1 - z², from z instead of tanh z", NEURON + "Activation.java",
                    "double t = Math.tanh(z);", "double t = z;"),
            new Mistake("3.2", "relu' = 1 at the kink", NEURON + "Activation.java",
                    "return z > 0 ? 1 : 0;", "return z >= 0 ? 1 : 0;"),

            // 3.3 the costs' derivatives
            new Mistake("3.3", "quadratic: y - a, the sign flipped", NEURON + "Cost.java",
                    "return a - y;", "return y - a;"),
            new Mistake("3.3", "cross-entropy: forgets the denominator a(1 - a)", NEURON + "Cost.java",
                    "return (a - y) / (a * (1 - a));", "return a - y;"),
            new Mistake("3.3", "cross-entropy: (y - a), the sign flipped", NEURON + "Cost.java",
                    "return (a - y) / (a * (1 - a));", "return (y - a) / (a * (1 - a));"),

            // 3.4 the gradient of one example
            new Mistake("3.4", "forgets sigma'(z)", NEURON + "Neuron.java",
                    "double delta = cost.derivative(a, sample.y()) * activation.derivative(z);",
                    "double delta = cost.derivative(a, sample.y());"),
            new Mistake("3.4", "evaluates sigma' at a instead of z", NEURON + "Neuron.java",
                    "activation.derivative(z)", "activation.derivative(a)"),
            new Mistake("3.4", "evaluates the cost's derivative at z instead of a", NEURON + "Neuron.java",
                    "cost.derivative(a, sample.y())", "cost.derivative(z, sample.y())"),
            new Mistake("3.4", "dC/dw_j without the factor x_j", NEURON + "Neuron.java",
                    "nablaW[j] = delta * x[j];", "nablaW[j] = delta;"),

            // 3.5 averaging over the examples
            new Mistake("3.5", "sums the bias's gradients instead of averaging them", NEURON + "Neuron.java",
                    "nablaB += g.nablaB / samples.size();", "nablaB += g.nablaB;"),
            new Mistake("3.5", "keeps only the last sample's weight gradient (= instead of +=)", NEURON + "Neuron.java",
                    "nablaW[j] += g.nablaW[j] / samples.size();", "nablaW[j] = g.nablaW[j] / samples.size();"),

            // 3.6 one step
            new Mistake("3.6", "steps uphill in the weights", NEURON + "Neuron.java",
                    "next[j] = w[j] - eta * gradient.nablaW[j];", "next[j] = w[j] + eta * gradient.nablaW[j];"),
            new Mistake("3.6", "the bias does not learn", NEURON + "Neuron.java",
                    "b - eta * gradient.nablaB, activation", "b, activation"),
            new Mistake("3.6", "always makes a sigmoid neuron", NEURON + "Neuron.java",
                    "b - eta * gradient.nablaB, activation)", "b - eta * gradient.nablaB, Activation.SIGMOID)"),

            // 4.1 BP1
            new Mistake("4.1", "sigma(z) instead of sigma'(z)", BACKPROP + "Equations.java",
                    "delta[j] = costGradient[j] * activation.derivative(z[j]);", "delta[j] = costGradient[j] * activation.value(z[j]);"),
            new Mistake("4.1", "forgets sigma'(z)", BACKPROP + "Equations.java",
                    "delta[j] = costGradient[j] * activation.derivative(z[j]);", "delta[j] = costGradient[j];"),

            // 4.2 BP2
            new Mistake("4.2", "forgets the transpose: wNext[k][j]", BACKPROP + "Equations.java",
                    "sum += wNext[j][k] * deltaNext[j];", "sum += wNext[k][j] * deltaNext[j];"),
            new Mistake("4.2", "forgets sigma'(z)", BACKPROP + "Equations.java",
                    "delta[k] = sum * activation.derivative(z[k]);", "delta[k] = sum;"),
            new Mistake("4.2", "sigma(z) instead of sigma'(z)", BACKPROP + "Equations.java",
                    "delta[k] = sum * activation.derivative(z[k]);", "delta[k] = sum * activation.value(z[k]);"),

            // 4.3 BP3
            new Mistake("4.3", "returns delta itself, not a copy", BACKPROP + "Equations.java",
                    "return delta.clone();", "return delta;"),
            new Mistake("4.3", "returns zeros", BACKPROP + "Equations.java",
                    "return delta.clone();", "return new double[delta.length];"),

            // 4.4 BP4
            new Mistake("4.4", "shaped like wᵀ: one row per input", BACKPROP + "Equations.java",
                    "double[][] nablaW = new double[delta.length][aPrevious.length];",
                    "double[][] nablaW = new double[aPrevious.length][delta.length];"),
            new Mistake("4.4", "a_j delta_k, the indices swapped", BACKPROP + "Equations.java",
                    "nablaW[j][k] = aPrevious[k] * delta[j];", "nablaW[j][k] = aPrevious[j] * delta[k];"),
            new Mistake("4.4", "forgets the factor a_k", BACKPROP + "Equations.java",
                    "nablaW[j][k] = aPrevious[k] * delta[j];", "nablaW[j][k] = delta[j];"),

            // 4.5 the backward pass
            new Mistake("4.5", "BP2 with the layer's own weights instead of the next layer's", BACKPROP + "Network.java",
                    "Equations.hiddenError(weights[l + 1], delta, zs[l], design.hidden())",
                    "Equations.hiddenError(weights[l], delta, zs[l], design.hidden())"),
            new Mistake("4.5", "BP4 with the layer's own activations instead of the layer before's", BACKPROP + "Network.java",
                    "Equations.weightGradient(delta, activations[l])", "Equations.weightGradient(delta, activations[l + 1])"),
            new Mistake("4.5", "off by one: stops before the first layer", BACKPROP + "Network.java",
                    "for (int l = last; l >= 0; l--) {", "for (int l = last; l > 0; l--) {"),
            new Mistake("4.5", "BP1 with the output layer's input instead of its output", BACKPROP + "Network.java",
                    "zs[last], activations[last + 1], y", "zs[last], activations[last], y"),

            // 4.6 the mini-batch update
            new Mistake("4.6", "sums the gradients instead of averaging them", BACKPROP + "Network.java",
                    "mean.add(backprop(sample.x(), sample.y()), 1.0 / batch.size());",
                    "mean.add(backprop(sample.x(), sample.y()), 1.0);"),
            new Mistake("4.6", "the biases do not learn", BACKPROP + "Network.java",
                    "biases[l][j] -= eta * mean.nablaB(l)[j];", ""),
            new Mistake("4.6", "forgets eta", BACKPROP + "Network.java",
                    "weights[l][j][k] -= eta * mean.nablaW(l)[j][k];", "weights[l][j][k] -= mean.nablaW(l)[j][k];"),
            new Mistake("4.6", "steps uphill", BACKPROP + "Network.java",
                    "weights[l][j][k] -= eta", "weights[l][j][k] += eta"),

            // 4.7 softmax and cross-entropy
            new Mistake("4.7", "y - a, the sign flipped", BACKPROP + "Cost.java",
                    "delta[j] = a[j] - y[j];", "delta[j] = y[j] - a[j];"),
            new Mistake("4.7", "still multiplies by sigma'", BACKPROP + "Cost.java",
                    "delta[j] = a[j] - y[j];", "delta[j] = (a[j] - y[j]) * a[j] * (1 - a[j]);"),

            // 4.8 Xavier and He
            new Mistake("4.8", "Xavier returns the variance, not the standard deviation", BACKPROP + "Init.java",
                    "return Math.sqrt(2.0 / (fanIn + fanOut));", "return 2.0 / (fanIn + fanOut);"),
            new Mistake("4.8", "He divides by fan-out", BACKPROP + "Init.java",
                    "return Math.sqrt(2.0 / fanIn);", "return Math.sqrt(2.0 / fanOut);"),
            new Mistake("4.8", "He in integer arithmetic: 2 / fanIn", BACKPROP + "Init.java",
                    "Math.sqrt(2.0 / fanIn)", "Math.sqrt(2 / fanIn)"),

            // 5.1 reading an IDX header
            new Mistake("5.1", "reads the counts little-endian", MNIST + "data/Idx.java",
                    "dimensions[i] = bigEndianInt(bytes, 4 + 4 * i);", "dimensions[i] = Integer.reverseBytes(bigEndianInt(bytes, 4 + 4 * i));"),
            new Mistake("5.1", "reads the counts before checking the header is complete", MNIST + "data/Idx.java",
                    "if (bytes.length < 4 + 4 * dims) {", "if (false) {"),
            new Mistake("5.1", "accepts any type code", MNIST + "data/Idx.java",
                    "type != UNSIGNED_BYTE || ", ""),
            new Mistake("5.1", "accepts four dimensions", MNIST + "data/Idx.java",
                    "dims > 3", "dims > 4"),
            new Mistake("5.1", "leaves the file name out of a message", MNIST + "data/Idx.java",
                    "throw new DataException(file + \": truncated: the header needs \"",
                    "throw new DataException(\"truncated: the header needs \""),

            // 5.2 one-hot targets
            new Mistake("5.2", "leaves the old 1 in place", MNIST + "OneHot.java",
                    "java.util.Arrays.fill(y, offset, offset + n, 0);", ""),
            new Mistake("5.2", "ignores the offset", MNIST + "OneHot.java",
                    "y[offset + label] = 1;", "y[label] = 1;"),
            new Mistake("5.2", "clears the whole array, not just its row", MNIST + "OneHot.java",
                    "java.util.Arrays.fill(y, offset, offset + n, 0);", "java.util.Arrays.fill(y, 0);"),
            new Mistake("5.2", "off by one: accepts the label n", MNIST + "OneHot.java",
                    "label >= n", "label > n"),

            // 5.3 the batched backward pass
            new Mistake("5.3", "never sets nablaB back to 0, so the next batch adds to this one", MNIST + "Backprop.java",
                    "Arrays.fill(nablaB, 0);", ""),
            new Mistake("5.3", "never sets nablaW back to 0, so the next batch adds to this one", MNIST + "Backprop.java",
                    "Arrays.fill(row, 0);", ""),
            new Mistake("5.3", "forgets sigma' in BP2", MNIST + "Backprop.java",
                    "delta[s][k] = sum * activation.derivative(z[s][k]);", "delta[s][k] = sum;"),
            new Mistake("5.3", "BP2 without the transpose: sums along a column of W", MNIST + "Backprop.java",
                    "sum += deltaNext[s][j] * wk[j];", "sum += deltaNext[s][j] * w[j][k];"),
            new Mistake("5.3", "BP3 keeps only the last sample's error", MNIST + "Backprop.java",
                    "nablaB[j] += delta[s][j];", "nablaB[j] = delta[s][j];"),
            new Mistake("5.3", "BP4 skips the last sample of the batch", MNIST + "Backprop.java",
                    "for (int s = 0; s < m; s++) {\n            for (int k = 0; k < nablaW.length; k++) {",
                    "for (int s = 0; s < m - 1; s++) {\n            for (int k = 0; k < nablaW.length; k++) {"),

            new Mistake("5.4", "forgets to divide by m", MNIST + "Sgd.java",
                    "double step = eta / m;", "double step = eta;"),
            new Mistake("5.4", "decays by eta lambda / m instead of / n", MNIST + "Sgd.java",
                    "double decay = 1 - eta * lambda / n;", "double decay = 1 - eta * lambda / m;"),
            new Mistake("5.4", "decays the gradient step too", MNIST + "Sgd.java",
                    "w[i] = decay * w[i] - step * nabla[i];", "w[i] = decay * (w[i] - step * nabla[i]);"),

            // 5.5 accuracy and the confusion matrix
            new Mistake("5.5", "rows are the guesses, columns the truth", MNIST + "Evaluation.java",
                    "table[truth[i]][guesses[i]]++;", "table[guesses[i]][truth[i]]++;"),
            new Mistake("5.5", "NaN for an empty table", MNIST + "Evaluation.java",
                    "return all == 0 ? 0 : (double) right / all;", "return (double) right / all;"),
            new Mistake("5.5", "integer division", MNIST + "Evaluation.java",
                    "(double) right / all", "right / all"),

            // 5.6 momentum
            new Mistake("5.6", "forgets the velocity: plain gradient descent", MNIST + "Sgd.java",
                    "velocity[i] = mu * velocity[i] - step * nabla[i]", "velocity[i] = -step * nabla[i]"),
            new Mistake("5.6", "moves w by the old velocity", MNIST + "Sgd.java",
                    "            velocity[i] = mu * velocity[i] - step * nabla[i] - decay * w[i];\n            w[i] += velocity[i];",
                    "            w[i] += velocity[i];\n            velocity[i] = mu * velocity[i] - step * nabla[i] - decay * w[i];"),
            new Mistake("5.6", "keeps mu of the new step too", MNIST + "Sgd.java",
                    "mu * velocity[i] - step * nabla[i]", "mu * (velocity[i] - step * nabla[i])"),
            new Mistake("5.6", "decays by eta lambda / m instead of / n", MNIST + "Sgd.java",
                    "double decay = eta * lambda / n;", "double decay = eta * lambda / m;"));

    private Mistakes() {}
}
