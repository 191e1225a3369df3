package kuibu.derivatives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Gradient descent: walk downhill, a step of size η times the slope at a time, until the ground is
 * flat enough (equation (1.5)).
 *
 * <p>The result keeps every point of the walk, so the book can draw it and a student can print it:
 * the path tells more than the end point (oscillation when η is too large, a crawl when it is too
 * small, divergence when it is far too large).
 */
public final class GradientDescent {

    private GradientDescent() {}

    /** How a descent ended. */
    public enum Outcome {
        /** The gradient's length fell to the threshold or below. */
        CONVERGED,
        /** The step budget ran out first. */
        MAX_STEPS,
        /** A coordinate or the gradient became infinite or NaN: η is far too large. */
        DIVERGED
    }

    /** A walk downhill: every point visited, the start first, and how it ended. */
    public record Descent(List<double[]> path, Outcome outcome) {

        /** The number of steps taken (points visited minus the start). */
        public int steps() {
            return path.size() - 1;
        }

        /** The last point reached. */
        public double[] last() {
            return path.get(path.size() - 1).clone();
        }

        @Override
        public String toString() {
            return outcome + " after " + steps() + " steps at " + Arrays.toString(last());
        }
    }

    /** One step downhill: x − η·∇f(x), as a new array. */
    // tag::step[]
    public static double[] step(double[] x, double[] gradient, double eta) {
        // BEGIN SOLUTION 1.5
        double[] next = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            next[i] = x[i] - eta * gradient[i];
        }
        return next;
        // END SOLUTION
    }
    // end::step[]

    /**
     * Descends from {@code start} until the gradient's Euclidean length is at most {@code threshold}
     * (CONVERGED), a coordinate or the gradient stops being finite (DIVERGED), or {@code maxSteps}
     * steps are taken (MAX_STEPS). The path holds the start and every point after it.
     */
    // tag::descend[]
    public static Descent descend(UnaryOperator<double[]> gradientOf, double[] start, double eta,
                                  double threshold, int maxSteps) {
        // BEGIN SOLUTION 1.6
        List<double[]> path = new ArrayList<>();
        double[] x = start.clone();
        path.add(x);
        while (true) {
            double[] gradient = gradientOf.apply(x);
            if (!allFinite(x) || !allFinite(gradient)) {
                return new Descent(path, Outcome.DIVERGED);
            }
            if (length(gradient) <= threshold) {
                return new Descent(path, Outcome.CONVERGED);
            }
            if (path.size() > maxSteps) {
                return new Descent(path, Outcome.MAX_STEPS);
            }
            x = step(x, gradient, eta);
            path.add(x);
        }
        // END SOLUTION
    }
    // end::descend[]

    /** The one-variable case: {@code derivative} is f', the path's points have one coordinate. */
    public static Descent descend(DoubleUnaryOperator derivative, double start, double eta,
                                 double threshold, int maxSteps) {
        return descend(x -> new double[] {derivative.applyAsDouble(x[0])}, new double[] {start}, eta, threshold, maxSteps);
    }

    /** The Euclidean length √(Σ vᵢ²) of a vector. */
    public static double length(double[] v) {
        double sum = 0;
        for (double component : v) {
            sum += component * component;
        }
        return Math.sqrt(sum);
    }

    private static boolean allFinite(double[] v) {
        for (double component : v) {
            if (!Double.isFinite(component)) {
                return false;
            }
        }
        return true;
    }
}
