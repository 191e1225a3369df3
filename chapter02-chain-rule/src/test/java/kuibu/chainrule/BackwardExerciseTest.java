package kuibu.chainrule;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import java.util.function.Function;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/**
 * Exercise 2.3: the backward pass of {@link Value}. These tests use only +, −, · and neg, whose local
 * derivatives are given, so they check the pass itself: order, chain rule and accumulation.
 */
@Exercise(id = "2.3", points = 3)
class BackwardExerciseTest {

    @Test
    void reproducesTheWorkedExample() {
        Value a = new Value(5);
        Value b = new Value(3);
        Value c = new Value(2);
        Value j = a.add(b.mul(c)).mul(3);
        j.backward();
        assertThat("J = 3(a + bc) at a = 5, b = 3, c = 2", j.data(), closeTo(33, 1e-12));
        assertThat("dJ/dJ = 1 starts the backward pass", j.grad(), closeTo(1, 1e-12));
        assertThat("dJ/da", a.grad(), closeTo(3, 1e-12));
        assertThat("dJ/db = 3c", b.grad(), closeTo(6, 1e-12));
        assertThat("dJ/dc = 3b", c.grad(), closeTo(9, 1e-12));
    }

    @Test
    void addsTheContributionsOfAValueUsedTwice() {
        Value x = new Value(3);
        Value square = x.mul(x);
        square.backward();
        assertThat("d(x*x)/dx = 2x at x = 3: x is used twice, so both local derivatives (3 and 3) must be added (+=)",
                x.grad(), closeTo(6, 1e-12));
    }

    @Test
    void aSecondPassAddsToTheGradientsOfTheFirst() {
        // the contract of backward(): gradients accumulate, so two outputs that share a leaf both count
        Value x = new Value(1.5);
        x.mul(3).backward();
        assertThat("d(3x)/dx", x.grad(), closeTo(3, 1e-12));
        x.mul(x).backward();
        assertThat("after backward() on 3x and then on x*x, x holds 3 + 2x = 6: each pass adds to the gradients (+=),"
                + " none sets them back to 0", x.grad(), closeTo(6, 1e-12));
    }

    @Test
    void waitsForEveryPathBeforePassingAGradientOn() {
        // s feeds both p and q; t = p + q. If s passed its gradient on before q's share arrived, a would miss it.
        Value a = new Value(2);
        Value s = a.mul(a);          // s = a²
        Value p = s.mul(3);          // p = 3s
        Value q = s.mul(s);          // q = s²
        Value t = p.add(q).neg();    // t = −(3a² + a⁴)
        t.backward();
        assertThat("dt/ds = -(3 + 2s) at s = 4", s.grad(), closeTo(-11, 1e-12));
        assertThat("dt/da = -(6a + 4a³) at a = 2: visit nodes in reverse topological order", a.grad(), closeTo(-44, 1e-12));
    }

    @Test
    void matchesTheRefereeOnAGraphWithSharedNodes() {
        Function<Value[], Value> f = v -> {
            Value xy = v[0].mul(v[1]);
            Value shared = xy.sub(v[2]);
            return shared.mul(shared).add(xy.mul(v[2]).neg()).add(v[0].mul(4)).sub(v[1].mul(v[1]).mul(v[0]));
        };
        for (double[] x : new double[][] {{1, 2, 3}, {0, 0, 0}, {-1.5, 0.5, 2}, {10, -3, 0.01}, {1e-3, 1e3, -2}}) {
            assertThat(Gradients.gradient(f, x), isGradientOf(p -> Gradients.evaluate(f, p), at(x)));
        }
    }

    @Test
    void leavesAnUnusedLeafAtZero() {
        Value a = new Value(1);
        Value unused = new Value(7);
        a.mul(5).backward();
        assertThat("a leaf the output does not depend on gets no gradient", unused.grad(), equalTo(0.0));
    }

    @Test
    void handlesAChainOfAHundredThousandOperationsWithoutRecursion() {
        Value x = new Value(0.5);
        Value y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.mul(1.0).add(0.0);
        }
        y.backward();
        assertThat("a 200,000-node chain: walk the graph with a loop, not with recursion (no StackOverflowError)",
                x.grad(), closeTo(1, 1e-12));
    }
}
