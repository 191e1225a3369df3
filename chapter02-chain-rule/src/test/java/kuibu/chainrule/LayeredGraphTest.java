package kuibu.chainrule;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/** The claims of section "Why backpropagation is fast" hold for a layered graph. */
class LayeredGraphTest {

    @Test
    void allThreeMethodsAgree() {
        for (int depth = 1; depth <= 6; depth++) {
            LayeredGraph graph = new LayeredGraph(3, depth, depth);
            double[] paths = graph.pathByPath().gradient();
            double[] forward = graph.forwardMode().gradient();
            double[] reverse = graph.reverseMode().gradient();
            for (int i = 0; i < 3; i++) {
                assertThat(forward[i], closeTo(paths[i], 1e-12));
                assertThat(reverse[i], closeTo(paths[i], 1e-12));
            }
        }
    }

    @Test
    void countsFollowTheFormulas() {
        int w = 3;
        for (int depth = 1; depth <= 7; depth++) {
            LayeredGraph graph = new LayeredGraph(w, depth, 7);
            long edges = (long) w * w * (depth - 1) + w;
            assertThat("reverse: one per edge", graph.reverseMode().multiplications(), equalTo(edges));
            assertThat("forward: one per edge per input", graph.forwardMode().multiplications(), equalTo(w * edges));
            assertThat("paths: D per path, W^D paths", graph.pathByPath().multiplications(), equalTo((long) Math.pow(w, depth) * depth));
        }
    }
}
