package kuibu.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/**
 * Exercise 5.6: the step with momentum, equation (5.8): v ← μv − (η/m)∇ − (ηλ/n)w, then w ← w + v. Each test follows
 * the velocity over several calls on the same arrays, because momentum is memory: a step that forgets the
 * velocity, or moves w before the velocity has its new value, agrees with (5.8) on no step after the first.
 */
@Exercise(id = "5.6", points = 2)
class MomentumExerciseTest {

    /** (5.8) written out, to compare with: returns {w, v} after one step. */
    private static double[][] expected(double[] w, double[] v, double[] nabla, double eta, double lambda, double mu,
                                       int m, int n) {
        double[] newV = new double[w.length];
        double[] newW = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            newV[i] = mu * v[i] - eta / m * nabla[i] - eta * lambda / n * w[i];
            newW[i] = w[i] + newV[i];
        }
        return new double[][] {newW, newV};
    }

    @Test
    void withoutMomentumItIsTheRegularisedStep() {
        for (double lambda : new double[] {0, 0.1, 5}) {
            for (int n : new int[] {3, 50_000}) {
                double[] w = {0.3, -0.7, 2};
                double[] v = new double[3];
                double[] nabla = {1.5, -2, 0.25};
                double[] decayed = {(1 - 0.5 * lambda / n) * 0.3 - 0.5 / 3 * 1.5, (1 - 0.5 * lambda / n) * -0.7 + 0.5 / 3 * 2,
                    (1 - 0.5 * lambda / n) * 2 - 0.5 / 3 * 0.25};
                Sgd.momentum(w, v, nabla, 0.5, lambda, 0, 3, n);
                assertArrayEquals(decayed, w, 1e-15, "with mu = 0, lambda " + lambda + " and n " + n
                        + " the step is (5.7): w <- (1 - eta lambda / n) w - (eta / m) nabla; the decay divides by n, the step by m");
            }
        }
    }

    @Test
    void theVelocityCarriesThePastSteps() {
        double[] w = {1, -1};
        double[] v = new double[2];
        double[][] gradients = {{2, 0}, {2, 0}, {-1, 4}, {0, 0}};
        double[] expectedW = w.clone();
        double[] expectedV = v.clone();
        for (int step = 0; step < gradients.length; step++) {
            double[][] next = expected(expectedW, expectedV, gradients[step], 0.1, 0, 0.9, 1, 100);
            expectedW = next[0];
            expectedV = next[1];
            Sgd.momentum(w, v, gradients[step], 0.1, 0, 0.9, 1, 100);
            assertArrayEquals(expectedV, v, 1e-15, "velocity after step " + (step + 1)
                    + ": v <- mu v - (eta/m) nabla keeps mu = 0.9 of the old velocity and adds the new step to it (not times mu)");
            assertArrayEquals(expectedW, w, 1e-15, "w after step " + (step + 1)
                    + ": w moves by the new velocity, computed first; a zero gradient still moves w by mu v");
        }
    }

    @Test
    void weightDecayIsPartOfTheVelocity() {
        double[] w = {0.5, -2, 3};
        double[] v = {0.1, 0, -0.2};
        double[] nabla = {1, 1, -1};
        double[] expectedW = w.clone();
        double[] expectedV = v.clone();
        for (int step = 0; step < 3; step++) {
            double[][] next = expected(expectedW, expectedV, nabla, 0.3, 2, 0.5, 4, 10);
            expectedW = next[0];
            expectedV = next[1];
            Sgd.momentum(w, v, nabla, 0.3, 2, 0.5, 4, 10);
            assertArrayEquals(expectedV, v, 1e-15, "velocity after step " + (step + 1)
                    + ": the decay (eta lambda / n) w enters the velocity, with the gradient step (eta / m) nabla");
            assertArrayEquals(expectedW, w, 1e-15, "w after step " + (step + 1) + ": w <- w + v");
        }
    }
}
