package kuibu.docs.figures;

import java.nio.file.Path;
import java.util.List;
import kuibu.derivatives.Functions;
import kuibu.derivatives.GradientDescent;
import kuibu.derivatives.StepSizes;
import org.knowm.xchart.XYChart;

/** Chapter 1's figures: the error of difference quotients against h, and descent paths. */
final class Chapter01Figures {

    private Chapter01Figures() {}

    static void render(Path images) throws Exception {
        errorVersusStep(images);
        descentPaths(images);
        bowlPaths(images);
    }

    private static void errorVersusStep(Path images) throws Exception {
        List<StepSizes.Row> rows = StepSizes.errors(Math::sin, Math::cos, 1.0, StepSizes.powersOfTen(15));
        XYChart chart = Charts.lines("Error of the slope of sin at x = 1", "step h", "absolute error");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        double[] h = rows.stream().mapToDouble(StepSizes.Row::h).toArray();
        chart.addSeries("forward difference", h, floor(rows.stream().mapToDouble(StepSizes.Row::forwardError).toArray()));
        chart.addSeries("central difference", h, floor(rows.stream().mapToDouble(StepSizes.Row::centralError).toArray()));
        Charts.save(chart, images, "ch01-error-vs-h");
    }

    private static void descentPaths(Path images) throws Exception {
        XYChart chart = Charts.lines("Gradient descent on f(x) = x², from x = 3", "step", "x");
        for (double eta : new double[] {0.01, 0.1, 0.9, 1.0}) {
            GradientDescent.Descent descent = GradientDescent.descend(x -> 2 * x, 3.0, eta, 1e-6, 40);
            double[] xs = descent.path().stream().mapToDouble(p -> p[0]).toArray();
            double[] steps = new double[xs.length];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = i;
            }
            chart.addSeries("η = " + eta, steps, xs);
        }
        Charts.save(chart, images, "ch01-descent-eta");
    }

    private static void bowlPaths(Path images) throws Exception {
        XYChart chart = Charts.lines("Gradient descent on x² + 10y², from (3, 1)", "x", "y");
        // the paths start at the top right and end at the origin: the top left is free for the legend
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        for (double eta : new double[] {0.02, 0.09}) {
            GradientDescent.Descent descent = GradientDescent.descend(Functions::bowlGradient, new double[] {3, 1}, eta, 1e-3, 60);
            chart.addSeries("η = " + eta,
                    descent.path().stream().mapToDouble(p -> p[0]).toArray(),
                    descent.path().stream().mapToDouble(p -> p[1]).toArray());
        }
        Charts.save(chart, images, "ch01-bowl-paths");
    }

    /** Log axes cannot show an error of exactly 0: show it at the smallest double-precision step instead. */
    private static double[] floor(double[] errors) {
        for (int i = 0; i < errors.length; i++) {
            errors[i] = Math.max(errors[i], 1e-17);
        }
        return errors;
    }
}
