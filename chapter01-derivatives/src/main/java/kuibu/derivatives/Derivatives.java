package kuibu.derivatives;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Derivatives measured, not derived: the slope of a function read off two nearby values.
 *
 * <p>This is the course's numeric referee. Every analytic gradient in the later chapters (backprop
 * included) is checked against {@link #gradient}, because a difference quotient needs nothing but
 * the function itself: it cannot share a mistake with the formula it checks.
 *
 * <p>Cost: one derivative takes two evaluations of {@code f}; a gradient in n variables takes 2n.
 */
public final class Derivatives {

    /** The step for central differences in double precision: truncation and round-off errors balance near 1e-5. */
    public static final double H = 1e-5;

    private Derivatives() {}

    /**
     * The forward difference (f(x + h) − f(x)) / h: the slope of the secant to the right of x.
     * Its error shrinks only in proportion to h (equation (1.2)).
     */
    // tag::forward[]
    public static double forwardDifference(DoubleUnaryOperator f, double x, double h) {
        // BEGIN SOLUTION 1.1
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
        // END SOLUTION
    }
    // end::forward[]

    /**
     * The central difference (f(x + h) − f(x − h)) / 2h: the secant centred on x. The h² terms of the
     * two Taylor expansions cancel, so its error shrinks with h² (equation (1.3)).
     */
    // tag::central[]
    public static double centralDifference(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }
    // end::central[]

    /**
     * The gradient of {@code f} at {@code x} by central differences, one coordinate at a time:
     * every other coordinate is held fixed, which is what "partial" means.
     * The nudges go to a copy, so {@code x} is never modified, even if {@code f} throws.
     */
    // tag::gradient[]
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] gradient = new double[x.length];
        double[] probe = x.clone();
        for (int i = 0; i < x.length; i++) {
            probe[i] = x[i] + h;
            double up = f.applyAsDouble(probe);
            probe[i] = x[i] - h;
            double down = f.applyAsDouble(probe);
            probe[i] = x[i];
            gradient[i] = (up - down) / (2 * h);
        }
        return gradient;
    }
    // end::gradient[]

    /** {@link #gradient(ToDoubleFunction, double[], double)} with the default step {@link #H}. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        return gradient(f, x, H);
    }
}
