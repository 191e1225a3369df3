package kuibu.backprop;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Random;
import kuibu.grading.Exercise;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exercise 4.1: BP1, δ<sup>L</sup> = ∇<sub>a</sub>C ⊙ σ'(z<sup>L</sup>), refereed as ∂C/∂z<sup>L</sup>. */
@Exercise(id = "4.1", points = 2)
class OutputErrorExerciseTest {

    /** Weighted inputs that include saturation (±8) and small values on both sides of 0, away from ReLU's kink. */
    private static final double[][] ZS = {{0.3, -1.2, 2.0}, {8, -8, 0.01, -0.01}, {0.7}, {-3, 1e-2, 4, -0.5, 1.5, 0.2}};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void isTheGradientOfALinearCostOfTheActivations(Activation activation) {
        Random random = new Random(41);
        for (double[] z : ZS) {
            double[] g = Referee.vector(random, z.length, 1);
            assertThat(Equations.outputError(g, z, activation),
                    isGradientOf(zz -> Referee.dot(g, activation.apply(zz)), at(z))
                            .hint("BP1 multiplies each component of the cost gradient by sigma'(z) of the same neuron (" + activation + ")"));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void isTheGradientOfTheQuadraticCost(Activation activation) {
        Random random = new Random(42);
        for (double[] z : ZS) {
            double[] y = Referee.vector(random, z.length, 1);
            double[] a = activation.apply(z);
            double[] costGradient = Cost.QUADRATIC.gradient(a, y, Output.SIGMOID);
            assertThat(Equations.outputError(costGradient, z, activation),
                    isGradientOf(zz -> Cost.QUADRATIC.value(activation.apply(zz), y, Output.SIGMOID), at(z))
                            .hint("with C = 1/2 |a - y|^2, delta^L = (a - y) * sigma'(z^L), component by component"));
        }
    }

    @Test
    void hasOneComponentPerOutputNeuron() {
        double[] delta = Equations.outputError(new double[] {1, 2, 3}, new double[] {0, 0, 0}, Activation.SIGMOID);
        assertThat("delta^L has one component per output neuron", delta.length, is(3));
    }
}
