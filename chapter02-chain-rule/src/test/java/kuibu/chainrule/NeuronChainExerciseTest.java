package kuibu.chainrule;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.Arrays;
import java.util.Random;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 2.6: the one-neuron-per-layer chain, differentiated layer by layer. */
@Exercise(id = "2.6", points = 3)
class NeuronChainExerciseTest {

    /** All of the gradient in one array: dw..., db..., da0, in the order of {@link #cost}'s parameters. */
    private static double[] flat(NeuronChain.Gradient g) {
        double[] all = new double[2 * g.dw().length + 1];
        System.arraycopy(g.dw(), 0, all, 0, g.dw().length);
        System.arraycopy(g.db(), 0, all, g.dw().length, g.db().length);
        all[all.length - 1] = g.da0();
        return all;
    }

    /** C₀ as a function of p = (w..., b..., a0) for the target y. */
    private static double cost(double[] p, int layers, double y) {
        NeuronChain chain = new NeuronChain(Arrays.copyOfRange(p, 0, layers), Arrays.copyOfRange(p, layers, 2 * layers));
        return chain.cost(p[2 * layers], y);
    }

    private static void check(double[] w, double[] b, double a0, double y) {
        double[] p = new double[2 * w.length + 1];
        System.arraycopy(w, 0, p, 0, w.length);
        System.arraycopy(b, 0, p, w.length, b.length);
        p[p.length - 1] = a0;
        assertThat(flat(new NeuronChain(w, b).gradient(a0, y)), isGradientOf(x -> cost(x, w.length, y), at(p))
                .hint("components are dC/dw for each layer, then dC/db for each layer, then dC/da0"));
    }

    @Test
    void oneLayer() {
        double a = NeuronChain.sigmoid(0.5 * 1 + 0.25);
        NeuronChain.Gradient g = new NeuronChain(new double[] {0.5}, new double[] {0.25}).gradient(1, 0);
        double dCdz = 2 * (a - 0) * a * (1 - a);
        assertThat("dC/dw = a0 * sigmoid'(z) * 2(a - y)", g.dw()[0], closeTo(1 * dCdz, 1e-12));
        assertThat("dC/db = sigmoid'(z) * 2(a - y)", g.db()[0], closeTo(dCdz, 1e-12));
        assertThat("dC/da0 = w * sigmoid'(z) * 2(a - y)", g.da0(), closeTo(0.5 * dCdz, 1e-12));
        check(new double[] {0.5}, new double[] {0.25}, 1, 0);
        check(new double[] {-2}, new double[] {1}, 0.3, 1);
    }

    @Test
    void severalLayers() {
        check(new double[] {0.5, -1.2}, new double[] {0.1, 0.3}, 0.8, 1);
        check(new double[] {1.5, -0.5, 2.0, 0.7}, new double[] {-0.2, 0.4, 0.0, -1.0}, -1.0, 0.25);
    }

    @Test
    void randomChains() {
        Random random = new Random(26);
        for (int layers = 1; layers <= 6; layers++) {
            double[] w = random.doubles(layers, -2, 2).toArray();
            double[] b = random.doubles(layers, -1, 1).toArray();
            check(w, b, random.nextDouble(), random.nextDouble());
        }
    }

    @Test
    void inSaturation() {
        // z⁽¹⁾ = 8: sigmoid' ≈ 3e-4, so the gradient is small but must still be right
        check(new double[] {4, 3}, new double[] {4, -1}, 1, 0);
        check(new double[] {-6, 1}, new double[] {-3, 0}, 2, 1);
    }
}
