package kuibu.derivatives;

/**
 * The referee's verdict: how far an analytic gradient is from the numeric one.
 *
 * <p>The relative error |a − n| / max(|a|, |n|) (equation (1.6)) compares values of any size on one
 * scale. Central differences with h = 1e-5 agree with a correct formula to about 1e-7 or better, so:
 * at most 1e-7 is good; near 1e-4 is suspicious (acceptable only close to a kink such as ReLU's at
 * 0); 1e-2 and above means the formula is wrong.
 */
public final class GradientCheck {

    /** The tolerance the course's tests use unless they say otherwise. */
    public static final double TOLERANCE = 1e-6;

    /**
     * Round-off in a central difference with h = 1e-5 is about 1e-11 times the size of f; components
     * closer than this (times the size of f) are equal as far as central differences can tell.
     */
    public static final double ROUND_OFF = 1e-8;

    private GradientCheck() {}

    /**
     * |a − n| / max(|a|, |n|), and 0 when the two are equal (both zero included), so that a true zero
     * gradient does not divide by zero.
     */
    // tag::relative-error[]
    public static double relativeError(double analytic, double numeric) {
        if (analytic == numeric) {
            return 0;
        }
        return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric));
    }
    // end::relative-error[]

    /** What a relative error of this size usually means, in words a student can act on. */
    public static String verdict(double relativeError) {
        if (Double.isNaN(relativeError)) {
            return "not a number: the analytic gradient is NaN or infinite";
        } else if (relativeError <= 1e-7) {
            return "good";
        } else if (relativeError <= 1e-4) {
            return "suspicious: fine only near a kink (ReLU at 0), otherwise look for a small mistake";
        } else if (relativeError < 1e-2) {
            return "probably wrong";
        }
        return "wrong";
    }

    /** The worst coordinate of a comparison between an analytic and a numeric gradient. */
    public record Report(int worst, double analytic, double numeric, double relativeError) {

        /** Whether every coordinate agrees within {@code tolerance}. */
        public boolean passes(double tolerance) {
            return relativeError <= tolerance;
        }
    }

    /** Compares two gradients coordinate by coordinate by relative error alone, and reports the worst one. */
    public static Report compare(double[] analytic, double[] numeric) {
        return compare(analytic, numeric, new double[analytic.length]);
    }

    /**
     * Compares two gradients coordinate by coordinate and reports the worst one. Component i counts as
     * equal (relative error 0) when the two differ by no more than {@code resolution[i]}, the size
     * of the numeric method's own error there: this is the guard for gradients that are zero or tiny,
     * where a relative error would only measure noise.
     */
    public static Report compare(double[] analytic, double[] numeric, double[] resolution) {
        if (analytic.length != numeric.length) {
            throw new IllegalArgumentException("the analytic gradient has " + analytic.length
                    + " components but the function has " + numeric.length + " variables");
        }
        Report worst = new Report(-1, 0, 0, 0);
        for (int i = 0; i < analytic.length; i++) {
            double error = Math.abs(analytic[i] - numeric[i]) <= resolution[i] ? 0 : relativeError(analytic[i], numeric[i]);
            if (Double.isNaN(error) || Double.isNaN(analytic[i])) {
                return new Report(i, analytic[i], numeric[i], Double.NaN);
            }
            if (worst.worst() < 0 || error > worst.relativeError()) {
                worst = new Report(i, analytic[i], numeric[i], error);
            }
        }
        return worst;
    }
}
