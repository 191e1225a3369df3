package kuibu.docs.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** One look for every chart of the book, and one way to save it. */
public final class Charts {

    /**
     * Width and height of a chart in CSS pixels: about the book's column at 1280 px, so that its fonts
     * are shown at about their size there. The file has twice as many pixels (sharp on high-density
     * screens and when a phone's reader zooms in).
     */
    static final int WIDTH = 720;
    static final int HEIGHT = 440;

    /** Pixels per CSS pixel of the saved file. */
    static final int DENSITY = 2;

    static final int TITLE_SIZE = 17;

    private Charts() {}

    /** An empty line chart with the book's style. */
    public static XYChart lines(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        // XChart centres the title over the plot, which leaves the axis titles and ticks on the left
        styler.setChartTitleFont(titleFont(title, WIDTH - 120));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setPlotGridLinesStroke(new BasicStroke(0.5f));
        return chart;
    }

    /** The book's bold title font, made smaller where that is needed for {@code title} to fit {@code width} pixels. */
    static Font titleFont(String title, int width) {
        FontRenderContext context = new FontRenderContext(null, true, true);
        for (int size = TITLE_SIZE; ; size--) {
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
            if (size <= 11 || font.getStringBounds(title, context).getWidth() <= width) {
                return font;
            }
        }
    }

    /** Writes {@code chart} as {@code dir/name.png}, at {@link #DENSITY} pixels per CSS pixel. */
    public static void save(Chart<?, ?> chart, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        if (chart instanceof XYChart xy) {
            roundTicks(xy);
            // 0.05 rather than .05, and 1,000; logarithmic axes keep XChart's 1E-4
            if (!xy.getStyler().isXAxisLogarithmic() && xy.getStyler().getXAxisDecimalPattern() == null) {
                xy.getStyler().setXAxisDecimalPattern("#,##0.###");
            }
            if (!xy.getStyler().isYAxisLogarithmic() && xy.getStyler().getYAxisDecimalPattern() == null) {
                xy.getStyler().setYAxisDecimalPattern("#,##0.###");
            }
        }
        BitmapEncoder.saveBitmapWithDPI(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG, 72 * DENSITY);
    }

    /**
     * XChart puts the ticks of a linear x axis whose values are equally spaced at every n-th value, which
     * gives steps such as 0, 11, 22 or −5, −4.6, −4.2. One point off that grid, drawn nowhere, makes it
     * choose round steps (1, 2 or 5 times a power of ten) instead.
     */
    private static void roundTicks(XYChart chart) {
        if (chart.getStyler().isXAxisLogarithmic() || chart.getSeriesCollection().isEmpty()) {
            return;
        }
        XYSeries first = chart.getSeriesCollection().iterator().next();
        double[] x = first.getXData();
        double[] y = first.getYData();
        if (x.length < 2) {
            return;
        }
        XYSeries offGrid = chart.addSeries(" ", new double[] {x[0] + (x[1] - x[0]) / Math.PI}, new double[] {y[0]});
        offGrid.setShowInLegend(false);
        offGrid.setMarker(SeriesMarkers.NONE);
        offGrid.setLineStyle(SeriesLines.NONE);
    }
}
