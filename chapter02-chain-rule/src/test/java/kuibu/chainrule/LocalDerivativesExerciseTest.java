package kuibu.chainrule;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.function.Function;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 2.4: the value and the local derivative of div, pow, exp and log, side by side. */
@Exercise(id = "2.4", points = 3)
class LocalDerivativesExerciseTest {

    private static void check(String what, Function<Value[], Value> f, double[]... points) {
        for (double[] x : points) {
            assertThat(Gradients.gradient(f, x), isGradientOf(p -> Gradients.evaluate(f, p), at(x)).hint(what));
        }
    }

    @Test
    void divisionByAValue() {
        check("x / y has local derivatives 1/y and -x/y²", v -> v[0].div(v[1]),
                new double[] {6, 3}, new double[] {0, 2}, new double[] {-1, 0.01}, new double[] {1e3, -7});
        Value x = new Value(6);
        Value y = new Value(3);
        Value q = x.div(y);
        q.backward();
        assertThat("6 / 3", q.data(), closeTo(2, 1e-12));
        assertThat("d(x/y)/dx = 1/y at y = 3", x.grad(), closeTo(1 / 3.0, 1e-12));
        assertThat("d(x/y)/dy = -x/y² at x = 6, y = 3", y.grad(), closeTo(-6 / 9.0, 1e-12));
    }

    @Test
    void divisionByAConstant() {
        check("x / c has local derivative 1/c", v -> v[0].div(4), new double[] {1}, new double[] {-3}, new double[] {0});
        check("x / c has local derivative 1/c", v -> v[0].div(-0.5), new double[] {2});
        assertThat("10 / 4", new Value(10).div(4).data(), closeTo(2.5, 1e-12));
    }

    @Test
    void power() {
        check("x^3 has local derivative 3x^2", v -> v[0].pow(3), new double[] {2}, new double[] {-1.5}, new double[] {0}, new double[] {1e-3});
        check("x^0.5 has local derivative 0.5 x^-0.5", v -> v[0].pow(0.5), new double[] {4}, new double[] {1e-2}, new double[] {100});
        check("x^-2 has local derivative -2 x^-3", v -> v[0].pow(-2), new double[] {0.5}, new double[] {-3});
        check("x^1 has local derivative 1", v -> v[0].pow(1), new double[] {0}, new double[] {-2});
        assertThat("2^3", new Value(2).pow(3).data(), closeTo(8, 1e-12));
    }

    @Test
    void exponential() {
        check("e^x is its own derivative", v -> v[0].exp(), new double[] {0}, new double[] {1}, new double[] {-20}, new double[] {20});
        assertThat("e^1", new Value(1).exp().data(), closeTo(Math.E, 1e-12));
    }

    @Test
    void logarithm() {
        check("ln x has local derivative 1/x", v -> v[0].log(), new double[] {1}, new double[] {Math.E}, new double[] {1e-3}, new double[] {1e4});
        assertThat("ln e", new Value(Math.E).log().data(), closeTo(1, 1e-12));
    }

    @Test
    void composedOperations() {
        Function<Value[], Value> f = v -> v[0].exp().div(v[1].pow(2).add(1)).log().add(v[0].div(v[1]));
        check("ln(e^x / (y² + 1)) + x / y", f, new double[] {0.5, 2}, new double[] {-1, -0.3}, new double[] {3, 10});
    }
}
