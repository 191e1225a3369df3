package kuibu.derivatives;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Hamcrest matchers that put the numeric referee into a test:
 * <pre>{@code
 * assertThat(analyticGradient, isGradientOf(f, at(1.0, 2.0)));
 * assertThat(analyticSlope, isDerivativeOf(Math::sin, at(0.5)));
 * }</pre>
 * A failure names the worst coordinate, the analytic and the numeric value, their relative error and
 * a hint about the usual cause, so a student knows where to look.
 *
 * <p>{@link #isExactly} is stricter: it holds a gradient to values worked out once from the formula,
 * close enough to tell a derivative computed from its formula from one measured numerically.
 */
public final class GradientMatchers {

    private GradientMatchers() {}

    /** The point a gradient is checked at; a copy, so later changes to the caller's array don't move it. */
    public record Point(double[] x) {
        public Point {
            x = x.clone();
        }

        /** The point, abbreviated when long (a whole network's parameters would bury the message). */
        @Override
        public String toString() {
            if (x.length <= 8) {
                return Arrays.toString(x);
            }
            return Arrays.toString(Arrays.copyOf(x, 6)).replace("]", ", ... (" + x.length + " coordinates)]");
        }
    }

    /** The point {@code x} (one coordinate for a derivative, several for a gradient). */
    public static Point at(double... x) {
        return new Point(x);
    }

    /** Matches an analytic gradient of {@code f} at {@code point}, checked against central differences. */
    public static GradientMatcher isGradientOf(ToDoubleFunction<double[]> f, Point point) {
        return new GradientMatcher(f, point, GradientCheck.TOLERANCE, "");
    }

    /** Matches an analytic derivative of the one-variable {@code f} at {@code point}. */
    public static Matcher<Double> isDerivativeOf(DoubleUnaryOperator f, Point point) {
        if (point.x().length != 1) {
            throw new IllegalArgumentException("a derivative is checked at one x, got " + point);
        }
        GradientMatcher gradient = isGradientOf(x -> f.applyAsDouble(x[0]), point);
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Double slope, Description mismatch) {
                return gradient.matchesSafely(new double[] {slope}, mismatch);
            }

            @Override
            public void describeTo(Description description) {
                gradient.describeTo(description);
            }
        };
    }

    /** The matcher behind {@link #isGradientOf}, with a tolerance and an extra hint to adjust. */
    public static final class GradientMatcher extends TypeSafeDiagnosingMatcher<double[]> {
        private final ToDoubleFunction<double[]> f;
        private final Point point;
        private final double tolerance;
        private final String hint;

        private GradientMatcher(ToDoubleFunction<double[]> f, Point point, double tolerance, String hint) {
            this.f = f;
            this.point = point;
            this.tolerance = tolerance;
            this.hint = hint;
        }

        /** The same check with another tolerance, for example 1e-4 near a kink. */
        public GradientMatcher within(double tolerance) {
            return new GradientMatcher(f, point, tolerance, hint);
        }

        /** The same check with a hint of the test's own, shown first when it fails. */
        public GradientMatcher hint(String hint) {
            return new GradientMatcher(f, point, tolerance, hint);
        }

        @Override
        protected boolean matchesSafely(double[] analytic, Description mismatch) {
            double[] numeric = Derivatives.gradient(f, point.x());
            if (analytic.length != numeric.length) {
                mismatch.appendText("has " + analytic.length + " components, but f has " + numeric.length + " variables");
                return false;
            }
            GradientCheck.Report report = GradientCheck.compare(analytic, numeric, resolution(numeric));
            if (report.passes(tolerance)) {
                return true;
            }
            mismatch.appendText(describe(report, analytic.length));
            return false;
        }

        /**
         * How far the numeric gradient can be trusted, component by component: round-off, plus the
         * truncation error estimated by redoing the difference with twice the step (the h² error
         * quadruples, so the two results differ by about three times the error at h).
         */
        private double[] resolution(double[] numeric) {
            double roundOff = GradientCheck.ROUND_OFF * Math.max(1, Math.abs(f.applyAsDouble(point.x())));
            double[] coarse = Derivatives.gradient(f, point.x(), 2 * Derivatives.H);
            double[] resolution = new double[numeric.length];
            for (int i = 0; i < numeric.length; i++) {
                resolution[i] = roundOff + Math.abs(coarse[i] - numeric[i]);
            }
            return resolution;
        }

        private String describe(GradientCheck.Report r, int size) {
            String where = size == 1 ? "" : "component " + r.worst() + " of " + size + ": ";
            return String.format("at %s, %sanalytic = %s, numeric = %s, relative error %.2g (%s)%s",
                    point, where, format(r.analytic()), format(r.numeric()), r.relativeError(),
                    GradientCheck.verdict(r.relativeError()), hintFor(r));
        }

        private String hintFor(GradientCheck.Report r) {
            String own = hint.isEmpty() ? "" : ": " + hint;
            String usual = usualCause(r.analytic(), r.numeric());
            return own + (usual.isEmpty() ? "" : (own.isEmpty() ? ": " : "; ") + usual);
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("the gradient at " + point + " within relative error " + tolerance
                    + " of central differences (h = " + Derivatives.H + ")");
        }
    }

    /**
     * Matches a gradient (or any derivatives) computed from its formula: every component within a
     * relative 1e-12 of {@code expected}, or within 1e-15 of it for values near 0. The expected values
     * are worked out once from a known-good formula and written down as literals. Two exact formulas
     * for the same derivative differ by rounding alone, a few units in the 16th digit, whatever order
     * they add in; a difference quotient is usually off by 1e-9 or more. So this check, unlike
     * {@link #isGradientOf}, tells a derivative worked out by hand from one measured numerically.
     * Check the literals against the referee as well, so that a mistyped one shows.
     */
    public static ExactMatcher isExactly(double... expected) {
        return new ExactMatcher(expected, "value");
    }

    /** The relative error within which two exact formulas for one derivative agree: rounding, not method. */
    static final double EXACT = 1e-12;

    /**
     * The absolute error allowed near 0, where a relative error would measure rounding noise. Small,
     * so that it matters only below 1e-3: a component of 3e-4 held to 1e-14 would let a difference
     * quotient pass.
     */
    static final double EXACT_NEAR_ZERO = 1e-15;

    /** The matcher behind {@link #isExactly}, with a name for what it checks. */
    public static final class ExactMatcher extends TypeSafeDiagnosingMatcher<double[]> {
        private final double[] expected;
        private final String what;

        private ExactMatcher(double[] expected, String what) {
            this.expected = expected.clone();
            this.what = what;
        }

        /** The same check, naming what is checked in messages, e.g. {@code "∇f at (0.7318, -1.2345)"}. */
        public ExactMatcher of(String what) {
            return new ExactMatcher(expected, what);
        }

        @Override
        protected boolean matchesSafely(double[] actual, Description mismatch) {
            if (actual.length != expected.length) {
                mismatch.appendText(what + " has " + expected.length + " components, got " + actual.length);
                return false;
            }
            int worst = -1;
            double worstExcess = 1;
            for (int i = 0; i < actual.length; i++) {
                double error = Math.abs(actual[i] - expected[i]);
                double allowed = Math.max(EXACT * Math.abs(expected[i]), EXACT_NEAR_ZERO);
                double excess = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error / allowed;
                if (excess > worstExcess) {
                    worst = i;
                    worstExcess = excess;
                }
            }
            if (worst < 0) {
                return true;
            }
            double a = actual[worst];
            double e = expected[worst];
            double relativeError = GradientCheck.relativeError(a, e);
            String where = expected.length == 1 ? "" : ", component " + worst + " of " + expected.length + ",";
            mismatch.appendText(String.format("analytic %s%s is %s; got %s (relative error %.2g): %s",
                    what, where, exact(e), exact(a), relativeError, exactHint(a, e, relativeError)));
            return false;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText(String.format("%s within relative error %.0e of %s", what, EXACT, new Point(expected)));
        }
    }

    /**
     * Why an exact check failed: close enough for the referee means a numeric approximation (or a
     * formula that loses digits); farther off, the formula is wrong, and the usual causes apply.
     */
    private static String exactHint(double actual, double expected, double relativeError) {
        boolean close = relativeError <= GradientCheck.TOLERANCE
                || Math.abs(actual - expected) <= GradientCheck.TOLERANCE * Math.max(1, Math.abs(expected));
        if (Double.isFinite(actual) && close) {
            return String.format("exact formulas agree to %.0e, a numeric approximation (a difference quotient) only to"
                    + " about 1e-9: work the derivative out by hand and compute it from its formula", EXACT);
        }
        String usual = usualCause(actual, expected);
        return "the formula is wrong" + (usual.isEmpty() ? "" : ": " + usual);
    }

    /** The mistakes that produce a given ratio between analytic and numeric values most often. */
    static String usualCause(double analytic, double numeric) {
        if (!Double.isFinite(analytic)) {
            return "the analytic value is not finite: look for a division by zero or an overflow";
        }
        if (analytic == 0) {
            return "the analytic value is 0: is a term missing, or is the result never written?";
        }
        double ratio = analytic / numeric;
        if (near(ratio, -1)) {
            return "same size, opposite sign: check the sign (y - a versus a - y)";
        } else if (near(ratio, 2) || near(ratio, 0.5)) {
            return "off by a factor of 2: check the factor 2 of a square, or the 1/2 in front of the cost";
        } else if (near(Math.abs(ratio), 1)) {
            return "close but not exact: is x near a kink (ReLU at 0), or is a small term missing?";
        }
        return "";
    }

    private static boolean near(double value, double target) {
        return Math.abs(value - target) <= 0.05 * Math.abs(target);
    }

    private static String format(double value) {
        return String.format("%.6g", value);
    }

    /** All 17 significant digits: an exact check fails in digits {@link #format} leaves out. */
    private static String exact(double value) {
        return String.format("%.17g", value);
    }
}
