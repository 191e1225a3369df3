package kuibu.chainrule;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import java.util.function.Function;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 2.5: tanh, sigmoid and ReLU as graph nodes, including saturation and the kink. */
@Exercise(id = "2.5", points = 2)
class ActivationNodesExerciseTest {

    private static void check(String what, Function<Value[], Value> f, double... xs) {
        for (double x : xs) {
            assertThat(Gradients.gradient(f, x), isGradientOf(p -> Gradients.evaluate(f, p), at(x)).hint(what));
        }
    }

    @Test
    void tanh() {
        assertThat("tanh(0.5)", new Value(0.5).tanh().data(), closeTo(Math.tanh(0.5), 1e-15));
        check("tanh'(x) = 1 - tanh(x)²", v -> v[0].tanh(), 0, 0.5, -1, 3, -8, 20);
    }

    @Test
    void sigmoid() {
        assertThat("sigmoid(0)", new Value(0).sigmoid().data(), closeTo(0.5, 1e-15));
        assertThat("sigmoid(2)", new Value(2).sigmoid().data(), closeTo(1 / (1 + Math.exp(-2)), 1e-15));
        check("sigmoid'(x) = sigmoid(x)(1 - sigmoid(x))", v -> v[0].sigmoid(), 0, 0.5, -1, 4, -10, 30);
    }

    @Test
    void relu() {
        assertThat("relu(-2)", new Value(-2).relu().data(), equalTo(0.0));
        assertThat("relu(1.5)", new Value(1.5).relu().data(), equalTo(1.5));
        check("relu'(x) is 1 for x > 0 and 0 for x < 0", v -> v[0].relu(), -2, 3, 1e-3, -1e-3, 100);
    }

    @Test
    void reluAtTheKinkUsesTheChosenConvention() {
        Value x = new Value(0);
        x.relu().backward();
        assertThat("relu has no derivative at 0; the text chooses 0 there", x.grad(), equalTo(0.0));
    }

    @Test
    void insideALargerExpression() {
        Function<Value[], Value> f = v -> v[0].mul(v[1]).tanh().add(v[1].sigmoid().mul(v[0].relu())).mul(v[0].sub(v[1]).sigmoid());
        for (double[] x : new double[][] {{0.3, -0.7}, {2, 1}, {-1, 4}, {5, -5}}) {
            assertThat(Gradients.gradient(f, x), isGradientOf(p -> Gradients.evaluate(f, p), at(x)));
        }
    }
}
