package kuibu.derivatives;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.arrayContaining;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 1.5: one step downhill, x − η·∇f(x). */
@Exercise(id = "1.5", points = 1)
class GradientStepExerciseTest {

    @Test
    void movesAgainstTheGradient() {
        double[] next = GradientDescent.step(new double[] {1, -2, 3}, new double[] {10, -20, 0}, 0.1);
        assertThat("step({1, -2, 3}, gradient {10, -20, 0}, eta 0.1) should be x - eta * gradient",
                box(next), arrayContaining(closeTo(0, 1e-12), closeTo(0, 1e-12), closeTo(3, 1e-12)));
    }

    @Test
    void leavesTheCurrentPointAlone() {
        double[] x = {2, 4};
        GradientDescent.step(x, new double[] {1, 1}, 0.5);
        assertThat("step must return a new array and leave x unchanged (the path keeps every point)",
                box(x), arrayContaining(equalTo(2.0), equalTo(4.0)));
    }

    @Test
    void scalesWithTheLearningRate() {
        double[] next = GradientDescent.step(new double[] {0}, new double[] {-3}, 2.5);
        assertThat("a negative slope means uphill is to the left: the step goes right by eta * 3",
                next[0], closeTo(7.5, 1e-12));
    }

    private static Double[] box(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
