package kuibu.backprop;

/** Weights and biases as one flat vector, the view the numeric referee needs: it nudges one number at a time. */
final class Parameters {

    private Parameters() {}

    static int count(double[][][] w) {
        int count = 0;
        for (double[][] layer : w) {
            count += layer.length * (layer[0].length + 1);
        }
        return count;
    }

    static double[] flatten(double[][][] w, double[][] b) {
        double[] flat = new double[count(w)];
        int i = 0;
        for (int l = 0; l < w.length; l++) {
            for (double[] row : w[l]) {
                System.arraycopy(row, 0, flat, i, row.length);
                i += row.length;
            }
            System.arraycopy(b[l], 0, flat, i, b[l].length);
            i += b[l].length;
        }
        return flat;
    }

    static void unflatten(double[] flat, double[][][] w, double[][] b) {
        if (flat.length != count(w)) {
            throw new IllegalArgumentException("expected " + count(w) + " parameters, got " + flat.length);
        }
        int i = 0;
        for (int l = 0; l < w.length; l++) {
            for (double[] row : w[l]) {
                System.arraycopy(flat, i, row, 0, row.length);
                i += row.length;
            }
            System.arraycopy(flat, i, b[l], 0, b[l].length);
            i += b[l].length;
        }
    }
}
