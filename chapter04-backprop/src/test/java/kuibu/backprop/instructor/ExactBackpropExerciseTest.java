package kuibu.backprop.instructor;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isExactly;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import kuibu.backprop.Cost;
import kuibu.backprop.Equations;
import kuibu.backprop.MazurExample;
import kuibu.backprop.Network;
import kuibu.backprop.Output;
import kuibu.backprop.Sample;
import kuibu.grading.Exercise;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Chapter 4's gradients held to the values the equations give, to 1e-12: the visible tests compare
 * with central differences at 1e-6 (Mazur's numbers at 1e-9), which a gradient measured by central
 * differences passes as well as backpropagation. This folder stays out of the student edition.
 *
 * <p>The expected values were computed once with the course's solutions and pasted; each test also
 * checks them against the referee, so a mistyped digit cannot pass unnoticed. Networks get their
 * parameters from {@link #numbers}, plain arithmetic that gives the same bits on every JDK, and their
 * weighted inputs stay within |z| &lt; 4 and away from ReLU's kink.
 */
class ExactBackpropExerciseTest {

    /** At {@code x}: {@code analytic} is exactly {@code expected}, which is the gradient of f. */
    private static void check(String what, double[] analytic, ToDoubleFunction<double[]> f, double[] x, double... expected) {
        assertThat("the test's own expected value of " + what, expected, isGradientOf(f, at(x)));
        assertThat(analytic, isExactly(expected).of(what));
    }

    /** n numbers in [−scale, scale), spread by the fractional parts of step, 2·step, ...: no round values, same bits everywhere. */
    static double[] numbers(int n, double step, double scale) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (i + 1) * step;
            p[i] = scale * (2 * (t - Math.floor(t)) - 1);
        }
        return p;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** w a + b, written out here so the tests do not lean on the code they check. */
    private static double[] affine(double[][] w, double[] a, double[] b) {
        double[] z = b.clone();
        for (int j = 0; j < w.length; j++) {
            z[j] += dot(w[j], a);
        }
        return z;
    }

    private static double[] flatten(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[][] unflatten(double[] flat, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (int j = 0; j < rows; j++) {
            System.arraycopy(flat, j * columns, m[j], 0, columns);
        }
        return m;
    }

    /** A network of this design and shape with the parameters {@code numbers(D, step, 1)}. */
    private static Network network(Network.Design design, double step, int... sizes) {
        Network network = new Network(design, 0L, sizes);
        network.setParameters(numbers(network.parameterCount(), step, 1));
        return network;
    }

    private static ToDoubleFunction<double[]> costOfParameters(Network network, double[] x, double[] y) {
        Network copy = new Network(network.design(), 0L, network.sizes());
        return theta -> {
            copy.setParameters(theta);
            return copy.cost(x, y);
        };
    }

    private static ToDoubleFunction<double[]> meanCostOfParameters(Network network, List<Sample> batch) {
        Network copy = new Network(network.design(), 0L, network.sizes());
        return theta -> {
            copy.setParameters(theta);
            return copy.meanCost(batch);
        };
    }

    private static final double[][] W_NEXT = {{0.4142, -0.7071, 1.7321}, {-1.1892, 0.2718, 0.6931}};
    private static final double[] B_NEXT = {0.1234, -0.5678};

    @Nested
    @Exercise(id = "4.1", points = 2)
    class OutputErrorExactExerciseTest {
        private final double[] costGradient = {0.7318, -1.2345, 0.5772};
        private final double[] z = {0.3141, -2.7183, 3.8765};

        private void check(Activation activation, double... expected) {
            ExactBackpropExerciseTest.check("delta^L for " + activation + " at z = " + Arrays.toString(z),
                    Equations.outputError(costGradient, z, activation), zz -> dot(costGradient, activation.apply(zz)), z, expected);
        }

        @Test
        void isExactForEveryActivation() {
            check(Activation.SIGMOID, 0.17851076692373014, -0.071687712129814020, 0.011480684073055938);
            check(Activation.TANH, 0.66409768946991910, -0.021315319710010860, 0.00099066828116730790);
            check(Activation.RELU, 0.73180000000000000, 0, 0.57720000000000000);
        }
    }

    @Nested
    @Exercise(id = "4.2", points = 2)
    class HiddenErrorExactExerciseTest {
        private final double[] deltaNext = {0.8765, -0.3333};
        private final double[] z = {-0.5772, 1.4142, 3.1416};

        private void check(Activation activation, double... expected) {
            ExactBackpropExerciseTest.check("delta^l for " + activation + " at z = " + Arrays.toString(z),
                    Equations.hiddenError(W_NEXT, deltaNext, z, activation),
                    zz -> dot(deltaNext, affine(W_NEXT, activation.apply(zz), B_NEXT)), z, expected);
        }

        @Test
        void isExactForEveryActivation() {
            check(Activation.SIGMOID, 0.17487724171410690, -0.11175722598107037, 0.051110686291513774);
            check(Activation.TANH, 0.55356732678621300, -0.14972782434052997, 0.0095789550824507800);
            check(Activation.RELU, 0, -0.71036408999999990, 1.2871754199999998);
        }
    }

    @Nested
    @Exercise(id = "4.4", points = 2)
    class WeightGradientExactExerciseTest {
        @Test
        void isExact() {
            double[] delta = {0.8765, -0.3333};
            double[] aPrevious = {0.7318, 0.0577, 0.9123};
            check("dC/dw (row by row)", flatten(Equations.weightGradient(delta, aPrevious)),
                    ww -> dot(delta, affine(unflatten(ww, 2, 3), aPrevious, B_NEXT)), flatten(W_NEXT),
                    0.64142270000000000, 0.050574049999999995, 0.79963095000000000,
                    -0.24390894000000000, -0.019231410000000000, -0.30406959000000000);
        }
    }

    @Nested
    @Exercise(id = "4.5", points = 3)
    class BackpropExactExerciseTest {
        private void check(Network network, double[] x, double[] y, double... expected) {
            ExactBackpropExerciseTest.check("gradient of " + Arrays.toString(network.sizes()) + " with " + network.design()
                            + " (layer by layer, weights row by row, then biases)",
                    network.backprop(x, y).toArray(), costOfParameters(network, x, y), network.parameters(), expected);
        }

        @Test
        void sigmoidNetwork() {
            Network network = network(Network.Design.DEFAULT, 0.6180339887, 3, 4, 2);
            double[] x = numbers(3, 0.4142135624, 1);
            double[] y = {0.70416305608000000, 0.40832611215999990};
            check(network, x, y,
                    6.8175953870903300e-05, -0.00026100667117943370, 0.00020452786161270995, -0.0021556983948302880,
                    0.0082529342114806130, -0.0064670951844908650, 0.0014148573905150902, -0.0054166784140818780,
                    0.0042445721715452710, -0.00050814448498536620, 0.0019453941305370235, -0.0015244334549560988,
                    -0.00039735857892124026, 0.012564331001141190, -0.0082463931951120580, 0.0029616831005077560,
                    -0.011089906460184361, -0.027751509728097170, -0.037505385966402390, -0.056366915819915396,
                    -0.00033977375487423420, -0.00085025375981283620, -0.0011490940760919728, -0.0017269756699547618,
                    -0.070764718236280220, -0.0021680970992931543);
        }

        @Test
        void twoTanhLayersAndSoftmax() {
            Network network = network(Network.Design.DEFAULT.withHidden(Activation.TANH).withOutput(Output.SOFTMAX), 0.7320508076, 2, 3, 3, 2);
            double[] x = numbers(2, 0.2360679775, 1);
            double[] y = {0.40131556175000000, 0.80263112350000000};
            check(network, x, y,
                    -0.0020382723582033865, -0.00021518613835968043, 0.015903608143073800, 0.0016789885848769064,
                    -0.11728288541197772, -0.012381883660400437, 0.0038613585780470925, -0.030128227701270690,
                    0.22218388716355497, 0.036784123730556060, -0.036651506646981226, -0.00095706785399814730,
                    -0.17775367988990792, 0.17711282801602973, 0.0046248847518743410, 0.028750586350298372,
                    -0.028646932422294758, -0.00074804723312223720, -0.048506835753151900, 0.23440190170347064,
                    -0.037913094793726430, 0.059147695777062400, -0.015274160268097187, -0.086477488751221130,
                    -0.059147695777062400, 0.015274160268097187, 0.086477488751221130, 0.14738291899807823,
                    -0.14738291899807823);
        }

        @Test
        void reluNetworkWithTwoDeadNeurons() {
            Network network = network(Network.Design.DEFAULT.withHidden(Activation.RELU), 0.3819660113, 3, 4, 2);
            double[] x = numbers(3, 0.4142135624, 1);
            double[] y = {0.70416305608000000, 0.40832611215999990};
            check(network, x, y,
                    -0.0037147917716115020, 0.014221809588011895, -0.011144375314834509, 0.0024832911278831770,
                    -0.0095070991171688560, 0.0074498733836495320, 0, 0,
                    0, 0, 0, 0,
                    0.021651393131234900, -0.014473681372935210, 0, 0,
                    -0.042102099527311955, -0.010963297667796086, 0, 0,
                    -0.037478243176968740, -0.0097592552539716370, 0, 0,
                    -0.025017965237921510, -0.022270371204921157);
        }

        @Test
        void mazursExampleToAllItsDigits() {
            Network network = MazurExample.network();
            check(network, MazurExample.input(), MazurExample.target(),
                    0.00043856773447434685, 0.00087713546894869370, 0.00049771273526086010, 0.00099542547052172020,
                    0.0087713546894869370, 0.0099542547052172020, 0.082167040564230780, 0.082667627847533260,
                    -0.022602540477475067, -0.022740242215978220, 0.13849856162855698, -0.038098236516556230);
        }
    }

    @Nested
    @Exercise(id = "4.6", points = 2)
    class MiniBatchExactExerciseTest {

        /** m samples whose inputs and targets come from {@link #numbers}, each with its own step. */
        private List<Sample> batch(int m, double step) {
            List<Sample> batch = new ArrayList<>();
            for (int s = 0; s < m; s++) {
                double[] y = numbers(2, step * (s + 1) * 1.3, 0.5);
                for (int j = 0; j < y.length; j++) {
                    y[j] += 0.5;
                }
                batch.add(new Sample(numbers(3, step * (s + 1), 1), y));
            }
            return batch;
        }

        private static final double[] MEAN_GRADIENT_OF_FIRST_BATCH = {
            0.00028146367418347903, 0.0033588928906588453, -4.9799184094556550e-05, -0.0050314234871237270,
            0.00073710846788649840, 0.00047453801341005826, 0.0032756429600795476, -0.0031141777850335166,
            0.00028798342671366474, -0.0011501018023767824, 0.0025922367691818150, -0.00014750102281752040,
            0.011347751778582112, 0.0036622818293797870, -0.0099372145197363610, 0.0084943509514495870,
            -0.0011692490395257549, -0.0039891165247458660, -0.0040937041322183640, -0.0067468515817470010,
            0.016161390338170947, 0.032749222768969680, 0.030474833449784387, 0.047959871687790485,
            -0.0049719682059406810, 0.066154629422589440,
        };

        /** The second batch's mean gradient where the step on the first batch left the network. */
        private static final double[] MEAN_GRADIENT_OF_SECOND_BATCH = {
            0.0030614301517057190, 0.0011569287151979970, -0.0026118383494510840, 0.00084834102231716660,
            0.0036849231951357566, -0.0015179672388557052, -0.0028863903538953214, -0.0037825879891877430,
            0.0030979539170955150, 0.0017649885220770666, 0.0016161291614956985, -0.0017298475938932727,
            -0.0049659315882134404, 0.0019882411505014240, 0.0019901927186028994, -0.0019138478826584344,
            -0.0012891885724866330, -0.0033641211835441360, -0.0096218054668695490, -0.011808791435592422,
            -0.0082487991359292810, -0.016091673121136015, -0.0087466456353212400, -0.015863049939428657,
            -0.014265158689113974, -0.022458001932575983,
        };

        @Test
        void meanGradientIsExact() {
            Network network = network(Network.Design.DEFAULT, 0.6180339887, 3, 4, 2);
            List<Sample> batch = batch(3, 0.4142135624);
            check("mean gradient over 3 samples", network.meanGradient(batch).toArray(),
                    meanCostOfParameters(network, batch), network.parameters(), MEAN_GRADIENT_OF_FIRST_BATCH);
        }

        /**
         * Two steps with η = 3 on two different batches, each read back as (before − after)/η: that
         * loses no digits worth having, since every parameter is near 1 and a step changes it by
         * about 0.01.
         */
        @Test
        void twoUpdatesInARowStepByTheExactMeanGradient() {
            Network network = network(Network.Design.DEFAULT, 0.6180339887, 3, 4, 2);
            double eta = 3.0;
            List<Sample> first = batch(3, 0.4142135624);
            List<Sample> second = batch(2, 0.2360679775);
            double[] before = network.parameters();
            network.updateMiniBatch(first, eta);
            double[] afterFirst = network.parameters();
            check("step (before - after) / eta on the first batch", step(before, afterFirst, eta),
                    meanCostOfParameters(network, first), before, MEAN_GRADIENT_OF_FIRST_BATCH);
            network.updateMiniBatch(second, eta);
            check("step (before - after) / eta on the second batch, after the first", step(afterFirst, network.parameters(), eta),
                    meanCostOfParameters(network, second), afterFirst, MEAN_GRADIENT_OF_SECOND_BATCH);
        }

        private double[] step(double[] before, double[] after, double eta) {
            double[] implied = new double[before.length];
            for (int i = 0; i < before.length; i++) {
                implied[i] = (before[i] - after[i]) / eta;
            }
            return implied;
        }
    }

    @Nested
    @Exercise(id = "4.7", points = 2)
    class SoftmaxCrossEntropyExactExerciseTest {
        private void check(Output output, double[] z, double[] y, double... expected) {
            ExactBackpropExerciseTest.check("delta^L = dC/dz for " + output + " with cross-entropy at z = " + Arrays.toString(z)
                            + ", y = " + Arrays.toString(y),
                    Cost.CROSS_ENTROPY.outputError(z, output.activate(z), y, output),
                    zz -> Cost.CROSS_ENTROPY.value(output.activate(zz), y, output), z, expected);
        }

        @Test
        void threeOutputs() {
            double[] z = {0.3141, -1.2345, 2.7183};
            double[] oneHot = {0, 1, 0};
            double[] soft = {0.36180339890918795, 0.13819660109081210, 0.50000000000000000};
            check(Output.SIGMOID, z, oneHot, 0.57788570785234220, -0.77460520891144840, 0.93809788781916390);
            check(Output.SOFTMAX, z, oneHot, 0.081419192468150440, -0.98269473094259730, 0.90127553847444690);
            check(Output.SIGMOID, z, soft, 0.21608230894315422, 0.087198189997739600, 0.43809788781916390);
            check(Output.SOFTMAX, z, soft, -0.28038420644103750, -0.12089133203340936, 0.40127553847444686);
        }

        @Test
        void fourOutputs() {
            double[] z = {-0.5772, 1.4142, 0.6931, -2.2361};
            double[] oneHot = {0, 1, 0, 0};
            double[] soft = {0.28345763538288193, 0.10827118230855906, 0.39172881769144097, 0.21654236461711812};
            check(Output.SIGMOID, z, oneHot, 0.35957712779104406, -0.19557245116922150, 0.66665618201534660, 0.096555212814270430);
            check(Output.SOFTMAX, z, oneHot, 0.082794808928542490, -0.39346322257963884, 0.29490856682342480, 0.015759846827671547);
            check(Output.SIGMOID, z, soft, 0.076119492408162130, 0.69615636652221950, 0.27492736432390563, -0.11998715180284769);
            check(Output.SOFTMAX, z, soft, -0.20066282645433944, 0.49826559511180213, -0.096820250868016160, -0.20078251778944659);
        }
    }
}
