package kuibu.neuron;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small datasets generated in code: the logic gates and two Gaussian blobs. */
public final class Datasets {

    private Datasets() {}

    /** x₁ AND x₂ on the four corners of the unit square: one line separates the 1 from the 0s. */
    public static List<Sample> and() {
        return gate(0, 0, 0, 1);
    }

    /** x₁ OR x₂: again one line separates the classes. */
    public static List<Sample> or() {
        return gate(0, 1, 1, 1);
    }

    /** x₁ XOR x₂: the 1s sit on one diagonal, the 0s on the other, and no line separates them. */
    public static List<Sample> xor() {
        return gate(0, 1, 1, 0);
    }

    private static List<Sample> gate(double y00, double y01, double y10, double y11) {
        return List.of(new Sample(new double[] {0, 0}, y00), new Sample(new double[] {0, 1}, y01),
                new Sample(new double[] {1, 0}, y10), new Sample(new double[] {1, 1}, y11));
    }

    /** n points per class around (−1, −1) (label 0) and (1, 1) (label 1), with standard deviation {@code spread}. */
    public static List<Sample> blobs(int n, double spread, long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int label = 0; label <= 1; label++) {
                double centre = label == 0 ? -1 : 1;
                samples.add(new Sample(new double[] {centre + spread * random.nextGaussian(), centre + spread * random.nextGaussian()}, label));
            }
        }
        return samples;
    }
}
