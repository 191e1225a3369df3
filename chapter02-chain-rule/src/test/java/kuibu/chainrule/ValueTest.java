package kuibu.chainrule;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ValueTest {

    @Test
    void aRandomExpressionOfAThousandOperationsMatchesTheReferee() {
        Random random = new Random(1000);
        for (long seed = 1; seed <= 3; seed++) {
            long s = seed;
            Function<Value[], Value> f = v -> RandomExpression.build(s, v, 1000);
            double[] x = random.doubles(8, -1, 1).toArray();
            Value[] inputs = new Value[x.length];
            for (int i = 0; i < x.length; i++) {
                inputs[i] = new Value(x[i]);
            }
            Value out = f.apply(inputs);
            assertThat("the graph holds about 1000 operations", out.topologicalOrder().size(), greaterThanOrEqualTo(1000));
            assertThat(Gradients.gradient(f, x), isGradientOf(p -> Gradients.evaluate(f, p), at(x)));
        }
    }

    @Test
    void topologicalOrderPutsEveryNodeAfterItsInputsOnce() {
        Value a = new Value(1);
        Value b = a.mul(a);
        Value c = b.add(a).mul(b);
        List<Value> order = c.topologicalOrder();
        assertThat(order.size(), equalTo(4));
        for (int i = 0; i < order.size(); i++) {
            for (Value input : order.get(i).inputs()) {
                assertThat("an input comes before the node that uses it", order.indexOf(input), lessThan(i));
            }
        }
        assertThat(order.get(order.size() - 1), equalTo(c));
    }

    @Test
    void constantOverloadsAgreeWithValueOverloads() {
        Value x = new Value(1.5);
        assertThat(x.add(2).data(), closeTo(x.add(new Value(2)).data(), 0));
        assertThat(x.sub(2).data(), closeTo(x.sub(new Value(2)).data(), 0));
        assertThat(x.mul(2).data(), closeTo(x.mul(new Value(2)).data(), 0));
        assertThat(x.div(2).data(), closeTo(x.div(new Value(2)).data(), 0));
        assertThat(x.neg().data(), closeTo(-1.5, 0));
    }

    @Test
    void dotShowsEveryNodeAndEdge() {
        Value a = new Value(5);
        Value j = a.add(new Value(3).mul(new Value(2))).mul(3);
        j.backward();
        String dot = j.toDot();
        assertThat(dot, containsString("digraph"));
        assertThat(dot, containsString("data 33.00 | grad 1.000"));
        assertThat(dot.split("->").length - 1, equalTo(5));
    }
}
