package kuibu.mnist;

/** Targets for the ten output neurons: the digit d becomes the vector with a 1 at index d, 0 elsewhere. */
public final class OneHot {

    private OneHot() {}

    // tag::one-hot[]
    /** Writes the one-hot vector of {@code label} (0..n−1) into y[offset .. offset+n). */
    public static void encode(int label, int n, double[] y, int offset) {
        // BEGIN SOLUTION 5.2
        if (label < 0 || label >= n) {
            throw new IllegalArgumentException("label must be between 0 and " + (n - 1) + ", got " + label);
        }
        java.util.Arrays.fill(y, offset, offset + n, 0);
        y[offset + label] = 1;
        // END SOLUTION
    }
    // end::one-hot[]
}
