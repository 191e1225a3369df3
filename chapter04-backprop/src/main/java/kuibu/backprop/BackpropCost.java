package kuibu.backprop;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import kuibu.derivatives.Derivatives;

/**
 * What a gradient costs, by backprop and by numeric differentiation, counted in multiply-adds
 * (the chapter's section "What backprop saves"). A forward pass costs one multiply-add per weight,
 * D for D weights; backprop adds a backward pass of at most 2D (BP2 and BP4), so O(D) in all.
 * Central differences run one forward pass per cost they evaluate, two per parameter: O(D²).
 *
 * <p>The counting lives here, not in {@link Network}, so that the network's listing is the
 * algorithm and nothing else. {@link #main} is a harness that also times both on growing
 * networks; tests only count.
 */
public final class BackpropCost {

    /** One network's bill: its parameter count D and the multiply-adds of each method. */
    public record Row(int parameters, long backprop, long numeric) {

        /** How many times more work the numeric gradient took. */
        public double ratio() {
            return (double) numeric / backprop;
        }
    }

    private BackpropCost() {}

    /**
     * Counts the multiply-adds of one gradient of a network with these layer sizes, by each method:
     * backprop is one forward and one backward pass; the numeric gradient is as many forward passes
     * as {@link Derivatives#gradient} asks the cost for, counted as it runs.
     */
    // tag::measure[]
    public static Row measure(int... sizes) {
        Random random = new Random(42);
        Network network = new Network(Network.Design.DEFAULT, random, sizes);
        Sample sample = Depth.randomSamples(1, sizes[0], sizes[sizes.length - 1], random).get(0);

        long backprop = forwardMultiplyAdds(sizes) + backwardMultiplyAdds(sizes);

        AtomicLong forwardPasses = new AtomicLong();
        Derivatives.gradient(theta -> {
            forwardPasses.incrementAndGet();
            network.setParameters(theta);
            return network.cost(sample.x(), sample.y());
        }, network.parameters());
        long numeric = forwardPasses.get() * forwardMultiplyAdds(sizes);
        return new Row(network.parameterCount(), backprop, numeric);
    }
    // end::measure[]

    /** One forward pass: equation (4.1) uses every weight once. */
    static long forwardMultiplyAdds(int... sizes) {
        long work = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            work += (long) sizes[l] * sizes[l + 1];
        }
        return work;
    }

    /** One backward pass: BP4's outer product uses every weight once, BP2's (w<sup>l+1</sup>)<sup>T</sup>δ every weight but the first layer's. */
    static long backwardMultiplyAdds(int... sizes) {
        long work = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            work += (long) sizes[l] * sizes[l + 1] * (l == 0 ? 1 : 2);
        }
        return work;
    }

    /** Times both methods on networks of width 8 to 128 (three layers deep) and prints a table; noisy on a busy machine. */
    public static void main(String[] args) {
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            measure(16, 16, 16, 16); // let the JIT compile the loops before anything is timed
        }
        System.out.printf("%8s %14s %14s %12s %12s%n", "D", "backprop ops", "numeric ops", "backprop ms", "numeric ms");
        for (int width = 8; width <= 128; width *= 2) {
            int[] sizes = {width, width, width, width};
            Row row = measure(sizes);
            Network network = new Network(1L, sizes);
            double[] x = new double[width];
            double[] y = new double[width];
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                network.backprop(x, y);
            }
            double backpropMs = (System.nanoTime() - start) / 1e6 / 100;
            start = System.nanoTime();
            Derivatives.gradient(theta -> {
                network.setParameters(theta);
                return network.cost(x, y);
            }, network.parameters());
            double numericMs = (System.nanoTime() - start) / 1e6;
            System.out.printf("%8d %14d %14d %12.4f %12.1f%n", row.parameters(), row.backprop(), row.numeric(), backpropMs, numericMs);
        }
    }
}
