package kuibu.backprop;

import java.util.Random;
import kuibu.derivatives.Derivatives;

/**
 * What a gradient costs, by backprop and by numeric differentiation, counted in multiply-adds
 * (the chapter's section "What backprop saves"). A forward pass costs about D multiply-adds for D weights; backprop adds a backward
 * pass of about 2D, so O(D) in all. Central differences need two forward passes per parameter:
 * 2D passes of D each, O(D²).
 *
 * <p>{@link #main} is a harness that also times both on growing networks; tests only count.
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

    /** Counts the multiply-adds of one gradient of a network with these layer sizes, by each method. */
    // tag::measure[]
    public static Row measure(int... sizes) {
        Random random = new Random(42);
        Network network = new Network(random, sizes);
        Sample sample = Depth.randomSamples(1, sizes[0], sizes[sizes.length - 1], random).get(0);
        double[] x = sample.x();
        double[] y = sample.y();

        long before = network.multiplyAdds();
        network.backprop(x, y);
        long backprop = network.multiplyAdds() - before;

        before = network.multiplyAdds();
        Derivatives.gradient(theta -> {
            network.setParameters(theta);
            return network.cost(x, y);
        }, network.parameters());
        long numeric = network.multiplyAdds() - before;
        return new Row(network.parameterCount(), backprop, numeric);
    }
    // end::measure[]

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
