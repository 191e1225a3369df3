package kuibu.chainrule;

import java.util.Random;

/**
 * A layered computation graph for counting the work of differentiation: W inputs, D − 1 hidden layers
 * of W nodes, one output, and an edge from every node of a layer to every node of the next, each
 * with a local derivative. ∂output/∂input is the sum over all paths of the product of the local
 * derivatives along the path (equation (2.7)).
 *
 * <p>Three ways to compute that gradient, each counting its multiplications:
 * <ul>
 * <li>path by path: one multiplication per edge of every path; there are W^(D−1) paths per input;
 * <li>forward mode: one sweep from the inputs per input, one multiplication per edge per sweep;
 * <li>reverse mode: one sweep from the output, one multiplication per edge, for all inputs at once.
 * </ul>
 * All three give the same numbers; only the cost differs.
 */
public final class LayeredGraph {

    private final int width;
    /** local[l][j][i] = ∂(node j of layer l + 1)/∂(node i of layer l). */
    private final double[][][] local;

    /** A graph of the given width and depth (number of edge layers) with random local derivatives in [−1, 1). */
    public LayeredGraph(int width, int depth, long seed) {
        if (width < 1 || depth < 1) {
            throw new IllegalArgumentException("need width >= 1 and depth >= 1, got width " + width + " and depth " + depth);
        }
        this.width = width;
        Random random = new Random(seed);
        local = new double[depth][][];
        for (int l = 0; l < depth; l++) {
            int next = l == depth - 1 ? 1 : width;
            local[l] = new double[next][width];
            for (int j = 0; j < next; j++) {
                for (int i = 0; i < width; i++) {
                    local[l][j][i] = 2 * random.nextDouble() - 1;
                }
            }
        }
    }

    /** A gradient and the multiplications it took. */
    public record Result(double[] gradient, long multiplications) {}

    /** The number of edges: W² per hidden layer boundary and W into the output. */
    public long edges() {
        return (long) width * width * (local.length - 1) + width;
    }

    /** Every path from every input to the output, each product computed from scratch. */
    // tag::paths[]
    public Result pathByPath() {
        int depth = local.length;
        double[] gradient = new double[width];
        long multiplications = 0;
        long paths = (long) Math.pow(width, depth - 1);
        int[] hidden = new int[depth - 1];                 // the hidden node chosen in each layer
        for (int input = 0; input < width; input++) {
            for (long path = 0; path < paths; path++) {
                long rest = path;
                for (int l = 0; l < depth - 1; l++) {
                    hidden[l] = (int) (rest % width);
                    rest /= width;
                }
                double product = 1;
                int from = input;
                for (int l = 0; l < depth; l++) {
                    int to = l == depth - 1 ? 0 : hidden[l];
                    product *= local[l][to][from];
                    multiplications++;
                    from = to;
                }
                gradient[input] += product;
            }
        }
        return new Result(gradient, multiplications);
    }
    // end::paths[]

    /** One forward sweep per input, carrying ∂(node)/∂(input) from layer to layer. */
    // tag::forward-mode[]
    public Result forwardMode() {
        double[] gradient = new double[width];
        long multiplications = 0;
        for (int input = 0; input < width; input++) {
            double[] tangent = new double[width];
            tangent[input] = 1;
            for (double[][] layer : local) {
                double[] next = new double[layer.length];
                for (int j = 0; j < layer.length; j++) {
                    for (int i = 0; i < width; i++) {
                        next[j] += layer[j][i] * tangent[i];
                        multiplications++;
                    }
                }
                tangent = next;
            }
            gradient[input] = tangent[0];
        }
        return new Result(gradient, multiplications);
    }
    // end::forward-mode[]

    /** One backward sweep from the output, carrying ∂output/∂(node) from layer to layer. */
    // tag::reverse-mode[]
    public Result reverseMode() {
        long multiplications = 0;
        double[] adjoint = {1};                            // ∂output/∂output
        for (int l = local.length - 1; l >= 0; l--) {
            double[][] layer = local[l];
            double[] below = new double[width];
            for (int j = 0; j < layer.length; j++) {
                for (int i = 0; i < width; i++) {
                    below[i] += layer[j][i] * adjoint[j];
                    multiplications++;
                }
            }
            adjoint = below;
        }
        return new Result(adjoint, multiplications);
    }
    // end::reverse-mode[]
}
