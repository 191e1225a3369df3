package kuibu.chainrule.instructor;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isExactly;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import kuibu.chainrule.ByHand;
import kuibu.chainrule.Gradients;
import kuibu.chainrule.NeuronChain;
import kuibu.chainrule.Value;
import kuibu.grading.Exercise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Chapter 2's derivatives held to the values their formulas give, to 1e-12: the visible tests compare
 * with central differences at 1e-6, which a local derivative or a gradient measured by central
 * differences passes as well as one worked out by hand. This folder stays out of the student edition.
 *
 * <p>The expected values were computed once with the course's solutions and pasted; each test also
 * checks them against the referee, so a mistyped digit cannot pass unnoticed. Points are ordinary
 * numbers with all their digits, some with a variable far larger than the derivative asked for:
 * there a difference quotient's rounding error is largest.
 */
class ExactGradientsExerciseTest {

    /** At {@code x}: {@code analytic} is exactly {@code expected}, which is the gradient of f. */
    private static void check(String what, double[] analytic, ToDoubleFunction<double[]> f, double[] x, double... expected) {
        assertThat("the test's own expected value of " + what + " at " + at(x), expected, isGradientOf(f, at(x)));
        assertThat(analytic, isExactly(expected).of(what + " at " + at(x)));
    }

    /** The gradient of an expression of {@link Value}s by one backward pass, checked as above. */
    private static void check(String what, Function<Value[], Value> f, double[] x, double... expected) {
        check(what, Gradients.gradient(f, x), p -> Gradients.evaluate(f, p), x, expected);
    }

    @Nested
    @Exercise(id = "2.1", points = 2)
    class JGradientExactExerciseTest {
        @Test
        void isExact() {
            for (double[][] point : new double[][][] {
                {{0.7318, -1.2345, 2.5183}, {3.0000000000000000, 7.5549000000000000, -3.7035000000000000}},
                {{1234.5678, 0.00123, -0.00271}, {3.0000000000000000, -0.0081300000000000000, 0.0036899999999999997}},
                {{-2718.28, -0.0577, 0.00314}, {3.0000000000000000, 0.0094200000000000000, -0.17310000000000000}},
                {{98765432.1, 0.0123, -0.00457}, {3.0000000000000000, -0.013710000000000000, 0.036900000000000000}},
            }) {
                double[] p = point[0];
                check("∇J", ByHand.jGradient(p[0], p[1], p[2]), x -> ByHand.j(x[0], x[1], x[2]), p, point[1]);
            }
        }
    }

    @Nested
    @Exercise(id = "2.2", points = 2)
    class KGradientExactExerciseTest {
        @Test
        void isExact() {
            for (double[][] point : new double[][][] {
                {{0.7318, -1.2345}, {0.22910000000000008, 0.73180000000000000}},
                {{-0.0271, 31415.9}, {31415.845800000003, -0.027100000000000000}},
                {{0.00577, -2718.28}, {-2718.2684600000000, 0.0057700000000000000}},
                {{-0.000314, 271828.18}, {271828.17937200000, -0.00031400000000000000}},
                {{0.0271, 98765432.1}, {98765432.154199990, 0.027100000000000000}},
            }) {
                double[] p = point[0];
                check("∇K", ByHand.kGradient(p[0], p[1]), x -> ByHand.k(x[0], x[1]), p, point[1]);
            }
        }
    }

    @Nested
    @Exercise(id = "2.3", points = 3)
    class BackwardExactExerciseTest {
        @Test
        void isExactOnAGraphWithSharedNodes() {
            // xy feeds three nodes and d two; only +, −, · and neg, whose local derivatives are given
            Function<Value[], Value> f = v -> {
                Value xy = v[0].mul(v[1]);
                Value d = xy.sub(v[2]);
                return d.mul(xy).add(v[0].neg().mul(v[2])).add(v[1].mul(v[1]).mul(0.37)).sub(d.mul(d.add(1.5)));
            };
            check("∇f", f, new double[] {0.7318, -1.2345, 2.5183}, -3.7753913499999996, -0.16833805999999996, -5.1718071000000000);
            check("∇f", f, new double[] {-1.4142, 0.0577, -3.1416}, 2.8737796799999997, 6.6068487199999995, 9.1158006600000000);
        }
    }

    @Nested
    @Exercise(id = "2.4", points = 3)
    class LocalDerivativesExactExerciseTest {
        @Test
        void divisionByAValue() {
            Function<Value[], Value> f = v -> v[0].div(v[1]);
            check("∇(x / y)", f, new double[] {0.7318, -1.2345}, -0.81004455245038490, -0.48018679909533550);
            check("∇(x / y)", f, new double[] {12345.678, 2.7183}, 0.36787698193724017, -1670.7834906408355);
            check("∇(x / y)", f, new double[] {-0.0123, 0.0457}, 21.881838074398250, 5.8894225014244750);
        }

        @Test
        void divisionByAConstant() {
            Function<Value[], Value> f = v -> v[0].div(-2.71828);
            check("d(x / -2.71828)/dx", f, new double[] {0.7318}, -0.36787968862663156);
            check("d(x / -2.71828)/dx", f, new double[] {-31415.9}, -0.36787968862663156);
            check("d(x / -2.71828)/dx", f, new double[] {27182818.28}, -0.36787968862663156);
        }

        @Test
        void power() {
            check("d(x^2.5)/dx", v -> v[0].pow(2.5), new double[] {1.2345}, 3.4290723632866440);
            check("d(x^2.5)/dx", v -> v[0].pow(2.5), new double[] {0.0731}, 0.049410138825447550);
            check("d(x^-1.5)/dx", v -> v[0].pow(-1.5), new double[] {0.7318}, -3.2742380125780610);
            check("d(x^-1.5)/dx", v -> v[0].pow(-1.5), new double[] {27.18}, -0.00038946427629097107);
            check("d(x^3)/dx", v -> v[0].pow(3), new double[] {-1.2345}, 4.5719707499999990);
            check("d(x^3)/dx", v -> v[0].pow(3), new double[] {0.00731}, 0.00016030829999999998);
        }

        @Test
        void exponential() {
            check("d(e^x)/dx", v -> v[0].exp(), new double[] {0.7318}, 2.0788191164164070);
            check("d(e^x)/dx", v -> v[0].exp(), new double[] {-1.2345}, 0.29098021610944064);
            check("d(e^x)/dx", v -> v[0].exp(), new double[] {3.1416}, 23.140862634424266);
        }

        @Test
        void logarithm() {
            check("d(ln x)/dx", v -> v[0].log(), new double[] {0.7318}, 1.3664935774801859);
            check("d(ln x)/dx", v -> v[0].log(), new double[] {123.45}, 0.0081004455245038480);
            check("d(ln x)/dx", v -> v[0].log(), new double[] {0.0271}, 36.900369003690040);
        }
    }

    @Nested
    @Exercise(id = "2.5", points = 2)
    class ActivationNodesExactExerciseTest {
        @Test
        void tanh() {
            check("tanh'(x)", v -> v[0].tanh(), new double[] {0.7318}, 0.61041763339025170);
            check("tanh'(x)", v -> v[0].tanh(), new double[] {-1.2345}, 0.28786712467607320);
            check("tanh'(x)", v -> v[0].tanh(), new double[] {3.8765}, 0.0017163345134568742);
        }

        @Test
        void sigmoid() {
            check("sigmoid'(x)", v -> v[0].sigmoid(), new double[] {0.7318}, 0.21930490889797627);
            check("sigmoid'(x)", v -> v[0].sigmoid(), new double[] {-1.2345}, 0.17459197923869985);
            check("sigmoid'(x)", v -> v[0].sigmoid(), new double[] {3.8765}, 0.019890305046874456);
        }

        @Test
        void relu() {
            check("relu'(x)", v -> v[0].relu(), new double[] {0.7318}, 1);
            check("relu'(x)", v -> v[0].relu(), new double[] {-1.2345}, 0);
            check("relu'(x)", v -> v[0].relu(), new double[] {123.45}, 1);
            check("relu'(x)", v -> v[0].relu(), new double[] {-0.0271}, 0);
            check("relu'(x)", v -> v[0].relu(), new double[] {12345.6}, 1);
        }
    }

    @Nested
    @Exercise(id = "2.6", points = 3)
    class NeuronChainExactExerciseTest {

        /** C₀ as a function of p = (w..., b..., a0) for the target y. */
        private double cost(double[] p, int layers, double y) {
            NeuronChain chain = new NeuronChain(Arrays.copyOfRange(p, 0, layers), Arrays.copyOfRange(p, layers, 2 * layers));
            return chain.cost(p[2 * layers], y);
        }

        private void check(double[] w, double[] b, double a0, double y, double... expected) {
            NeuronChain.Gradient g = new NeuronChain(w, b).gradient(a0, y);
            double[] analytic = new double[2 * w.length + 1];
            System.arraycopy(g.dw(), 0, analytic, 0, w.length);
            System.arraycopy(g.db(), 0, analytic, w.length, w.length);
            analytic[2 * w.length] = g.da0();
            double[] p = new double[2 * w.length + 1];
            System.arraycopy(w, 0, p, 0, w.length);
            System.arraycopy(b, 0, p, w.length, w.length);
            p[2 * w.length] = a0;
            ExactGradientsExerciseTest.check("(dC/dw..., dC/db..., dC/da0)", analytic, x -> cost(x, w.length, y), p, expected);
        }

        @Test
        void isExact() {
            check(new double[] {0.7318, -1.2345, 2.0718}, new double[] {-0.3141, 0.5772, -1.4142}, 0.8765, 0.1234,
                    -0.017153849502945358, 0.037845680068269360, 0.058758194867886485, -0.019570849404387174,
                    0.065126779677825070, 0.12635821070022135, -0.014321947594130535);
            check(new double[] {3.1416, -2.7183}, new double[] {0.5772, 1.4142}, 1.1, 0.9,
                    0.011972245260479731, -0.22993595344773570, 0.010883859327708845, -0.23401083144480195, 0.034192732463930106);
            check(new double[] {-1.7321}, new double[] {0.2718}, -0.5432, 0.95,
                    0.034402371406029746, -0.063332789775459770, 0.10969872517007385);
        }
    }
}
