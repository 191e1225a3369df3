package kuibu.derivatives.instructor;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isExactly;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import kuibu.derivatives.Functions;
import kuibu.derivatives.LineFit;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Exercises 1.2, 1.3 and 1.4 held to the values their formulas give, to 1e-12: the visible tests
 * compare with central differences at 1e-6, which a gradient measured by central differences passes
 * as well as one worked out by hand. This folder stays out of the student edition.
 *
 * <p>The expected values were computed once with the course's solutions and pasted; each test also
 * checks them against the referee, so a mistyped digit cannot pass unnoticed. Some points have one
 * coordinate thousands of times smaller than the function's value there: the rounding error of a
 * difference quotient grows with the function's value, the formula's does not.
 */
class ExactGradientsExerciseTest {

    /** At {@code p}: the analytic gradient is exactly {@code expected}, which is the gradient of f. */
    private static void check(UnaryOperator<double[]> gradient, ToDoubleFunction<double[]> f, double[] p, double... expected) {
        assertThat("the test's own expected value at " + at(p), expected, isGradientOf(f, at(p)));
        assertThat(gradient.apply(p), isExactly(expected).of("∇f at " + at(p)));
    }

    @Nested
    @Exercise(id = "1.2", points = 1)
    class BowlGradientExactExerciseTest {
        @Test
        void isExact() {
            check(Functions::bowlGradient, Functions::bowl, new double[] {0.7318, -1.2345}, 1.4636000000000000, -24.689999999999998);
            check(Functions::bowlGradient, Functions::bowl, new double[] {-2.7182818, 0.0577}, -5.4365636000000000, 1.1540000000000000);
            check(Functions::bowlGradient, Functions::bowl, new double[] {0.00123, 123.45}, 0.0024600000000000000, 2469.0000000000000);
            check(Functions::bowlGradient, Functions::bowl, new double[] {-0.000271, -31.4159}, -0.00054200000000000000, -628.31800000000000);
            check(Functions::bowlGradient, Functions::bowl, new double[] {0.0577, 271.828}, 0.11540000000000000, 5436.5599999999995);
            check(Functions::bowlGradient, Functions::bowl, new double[] {-0.000123, -2718.28}, -0.00024600000000000000, -54365.600000000006);
        }
    }

    @Nested
    @Exercise(id = "1.3", points = 2)
    class RosenbrockGradientExactExerciseTest {
        @Test
        void isExact() {
            check(Functions::rosenbrockGradient, Functions::rosenbrock, new double[] {0.7318, -1.2345}, 517.58714457280010, -354.00624799999997);
            check(Functions::rosenbrockGradient, Functions::rosenbrock, new double[] {-1.4142, 2.2361}, 128.75034748480013, 47.227672000000040);
            check(Functions::rosenbrockGradient, Functions::rosenbrock, new double[] {0.001, -100}, 38.002000400000010, -20000.000200000000);
            check(Functions::rosenbrockGradient, Functions::rosenbrock, new double[] {-0.0123, 31.4159}, 152.54088365320000, 6283.1497420000000);
            check(Functions::rosenbrockGradient, Functions::rosenbrock, new double[] {1.9876, -0.5432}, 3574.6891893503994, -898.75075199999990);
        }
    }

    @Nested
    @Exercise(id = "1.4", points = 2)
    class LineFitGradientExactExerciseTest {
        @Test
        void isExact() {
            LineFit fit = new LineFit(new double[] {0.0123, 0.0457, 0.0311, 0.0278, 0.0091}, new double[] {1.234, -0.567, 2.718, 0.314, 1.618});
            check(fit::lossGradient, fit::loss, new double[] {0.7318, -1.2345}, -0.099929224019199990, -4.5589172800000000);
            check(fit::lossGradient, fit::loss, new double[] {-3.1416, 7.389}, 0.32840068407040000, 12.492863360000001);
            check(fit::lossGradient, fit::loss, new double[] {12.34, -56.78}, -2.8805584489599996, -115.06486399999999);
            LineFit nearTheAxis = new LineFit(new double[] {0.00123, 0.00457, 0.00311, 0.00278, 0.00091}, new double[] {1.234, -0.567, 2.718, 0.314, 1.618});
            check(nearTheAxis::lossGradient, nearTheAxis::loss, new double[] {0.7318, -98.76}, -0.50162847184019200, -199.64311172799998);
            check(nearTheAxis::lossGradient, nearTheAxis::loss, new double[] {-3.1416, 271.8}, 1.3659309832407040, 541.45736633600000);
        }
    }
}
