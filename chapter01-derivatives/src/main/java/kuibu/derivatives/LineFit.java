package kuibu.derivatives;

/**
 * The smallest learning problem: fit a line ŷ = w·x + b to points (xᵢ, yᵢ).
 *
 * <p>Its loss is a function of the parameters alone (the data are fixed), L(w, b) = (1/n) Σ (w·xᵢ + b − yᵢ)²
 * (equation (1.1)), and learning means walking down that loss. A network is the same story with
 * thousands of parameters instead of two.
 */
public final class LineFit {

    private final double[] xs;
    private final double[] ys;

    /** A fit to the points (xs[i], ys[i]). */
    public LineFit(double[] xs, double[] ys) {
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException("need as many y values as x values, and at least one: got "
                    + xs.length + " x and " + ys.length + " y");
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
    }

    /** The mean squared error L(w, b) of the line with {@code params} = {w, b}. */
    public double loss(double[] params) {
        double w = params[0];
        double b = params[1];
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            double error = w * xs[i] + b - ys[i];
            sum += error * error;
        }
        return sum / xs.length;
    }

    /** ∇L = (∂L/∂w, ∂L/∂b) at {@code params} = {w, b}, worked out by hand. */
    // tag::loss-gradient[]
    public double[] lossGradient(double[] params) {
        // BEGIN SOLUTION 1.4
        double w = params[0];
        double b = params[1];
        double dw = 0;
        double db = 0;
        for (int i = 0; i < xs.length; i++) {
            double error = w * xs[i] + b - ys[i];
            dw += 2 * error * xs[i];
            db += 2 * error;
        }
        return new double[] {dw / xs.length, db / xs.length};
        // END SOLUTION
    }
    // end::loss-gradient[]
}
