package kuibu.backprop;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.Random;
import kuibu.grading.Exercise;
import kuibu.neuron.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exercise 4.2: BP2. If the cost is C = g · z<sup>l+1</sup>, then δ<sup>l+1</sup> = g exactly, and
 * BP2 must give ∂C/∂z<sup>l</sup> for z<sup>l+1</sup> = w σ(z<sup>l</sup>) + b.
 */
@Exercise(id = "4.2", points = 2)
class HiddenErrorExerciseTest {

    /**
     * {next layer size, this layer size}: square, tall, wide and single-neuron layers. Square first: there
     * w[k][j] instead of w[j][k] gives a wrong number (and the hint below) rather than an index out of bounds.
     */
    private static final int[][] SHAPES = {{7, 7}, {3, 5}, {5, 3}, {1, 4}, {4, 1}, {1, 1}};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void isTheGradientWithRespectToTheWeightedInputs(Activation activation) {
        Random random = new Random(7);
        for (int[] shape : SHAPES) {
            for (double scale : new double[] {1, 4}) {
                double[][] w = Referee.matrix(random, shape[0], shape[1], 1);
                double[] b = Referee.vector(random, shape[0], 1);
                double[] deltaNext = Referee.vector(random, shape[0], 1);
                double[] z = awayFromZero(Referee.vector(random, shape[1], scale));
                assertThat(Equations.hiddenError(w, deltaNext, z, activation),
                        isGradientOf(zz -> Referee.dot(deltaNext, Referee.affine(w, activation.apply(zz), b)), at(z))
                                .hint("BP2: delta^l_k = (sum over j of w[j][k] * deltaNext[j]) * sigma'(z_k); note w[j][k], the transpose ("
                                        + activation + ", w is " + shape[0] + "x" + shape[1] + ")"));
            }
        }
    }

    private static double[] awayFromZero(double[] z) {
        for (int i = 0; i < z.length; i++) {
            if (Math.abs(z[i]) < Referee.KINK_MARGIN) {
                z[i] = 0.1;
            }
        }
        return z;
    }
}
