package kuibu.backprop;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Random;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 4.3: BP3, ∂C/∂b<sup>l</sup> = δ<sup>l</sup>, refereed on C = δ · (w a + b), whose δ is known exactly. */
@Exercise(id = "4.3", points = 1)
class BiasGradientExerciseTest {

    @Test
    void isTheGradientWithRespectToTheBiases() {
        Random random = new Random(3);
        for (int[] shape : new int[][] {{3, 5}, {1, 1}, {6, 2}}) {
            double[][] w = Referee.matrix(random, shape[0], shape[1], 1);
            double[] a = Referee.vector(random, shape[1], 1);
            double[] b = Referee.vector(random, shape[0], 1);
            double[] delta = Referee.vector(random, shape[0], 1);
            assertThat(Equations.biasGradient(delta),
                    isGradientOf(bb -> Referee.dot(delta, Referee.affine(w, a, bb)), at(b))
                            .hint("a bias enters z with factor 1, so dC/db_j = delta_j"));
        }
    }

    @Test
    void returnsANewArray() {
        double[] delta = {1, 2};
        double[] nablaB = Equations.biasGradient(delta);
        nablaB[0] = 99;
        assertThat("biasGradient must return a copy: changing the gradient must not change delta", delta[0], is(1.0));
    }
}
