package kuibu.neuron;

import static kuibu.neuron.Slopes.assertSlope;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import kuibu.grading.Exercise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Exercises 3.1 and 3.2: the derivatives of the activations, refereed at ordinary and awkward points. */
class ActivationDerivativesExerciseTest {

    @Nested
    @Exercise(id = "3.1", points = 1)
    class SigmoidDerivativeExerciseTest {
        @Test
        void isAQuarterAtZero() {
            assertThat("sigmoid'(0) = sigmoid(0)(1 - sigmoid(0)) = 1/4", Activation.SIGMOID.derivative(0), closeTo(0.25, 1e-15));
        }

        @Test
        void matchesTheReferee() {
            for (double z : new double[] {0, 0.5, -1, 2, -4}) {
                assertSlope(Activation.SIGMOID.derivative(z), Activation.SIGMOID::value, z, "sigmoid'(z) = sigmoid(z)(1 - sigmoid(z))");
            }
        }

        @Test
        void vanishesInSaturation() {
            for (double z : new double[] {10, -10, 25, -25}) {
                assertSlope(Activation.SIGMOID.derivative(z), Activation.SIGMOID::value, z,
                        "far from 0 the sigmoid is flat: its slope is tiny but not zero");
            }
        }
    }

    @Nested
    @Exercise(id = "3.2", points = 2)
    class TanhAndReluDerivativesExerciseTest {
        @Test
        void tanhMatchesTheReferee() {
            assertThat("tanh'(0) = 1", Activation.TANH.derivative(0), closeTo(1, 1e-15));
            for (double z : new double[] {0.3, -0.7, 2, -5, 12}) {
                assertSlope(Activation.TANH.derivative(z), Activation.TANH::value, z, "tanh'(z) = 1 - tanh(z)^2");
            }
        }

        @Test
        void reluMatchesTheRefereeOnBothSidesOfTheKink() {
            for (double z : new double[] {-3, 2, 1e-3, -1e-3, 1e-4, -1e-4, 1e6}) {
                assertSlope(Activation.RELU.derivative(z), Activation.RELU::value, z, "relu'(z) is 1 for z > 0 and 0 for z < 0");
            }
        }

        @Test
        void reluUsesTheConventionAtTheKink() {
            assertThat("relu has no derivative at exactly 0; the text chooses 0 there", Activation.RELU.derivative(0), equalTo(0.0));
        }
    }
}
