package kuibu.backprop;

/**
 * The gradient of the cost with respect to every weight and bias, shaped like the network's
 * parameters: {@code nablaW(l)[j][k]} = ∂C/∂w<sub>jk</sub> and {@code nablaB(l)[j]} = ∂C/∂b<sub>j</sub>
 * for the parameters between layer l and l + 1 (l = 0 is input → first hidden; the text's w<sup>l+1</sup>).
 */
public final class Gradient {

    private final double[][][] nablaW;
    private final double[][] nablaB;

    Gradient(double[][][] nablaW, double[][] nablaB) {
        this.nablaW = nablaW;
        this.nablaB = nablaB;
    }

    /** A zero gradient shaped like a network with these layer sizes. */
    static Gradient zeros(int[] sizes) {
        double[][][] w = new double[sizes.length - 1][][];
        double[][] b = new double[sizes.length - 1][];
        for (int l = 0; l < w.length; l++) {
            w[l] = new double[sizes[l + 1]][sizes[l]];
            b[l] = new double[sizes[l + 1]];
        }
        return new Gradient(w, b);
    }

    /** How many weight layers (parameter sets between consecutive layers) the gradient covers. */
    public int layers() {
        return nablaW.length;
    }

    /** ∂C/∂w for the weights between layer l and l + 1; the live array. */
    public double[][] nablaW(int l) {
        return nablaW[check(l)];
    }

    /** ∂C/∂b for the biases of layer l + 1; the live array. */
    public double[] nablaB(int l) {
        return nablaB[check(l)];
    }

    /** The Euclidean (Frobenius) length of ∂C/∂w for the weights between layer l and l + 1. */
    public double weightNorm(int l) {
        double sum = 0;
        for (double[] row : nablaW(l)) {
            for (double g : row) {
                sum += g * g;
            }
        }
        return Math.sqrt(sum);
    }

    /** Every component in {@link Network#parameters()} order: layer by layer, weights row by row, then biases. */
    public double[] toArray() {
        return Parameters.flatten(nablaW, nablaB);
    }

    /** Adds {@code scale} times {@code other} to this gradient, in place. */
    void add(Gradient other, double scale) {
        for (int l = 0; l < nablaW.length; l++) {
            for (int j = 0; j < nablaW[l].length; j++) {
                for (int k = 0; k < nablaW[l][j].length; k++) {
                    nablaW[l][j][k] += scale * other.nablaW[l][j][k];
                }
                nablaB[l][j] += scale * other.nablaB[l][j];
            }
        }
    }

    private int check(int l) {
        if (l < 0 || l >= nablaW.length) {
            throw new IllegalArgumentException("expected a layer index from 0 to " + (nablaW.length - 1) + ", got " + l);
        }
        return l;
    }
}
