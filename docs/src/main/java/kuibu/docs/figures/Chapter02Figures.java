package kuibu.docs.figures;

import java.nio.file.Path;
import kuibu.chainrule.LayeredGraph;
import org.knowm.xchart.XYChart;

/** Chapter 2's figure: the multiplications a gradient costs, path by path, forward and reverse mode. */
final class Chapter02Figures {

    private Chapter02Figures() {}

    static void render(Path images) throws Exception {
        multiplications(images);
    }

    private static void multiplications(Path images) throws Exception {
        int maxDepth = 10;
        double[] depth = new double[maxDepth];
        double[] paths = new double[maxDepth];
        double[] forward = new double[maxDepth];
        double[] reverse = new double[maxDepth];
        for (int d = 1; d <= maxDepth; d++) {
            LayeredGraph graph = new LayeredGraph(3, d, 42);
            depth[d - 1] = d;
            paths[d - 1] = graph.pathByPath().multiplications();
            forward[d - 1] = graph.forwardMode().multiplications();
            reverse[d - 1] = graph.reverseMode().multiplications();
        }
        XYChart chart = Charts.lines("Multiplications for the gradient of a layered graph (width 3)", "depth D", "multiplications");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.addSeries("path by path", depth, paths);
        chart.addSeries("forward mode", depth, forward);
        chart.addSeries("reverse mode (backpropagation)", depth, reverse);
        Charts.save(chart, images, "ch02-multiplications");
    }
}
