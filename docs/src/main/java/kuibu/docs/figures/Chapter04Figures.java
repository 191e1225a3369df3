package kuibu.docs.figures;

import java.nio.file.Path;
import kuibu.neuron.Activation;
import kuibu.backprop.BackpropCost;
import kuibu.backprop.Cost;
import kuibu.backprop.Depth;
import kuibu.backprop.Init;
import kuibu.backprop.Network;
import kuibu.backprop.Output;
import kuibu.backprop.Xor;
import org.knowm.xchart.XYChart;

/** Chapter 4's figures: gradient size per layer, XOR training curves, and the cost of a gradient. */
final class Chapter04Figures {

    private Chapter04Figures() {}

    static void render(Path images) throws Exception {
        gradientNorms(images);
        xorTraining(images);
        backpropCost(images);
    }

    /** ‖∂C/∂w^l‖ per layer of a deep network, for the settings the text's table shows. */
    private static void gradientNorms(Path images) throws Exception {
        int[] deep = {30, 30, 30, 30, 30, 30, 30, 10};
        Network.Design softmax = Network.Design.DEFAULT.withOutput(Output.SOFTMAX).withCost(Cost.CROSS_ENTROPY);
        XYChart chart = Charts.lines("Gradient size per layer, 30-30-30-30-30-30-30-10 network", "layer l (1 = next to the input)",
                "‖∂C/∂wˡ‖");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        addNorms(chart, "sigmoid, N(0,1)", softmax, deep);
        addNorms(chart, "sigmoid, Xavier", softmax.withInit(Init.XAVIER), deep);
        addNorms(chart, "tanh, Xavier", softmax.withHidden(Activation.TANH).withInit(Init.XAVIER), deep);
        addNorms(chart, "ReLU, N(0,1)", softmax.withHidden(Activation.RELU), deep);
        addNorms(chart, "ReLU, He", softmax.withHidden(Activation.RELU).withInit(Init.HE), deep);
        Charts.save(chart, images, "ch04-gradient-norms");
    }

    private static void addNorms(XYChart chart, String name, Network.Design design, int[] sizes) {
        double[] norms = Depth.gradientNorms(design, 1L, sizes);
        chart.addSeries(name, count(1, norms.length), norms);
    }

    /** The error per epoch of the text's 2-3-1 XOR network, trained with cross-entropy and with the quadratic cost. */
    private static void xorTraining(Path images) throws Exception {
        Network.Design tanh = Network.Design.DEFAULT.withHidden(Activation.TANH).withInit(Init.XAVIER);
        XYChart chart = Charts.lines("Learning XOR with a 2-3-1 network (η = 0.5, same start)", "epoch", "mean of ½(a − y)² over the 4 points");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);   // below the curves
        for (Cost cost : new Cost[] {Cost.CROSS_ENTROPY, Cost.QUADRATIC}) {
            double[] errors = Xor.errorCurve(new Network(tanh.withCost(cost), 1L, 2, 3, 1), 2000, 0.5, 1L);
            chart.addSeries("trained with " + (cost == Cost.CROSS_ENTROPY ? "cross-entropy" : "the quadratic cost"),
                    count(0, errors.length), errors);
        }
        Charts.save(chart, images, "ch04-xor-training");
    }

    /** Multiply-adds of one gradient by backprop and by central differences, against D. */
    private static void backpropCost(Path images) throws Exception {
        int[] widths = {4, 6, 8, 12, 16, 24, 32};
        double[] d = new double[widths.length];
        double[] backprop = new double[widths.length];
        double[] numeric = new double[widths.length];
        for (int i = 0; i < widths.length; i++) {
            int w = widths[i];
            BackpropCost.Row row = BackpropCost.measure(w, w, w, w);
            d[i] = row.parameters();
            backprop[i] = row.backprop();
            numeric[i] = row.numeric();
        }
        XYChart chart = Charts.lines("The work of one gradient", "parameters D", "multiply-adds");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.addSeries("central differences, O(D²)", d, numeric);
        chart.addSeries("backprop, O(D)", d, backprop);
        Charts.save(chart, images, "ch04-backprop-cost");
    }

    private static double[] count(int from, int n) {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = from + i;
        }
        return xs;
    }
}
