package kuibu.backprop;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Random;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 4.4: BP4, ∂C/∂w<sub>jk</sub> = a<sub>k</sub> δ<sub>j</sub>, refereed on C = δ · (w a + b). */
@Exercise(id = "4.4", points = 2)
class WeightGradientExerciseTest {

    @Test
    void isTheGradientWithRespectToTheWeights() {
        Random random = new Random(4);
        for (int[] shape : new int[][] {{3, 5}, {5, 3}, {1, 1}, {2, 7}, {4, 4}}) {
            int rows = shape[0];
            int columns = shape[1];
            double[][] w = Referee.matrix(random, rows, columns, 1);
            double[] a = Referee.vector(random, columns, 1);
            a[0] = 0; // a dead ReLU feeds nothing: its weights get no gradient
            double[] b = Referee.vector(random, rows, 1);
            double[] delta = Referee.vector(random, rows, 1);
            double[][] nablaW = Equations.weightGradient(delta, a);
            assertThat("nablaW must be shaped like w: one row per neuron j (delta), one column per input k (a)",
                    nablaW.length + "x" + (nablaW.length == 0 ? 0 : nablaW[0].length), is(rows + "x" + columns));
            assertThat(Referee.flatten(nablaW),
                    isGradientOf(ww -> Referee.dot(delta, Referee.affine(Referee.unflatten(ww, rows, columns), a, b)), at(Referee.flatten(w)))
                            .hint("w[j][k] multiplies a_k on its way into neuron j, so dC/dw[j][k] = a_k * delta_j"));
        }
    }
}
