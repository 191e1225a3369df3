package kuibu.neuron;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Exercises 3.4 and 3.5: the gradient of the cost with respect to a neuron's weights and bias. */
class NeuronGradientExerciseTest {

    /** p = (w₁, ..., wₙ, b). */
    static double[] params(Neuron n) {
        double[] w = n.weights();
        double[] p = Arrays.copyOf(w, w.length + 1);
        p[w.length] = n.bias();
        return p;
    }

    static Neuron neuron(double[] p, Activation activation) {
        return new Neuron(Arrays.copyOf(p, p.length - 1), p[p.length - 1], activation);
    }

    static double[] flat(Neuron.Gradient g) {
        double[] w = g.nablaW();
        double[] all = Arrays.copyOf(w, w.length + 1);
        all[w.length] = g.nablaB();
        return all;
    }

    @Nested
    @Exercise(id = "3.4", points = 3)
    class OneSampleExerciseTest {

        private void check(Neuron n, Sample s, Cost cost, String hint) {
            ToDoubleFunction<double[]> c = p -> neuron(p, n.activation()).cost(s, cost);
            assertThat(flat(n.gradient(s, cost)), isGradientOf(c, at(params(n)))
                    .hint(n.activation() + " with " + cost + ", components dC/dw..., dC/db; " + hint));
        }

        @Test
        void workedExample() {
            Neuron n = new Neuron(new double[] {0.6}, 0.9, Activation.SIGMOID);
            Neuron.Gradient g = n.gradient(new Sample(new double[] {1}, 0), Cost.QUADRATIC);
            double a = 1 / (1 + Math.exp(-1.5));
            assertThat("dC/db = (a - y) sigmoid'(z) with z = 1.5", g.nablaB(), closeTo(a * a * (1 - a), 1e-12));
            assertThat("dC/dw = dC/db * x with x = 1", g.nablaW()[0], closeTo(a * a * (1 - a), 1e-12));
        }

        @Test
        void everyActivationAndCost() {
            Sample s = new Sample(new double[] {0.5, -1.5, 2}, 1);
            double[] w = {0.4, -0.3, 0.2};
            for (Activation activation : List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.IDENTITY)) {
                check(new Neuron(w, 0.1, activation), s, Cost.QUADRATIC, "dC/dz = dC/da * sigma'(z), then times x_j");
            }
            check(new Neuron(w, 0.1, Activation.SIGMOID), s, Cost.CROSS_ENTROPY, "dC/dz = dC/da * sigma'(z)");
            check(new Neuron(w, -1, Activation.SIGMOID), new Sample(new double[] {1, 0, 3}, 0), Cost.CROSS_ENTROPY, "");
        }

        @Test
        void inSigmoidSaturation() {
            // z = 8 and z = -9: sigma'(z) is about 3e-4 and 1e-4
            check(new Neuron(new double[] {2, 2}, 4, Activation.SIGMOID), new Sample(new double[] {1, 1}, 0), Cost.QUADRATIC, "saturated");
            check(new Neuron(new double[] {2, 2}, 4, Activation.SIGMOID), new Sample(new double[] {1, 1}, 0), Cost.CROSS_ENTROPY, "saturated");
            check(new Neuron(new double[] {-3, 1}, -5, Activation.SIGMOID), new Sample(new double[] {2, 2}, 1), Cost.QUADRATIC, "saturated");
        }

        @Test
        void nearTheReluKink() {
            // z = 1e-3 and z = -1e-3
            check(new Neuron(new double[] {1, -1}, 1e-3, Activation.RELU), new Sample(new double[] {0.5, 0.5}, 2), Cost.QUADRATIC, "just right of the kink");
            check(new Neuron(new double[] {1, -1}, -1e-3, Activation.RELU), new Sample(new double[] {0.5, 0.5}, 2), Cost.QUADRATIC, "just left of the kink");
        }
    }

    @Nested
    @Exercise(id = "3.5", points = 2)
    class AverageGradientExerciseTest {

        private void check(Neuron n, List<Sample> samples, Cost cost) {
            ToDoubleFunction<double[]> c = p -> neuron(p, n.activation()).cost(samples, cost);
            assertThat(flat(n.gradient(samples, cost)), isGradientOf(c, at(params(n)))
                    .hint("the gradient of an average is the average of the gradients (divide by n)"));
        }

        @Test
        void onTheGates() {
            check(new Neuron(new double[] {0.5, -0.5}, 0.2, Activation.SIGMOID), Datasets.and(), Cost.QUADRATIC);
            check(new Neuron(new double[] {3, 3}, -1, Activation.SIGMOID), Datasets.or(), Cost.CROSS_ENTROPY);
            check(new Neuron(new double[] {1, -2}, 0.3, Activation.TANH), Datasets.xor(), Cost.QUADRATIC);
        }

        @Test
        void onBlobs() {
            List<Sample> blobs = Datasets.blobs(25, 0.8, 3);
            check(new Neuron(new double[] {0.7, -0.2}, 0.1, Activation.SIGMOID), blobs, Cost.CROSS_ENTROPY);
            check(new Neuron(new double[] {5, 6}, -2, Activation.SIGMOID), blobs, Cost.QUADRATIC);
        }

        @Test
        void oneSampleIsItsOwnAverage() {
            Neuron n = new Neuron(new double[] {0.3}, -0.4, Activation.SIGMOID);
            Sample s = new Sample(new double[] {2}, 1);
            assertThat(n.gradient(List.of(s, s, s), Cost.QUADRATIC).nablaB(), closeTo(n.gradient(s, Cost.QUADRATIC).nablaB(), 1e-15));
        }
    }
}
