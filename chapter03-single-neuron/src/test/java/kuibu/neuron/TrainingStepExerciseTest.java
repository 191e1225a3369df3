package kuibu.neuron;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.List;
import kuibu.derivatives.Derivatives;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 3.6: one step of gradient descent for a neuron. */
@Exercise(id = "3.6", points = 1)
class TrainingStepExerciseTest {

    @Test
    void movesEveryParameterAgainstItsGradient() {
        Neuron n = new Neuron(new double[] {1, -2}, 0.5, Activation.SIGMOID);
        Neuron next = n.step(new Neuron.Gradient(new double[] {10, -20}, 4), 0.1);
        assertThat("w1 - eta * dC/dw1 = 1 - 0.1 * 10", next.weights()[0], closeTo(0, 1e-12));
        assertThat("w2 - eta * dC/dw2 = -2 - 0.1 * (-20)", next.weights()[1], closeTo(0, 1e-12));
        assertThat("b - eta * dC/db = 0.5 - 0.1 * 4", next.bias(), closeTo(0.1, 1e-12));
    }

    @Test
    void leavesTheOldNeuronAlone() {
        Neuron n = new Neuron(new double[] {1}, 0, Activation.TANH);
        n.step(new Neuron.Gradient(new double[] {1}, 1), 1);
        assertThat("step returns a new neuron; the old one keeps its weights", n.weights()[0], closeTo(1, 0));
        assertThat(n.bias(), closeTo(0, 0));
    }

    @Test
    void keepsTheActivation() {
        for (Activation activation : Activation.values()) {
            Neuron next = new Neuron(new double[] {0.5}, 0.1, activation).step(new Neuron.Gradient(new double[] {1}, 1), 0.1);
            assertThat("a step changes the weights and the bias, never the activation", next.activation(), equalTo(activation));
        }
    }

    @Test
    void aSmallStepLowersTheCost() {
        List<Sample> and = Datasets.and();
        Neuron n = new Neuron(new double[] {0.2, -0.1}, 0.3, Activation.SIGMOID);
        // the gradient from chapter 1's referee, so that this test depends on the step alone, not on exercises 3.1 to 3.5
        double[] gradient = Derivatives.gradient(
                p -> new Neuron(new double[] {p[0], p[1]}, p[2], Activation.SIGMOID).cost(and, Cost.CROSS_ENTROPY), new double[] {0.2, -0.1, 0.3});
        Neuron next = n.step(new Neuron.Gradient(new double[] {gradient[0], gradient[1]}, gradient[2]), 0.5);
        assertThat("a step of 0.5 against the gradient must lower the average cost on AND",
                next.cost(and, Cost.CROSS_ENTROPY), lessThan(n.cost(and, Cost.CROSS_ENTROPY)));
        assertThat("the new neuron keeps the activation", next.activation(), equalTo(Activation.SIGMOID));
    }
}
