package kuibu.mnist;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.function.ToDoubleFunction;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/**
 * Exercise 5.4: the L2-regularised step is gradient descent on C = (1/n) Σ C_x + (λ/2n) Σ w², with the
 * mini-batch average (1/m) Σ ∇C_x standing in for (1/n) Σ ∇C_x: (w − w_new)/η is the gradient of
 * C_batch(w) = (1/m) · (summed batch cost) + (λ/2n) |w|².
 */
@Exercise(id = "5.4", points = 2)
class RegularisedUpdateExerciseTest {

    /** A batch cost whose summed gradient we know: Σ_x ½|w − x|² over m = 3 points x. */
    private static final double[][] XS = {{1, -2, 0.5}, {0, 0, 0}, {3, 1, -1}};

    private static double summedCost(double[] w) {
        double c = 0;
        for (double[] x : XS) {
            for (int i = 0; i < w.length; i++) {
                c += 0.5 * (w[i] - x[i]) * (w[i] - x[i]);
            }
        }
        return c;
    }

    private static double[] summedGradient(double[] w) {
        double[] g = new double[w.length];
        for (double[] x : XS) {
            for (int i = 0; i < w.length; i++) {
                g[i] += w[i] - x[i];
            }
        }
        return g;
    }

    @Test
    void isDescentOnTheRegularisedCost() {
        int m = XS.length;
        for (double lambda : new double[] {0, 0.1, 5}) {
            for (int n : new int[] {3, 50_000}) {
                for (double[] w : new double[][] {{0.3, -0.7, 2}, {0, 0, 0}, {-40, 12, 1e-3}}) {
                    double eta = 0.5;
                    double[] updated = w.clone();
                    Sgd.update(updated, summedGradient(w), eta, lambda, m, n);
                    double[] step = new double[w.length];
                    for (int i = 0; i < w.length; i++) {
                        step[i] = (w[i] - updated[i]) / eta;
                    }
                    double l = lambda;
                    ToDoubleFunction<double[]> cost = v -> summedCost(v) / m + l / (2.0 * n) * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                    assertThat(step, isGradientOf(cost, at(w)).hint("lambda " + lambda + ", n " + n
                            + ": the batch gradient is divided by m, the decay term is eta * lambda / n times w"));
                }
            }
        }
    }

    @Test
    void withoutRegularisationItIsPlainDescent() {
        double[] w = {1, 2};
        Sgd.update(w, new double[] {4, -8}, 0.5, 0, 4, 100);
        assertArrayEquals(new double[] {0.5, 3}, w, 1e-15, "w - (eta / m) * nabla with eta = 0.5, m = 4");
    }
}
