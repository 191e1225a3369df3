package kuibu.neuron.instructor;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isExactly;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import kuibu.grading.Exercise;
import kuibu.neuron.Activation;
import kuibu.neuron.Cost;
import kuibu.neuron.Neuron;
import kuibu.neuron.Sample;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Chapter 3's derivatives held to the values their formulas give, to 1e-12: the visible tests compare
 * with central differences at 1e-6, which a derivative measured by central differences passes as
 * well as one worked out by hand. This folder stays out of the student edition.
 *
 * <p>The expected values were computed once with the course's solutions and pasted; each test also
 * checks them against the referee, so a mistyped digit cannot pass unnoticed. Weighted inputs stay
 * within |z| &lt; 4 and outputs away from 0 and 1, where every honest formula agrees to the last
 * digits or so; z = 3.8765 puts σ and tanh close to 1 with a small slope, where a difference
 * quotient's rounding error is largest.
 */
class ExactDerivativesExerciseTest {

    /** At {@code x}: {@code analytic} is exactly {@code expected}, which is the gradient of f. */
    private static void check(String what, double[] analytic, ToDoubleFunction<double[]> f, double[] x, double... expected) {
        assertThat("the test's own expected value of " + what + " at " + at(x), expected, isGradientOf(f, at(x)));
        assertThat(analytic, isExactly(expected).of(what + " at " + at(x)));
    }

    private static void checkSlope(String what, double analytic, DoubleUnaryOperator f, double x, double expected) {
        check(what, new double[] {analytic}, p -> f.applyAsDouble(p[0]), new double[] {x}, expected);
    }

    @Nested
    @Exercise(id = "3.1", points = 1)
    class SigmoidDerivativeExactExerciseTest {
        @Test
        void isExact() {
            double[][] slopes = {{0.7318, 0.21930490889797627}, {-1.2345, 0.17459197923869985},
                {3.8765, 0.019890305046874456}, {2.2222, 0.088214695545393840}};
            for (double[] zs : slopes) {
                checkSlope("sigmoid'(z)", Activation.SIGMOID.derivative(zs[0]), Activation.SIGMOID::value, zs[0], zs[1]);
            }
        }
    }

    @Nested
    @Exercise(id = "3.2", points = 2)
    class TanhAndReluDerivativesExactExerciseTest {
        @Test
        void tanhIsExact() {
            double[][] slopes = {{0.7318, 0.61041763339025170}, {-1.2345, 0.28786712467607320}, {3.8765, 0.0017163345134568742}};
            for (double[] zs : slopes) {
                checkSlope("tanh'(z)", Activation.TANH.derivative(zs[0]), Activation.TANH::value, zs[0], zs[1]);
            }
        }

        @Test
        void reluIsExact() {
            double[][] slopes = {{0.7318, 1}, {-1.2345, 0}, {123.45, 1}, {-0.0271, 0}, {12345.6, 1}};
            for (double[] zs : slopes) {
                checkSlope("relu'(z)", Activation.RELU.derivative(zs[0]), Activation.RELU::value, zs[0], zs[1]);
            }
        }
    }

    @Nested
    @Exercise(id = "3.3", points = 2)
    class CostDerivativesExactExerciseTest {
        @Test
        void quadraticIsExact() {
            double[][] slopes = {{0.7318, 0.1234, 0.60840000000000000}, {-1.2345, 0.9, -2.1345000000000000}, {123.45, 0.3, 123.15000000000000},
                {-9876.54, 0.3, -9876.8400000000000}, {98765432.1, 0.3, 98765431.800000000}};
            for (double[] ays : slopes) {
                double y = ays[1];
                checkSlope("dC/da (quadratic, y = " + y + ")", Cost.QUADRATIC.derivative(ays[0], y), a -> Cost.QUADRATIC.value(a, y), ays[0], ays[2]);
            }
        }

        @Test
        void crossEntropyIsExact() {
            double[][] slopes = {{0.7318, 0.1234, 3.0998310683778720}, {0.2718, 0.9, -3.1739333674068884},
                {0.0577, 0.3, -4.4564435520521980}, {0.8765, 0.5, 3.4781323399331607}};
            for (double[] ays : slopes) {
                double y = ays[1];
                checkSlope("dC/da (cross-entropy, y = " + y + ")", Cost.CROSS_ENTROPY.derivative(ays[0], y),
                        a -> Cost.CROSS_ENTROPY.value(a, y), ays[0], ays[2]);
            }
        }
    }

    private static final double[] W = {0.7318, -1.2345, 0.5772};
    private static final double B = -0.3141;
    private static final Sample SAMPLE = new Sample(new double[] {0.8765, -0.4321, 1.2345}, 0.1234);

    /** p = (w₁, ..., wₙ, b). */
    private static double[] params(double[] w, double b) {
        double[] p = Arrays.copyOf(w, w.length + 1);
        p[w.length] = b;
        return p;
    }

    private static Neuron neuron(double[] p, Activation activation) {
        return new Neuron(Arrays.copyOf(p, p.length - 1), p[p.length - 1], activation);
    }

    private static double[] flat(Neuron.Gradient g) {
        double[] w = g.nablaW();
        double[] all = Arrays.copyOf(w, w.length + 1);
        all[w.length] = g.nablaB();
        return all;
    }

    @Nested
    @Exercise(id = "3.4", points = 3)
    class OneSampleExactExerciseTest {
        private void check(Activation activation, Cost cost, double... expected) {
            Neuron n = new Neuron(W, B, activation);
            ExactDerivativesExerciseTest.check("(dC/dw..., dC/db) for " + activation + " with " + cost, flat(n.gradient(SAMPLE, cost)),
                    p -> neuron(p, activation).cost(SAMPLE, cost), params(W, B), expected);
        }

        @Test
        void isExactForEveryActivationAndCost() {
            // z = 1.57330355
            check(Activation.SIGMOID, Cost.QUADRATIC, 0.087882256357889780, -0.043324498542206706, 0.12377711976476319, 0.10026498158344528);
            check(Activation.SIGMOID, Cost.CROSS_ENTROPY, 0.61780457096516040, -0.30456743310216294, 0.87014231928863720, 0.70485404559630390);
            check(Activation.TANH, Cost.QUADRATIC, 0.11005085015810630, -0.054253248549136030, 0.15500031320043609, 0.12555715933611672);
            check(Activation.RELU, Cost.QUADRATIC, 1.2708404615750000, -0.62650332395500000, 1.7899059324749997, 1.4499035500000000);
            check(Activation.IDENTITY, Cost.QUADRATIC, 1.2708404615750000, -0.62650332395500000, 1.7899059324749997, 1.4499035500000000);
        }
    }

    @Nested
    @Exercise(id = "3.5", points = 2)
    class AverageGradientExactExerciseTest {
        private final List<Sample> batch = List.of(SAMPLE,
                new Sample(new double[] {-0.2718, 1.4142, 0.3333}, 0.8765),
                new Sample(new double[] {1.7321, 0.0577, -0.6931}, 0.5),
                new Sample(new double[] {0.4444, -1.1111, 0.2222}, 0.0123));

        private void check(Activation activation, Cost cost, double... expected) {
            Neuron n = new Neuron(W, B, activation);
            ExactDerivativesExerciseTest.check("mean (dC/dw..., dC/db) over 4 samples for " + activation + " with " + cost,
                    flat(n.gradient(batch, cost)), p -> neuron(p, activation).cost(batch, cost), params(W, B), expected);
        }

        @Test
        void isExact() {
            check(Activation.SIGMOID, Cost.CROSS_ENTROPY, 0.34722851231970664, -0.56872338014011110, 0.17819972192317820, 0.21648128074823286);
            check(Activation.TANH, Cost.QUADRATIC, 0.034904477030288206, -0.098721221588508710, 0.045208489397810340, 0.031959443991757890);
        }
    }
}
