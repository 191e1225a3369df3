package kuibu.docs.figures;

import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import kuibu.neuron.Activation;
import kuibu.neuron.Cost;
import kuibu.neuron.Datasets;
import kuibu.neuron.Experiments;
import kuibu.neuron.Trainer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** Chapter 3's figures: the activations and their slopes, the learning slowdown, and different starts. */
final class Chapter03Figures {

    private Chapter03Figures() {}

    static void render(Path images) throws Exception {
        activations(images);
        learningSlowdown(images);
        initialWeights(images);
    }

    private static void activations(Path images) throws Exception {
        XYChart values = Charts.lines("The sigmoid, tanh and ReLU", "z", "activation of z");
        XYChart slopes = Charts.lines("Their derivatives", "z", "derivative at z");
        for (XYChart chart : new XYChart[] {values, slopes}) {
            dense(chart).setLegendPosition(Styler.LegendPosition.InsideNW);
        }
        values.getStyler().setYAxisMin(-1.5);
        values.getStyler().setYAxisMax(5.0);   // ReLU(5) = 5: every curve stays inside the plot
        slopes.getStyler().setYAxisMin(-0.1);
        slopes.getStyler().setYAxisMax(1.1);
        double[] z = range(-5, 5, 401);
        for (Activation a : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.RELU}) {
            String name = a.name().toLowerCase();
            values.addSeries(name, z, map(z, a::value));
            slopes.addSeries(name + "'", z, map(z, a::derivative));
        }
        Charts.save(values, images, "ch03-activations");
        Charts.save(slopes, images, "ch03-activation-derivatives");
    }

    private static void learningSlowdown(Path images) throws Exception {
        int epochs = 300;
        XYChart chart = Charts.lines("Output of a saturated neuron learning the target 0 (η = 0.15)", "epoch", "output a");
        dense(chart);
        double[] epoch = range(0, epochs, epochs + 1);
        for (Cost cost : Cost.values()) {
            chart.addSeries(cost == Cost.QUADRATIC ? "quadratic cost" : "cross-entropy cost", epoch,
                    Experiments.slowdown(cost, epochs).outputs(new double[] {1}));
        }
        Charts.save(chart, images, "ch03-learning-slowdown");
    }

    private static void initialWeights(Path images) throws Exception {
        int epochs = 600;
        XYChart chart = Charts.lines("Learning AND from different starts (quadratic cost, η = 2)", "epoch", "average cost");
        dense(chart);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(0.6);   // room for the legend above the highest plateau
        double[] epoch = range(0, epochs, epochs + 1);
        for (double[] start : Experiments.STARTS) {
            Trainer.Training training = Experiments.andFrom(start, epochs);
            chart.addSeries(String.format("w = (%.0f, %.0f), b = %.0f", start[0], start[1], start[2]), epoch,
                    training.costs(Datasets.and(), Cost.QUADRATIC));
        }
        Charts.save(chart, images, "ch03-initial-weights");
    }

    /** Curves of hundreds of points: lines without markers, and fewer ticks on the x axis. */
    private static XYStyler dense(XYChart chart) {
        XYStyler styler = chart.getStyler();
        styler.setMarkerSize(0);
        styler.setXAxisTickMarkSpacingHint(120);
        return styler;
    }

    private static double[] range(double from, double to, int n) {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = from + (to - from) * i / (n - 1);
        }
        return xs;
    }

    private static double[] map(double[] xs, DoubleUnaryOperator f) {
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = f.applyAsDouble(xs[i]);
        }
        return ys;
    }
}
