package kuibu.mnist;

/**
 * Chapter 4's backpropagation, one sample at a time: the "before" of the matrix form, kept to
 * measure the speed-up and to cross-check {@link Backprop}. Gradients are summed over the samples.
 */
final class PerSampleBackprop {

    private PerSampleBackprop() {}

    /** Adds ∂C_x/∂W and ∂C_x/∂b of one sample (x, y) into nablaW and nablaB; returns C_x. */
    static double accumulate(Network net, double[] x, double[] y, double[][][] nablaW, double[][] nablaB) {
        int layers = net.sizes.length;
        int last = layers - 1;
        double[][] a = new double[layers][];
        double[][] z = new double[layers][];
        a[0] = x;
        for (int l = 1; l < layers; l++) {
            int in = net.sizes[l - 1];
            int out = net.sizes[l];
            z[l] = net.biases[l - 1].clone();
            double[][] w = net.weights[l - 1];
            for (int k = 0; k < in; k++) {           // along rows of the stored (transposed) weights
                for (int j = 0; j < out; j++) {
                    z[l][j] += w[k][j] * a[l - 1][k];
                }
            }
            a[l] = new double[out];
            if (l == last) {
                net.output.activate(z[l], a[l]);
            } else {
                for (int j = 0; j < out; j++) {
                    a[l][j] = net.activation.apply(z[l][j]);
                }
            }
        }
        double[] delta = new double[net.sizes[last]];
        net.cost.outputDelta(net.output, a[last], y, delta);
        for (int l = last; l >= 1; l--) {
            int in = net.sizes[l - 1];
            int out = net.sizes[l];
            for (int j = 0; j < out; j++) {
                nablaB[l - 1][j] += delta[j];
            }
            for (int k = 0; k < in; k++) {
                for (int j = 0; j < out; j++) {
                    nablaW[l - 1][k][j] += delta[j] * a[l - 1][k];
                }
            }
            if (l > 1) {
                double[] back = new double[in];
                for (int k = 0; k < in; k++) {
                    double sum = 0;
                    for (int j = 0; j < out; j++) {
                        sum += net.weights[l - 1][k][j] * delta[j];
                    }
                    back[k] = sum * net.activation.derivative(z[l - 1][k], a[l - 1][k]);
                }
                delta = back;
            }
        }
        return net.cost.value(net.output, z[last], a[last], y);
    }
}
