package kuibu.derivatives;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.Random;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 1.4: the gradient of a loss with respect to the parameters (w, b). */
@Exercise(id = "1.4", points = 2)
class LineFitExerciseTest {

    @Test
    void matchesTheRefereeOnNoisyData() {
        Random random = new Random(6);
        double[] xs = new double[20];
        double[] ys = new double[20];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = random.nextGaussian() * 3;
            ys[i] = 0.7 * xs[i] - 2 + random.nextGaussian() * 0.1;
        }
        LineFit fit = new LineFit(xs, ys);
        for (double[] wb : new double[][] {{0, 0}, {0.7, -2}, {-5, 12}, {1e3, -1e3}, {0.123, 0.456}}) {
            assertThat(fit.lossGradient(wb), isGradientOf(fit::loss, at(wb)));
        }
    }

    @Test
    void matchesTheRefereeOnOnePoint() {
        LineFit fit = new LineFit(new double[] {2}, new double[] {1});
        assertThat(fit.lossGradient(new double[] {1, 1}), isGradientOf(fit::loss, at(1, 1))
                .hint("with one point (2, 1) and w = b = 1 the error is 2: dL/dw = 2 * 2 * 2 = 8, dL/db = 2 * 2 = 4"));
    }
}
