package kuibu.docs.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.docs.book.MnistMeasurements;
import kuibu.mnist.Evaluation;
import kuibu.mnist.Network;
import kuibu.mnist.Recipe;
import kuibu.mnist.Trainer;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.Mnist;
import kuibu.mnist.tool.ModelFile;
import kuibu.mnist.tool.Reports;
import kuibu.neuron.Activation;
import org.knowm.xchart.XYChart;

/**
 * Chapter 5's figures: a grid of digits, training curves, the confusion matrix and the misclassified
 * digits. From the real MNIST when the build finds it ({@code KUIBU_MNIST_DIR}, else the user cache
 * the tool downloads to); otherwise from generated stand-in digits, and every figure's title says
 * which. Where the main job measured the chapter ({@code kuibu-mnist.jar measure}), the curves are
 * its full runs and the confusion matrix and mistakes are those of its ≥ 98% network; otherwise the
 * build trains two small networks for a few seconds.
 *
 * <p>Also writes the network of the drawing pad ({@link DigitPadModel}): the main job's best network when its
 * reports are fresh, else the 784-100-10 trained here.
 */
final class Chapter05Figures {

    private static final int SCALE = 3;

    private Chapter05Figures() {}

    static void render(Path images, Path root) throws Exception {
        Path dir = Mnist.directory(null);
        if (!Mnist.isComplete(dir)) {
            dir = null;
        }
        Mnist mnist = Mnist.orGenerated(dir, 6000, 2000);
        String source = dir != null ? "MNIST" : "generated digits (no MNIST at build time)";
        Files.createDirectories(images);
        digitGrid(images, mnist.train(), source);
        overfitting(images, mnist, dir != null, source);

        Path reports = dir != null ? MnistMeasurements.freshReports(root) : null;
        if (reports != null) {
            // the main job's runs on the full training set, and its best network
            trainingCurves(images, "Test accuracy per epoch, full runs on MNIST",
                    "Nielsen's recipe: 784-30-10 sigmoid, η = 3", epochs(reports.resolve("nielsen-seed1.json")),
                    "≥ 98% recipe: 784-256-10 ReLU, softmax, λ = 5", epochs(reports.resolve("best.json")));
            Network best = ModelFile.load(reports.resolve("best-model.json"));
            Evaluation evaluation = Evaluation.of(best, mnist.test());
            confusion(images, evaluation, "784-256-10", source);
            mistakes(images, mnist.test(), evaluation, "784-256-10", source);
            DigitPadModel.write(interactive(images), best,
                    "The chapter's best network, trained by the main job on MNIST's training images.", mnist.test(),
                    "MNIST test images");
            return;
        }
        // Short trainings (a few seconds each): Nielsen's recipe and a modern one on 10,000 images.
        Dataset train = mnist.training().first(10_000);
        Network nielsen = Recipe.NIELSEN.network(1);
        List<Trainer.Epoch> nielsenEpochs = Trainer.train(nielsen, train, null, mnist.test(),
                new Trainer.Options(8, Recipe.NIELSEN.batch(), Recipe.NIELSEN.eta(), 0, 1), null);
        Network modern = Recipe.QUICK.network(1);
        List<Trainer.Epoch> modernEpochs = Trainer.train(modern, train, null, mnist.test(),
                new Trainer.Options(8, 10, Recipe.QUICK.eta(), 5, 1), null);
        trainingCurves(images, String.format("Test accuracy per epoch, %,d training images of %s", train.size(), source),
                "784-30-10 sigmoid, quadratic, η = 3", curve(nielsenEpochs),
                "784-100-10 ReLU, softmax, λ = 5, η = 0.1", curve(modernEpochs));

        Evaluation evaluation = Evaluation.of(modern, mnist.test());
        confusion(images, evaluation, "784-100-10", source);
        mistakes(images, mnist.test(), evaluation, "784-100-10", source);
        Path measured = dir == null ? MnistMeasurements.freshReports(root) : null;
        if (measured != null) {
            // the main job's best network is there even though MNIST is not: the pad takes the better network
            DigitPadModel.write(interactive(images), ModelFile.load(measured.resolve("best-model.json")),
                    "The chapter's best network, trained by the main job on MNIST's training images (MNIST was not"
                            + " found when this book was built, so it is scored on generated digits here).",
                    mnist.test(), "generated test digits");
            return;
        }
        DigitPadModel.write(interactive(images), modern, dir != null
                ? String.format(java.util.Locale.ROOT, "Trained by this build of the book, %d epochs on %,d MNIST images, for a few seconds"
                        + " (the main job's best network was not there to use).", modernEpochs.size(), train.size())
                : String.format(java.util.Locale.ROOT, "MNIST was not found when this book was built, so this network was trained, %d epochs"
                        + " for a few seconds, on %,d generated digits: it has never seen a handwritten digit, so expect"
                        + " it to misread yours.", modernEpochs.size(), train.size()),
                mnist.test(), dir != null ? "MNIST test images" : "generated test digits",
                dir != null ? null : "This network was trained on generated digits only: MNIST was not found when this book was built.");
    }

    /** The folder beside images/ for the book's interactive parts: chapter 5's drawing pad reads its model there. */
    private static Path interactive(Path images) {
        return images.toAbsolutePath().normalize().resolveSibling("interactive");
    }

    private static void digitGrid(Path images, Dataset data, String source) throws IOException {
        int rows = 6;
        int cols = 16;
        int cell = 28 * SCALE + 4;
        int top = 48;
        BufferedImage img = canvas(cols * cell + 4, rows * cell + 4 + top);
        Graphics2D g = graphics(img);
        title(g, "The first " + rows * cols + " training images of " + source, img.getWidth(), top);
        for (int i = 0; i < rows * cols && i < data.size(); i++) {
            drawDigit(img, data, i, 4 + (i % cols) * cell, top + 4 + (i / cols) * cell);
        }
        g.dispose();
        ImageIO.write(img, "png", images.resolve("ch05-digits.png").toFile());
    }

    /**
     * Nielsen's overfitting experiment, shortened: 784-30-10 (sigmoid, cross-entropy, η = 0.5, batches of 10) trained
     * on only 1,000 images for 60 epochs, with and without L2, and its accuracy on those 1,000 and on 2,000 images
     * it never trains on, after every epoch. About ten seconds of training.
     */
    private static void overfitting(Path images, Mnist mnist, boolean real, String source) throws IOException {
        Dataset small = mnist.train().first(1000);
        Dataset validation = real ? mnist.validation().first(2000) : mnist.train().slice(4000, 6000, "generated validation");
        XYChart chart = Charts.lines("1,000 training images and 2,000 others, " + source,
                "epoch", "accuracy (%)");
        for (double lambda : new double[] {0, 1}) {
            Network net = Network.random(new int[] {784, 30, 10}, Activation.SIGMOID, Output.SIGMOID, Cost.CROSS_ENTROPY,
                    Init.STANDARD_NORMAL, 1);
            List<Trainer.Epoch> epochs = Trainer.train(net, small, validation, small, new Trainer.Options(60, 10, 0.5, lambda, 1), null);
            double[] x = epochs.stream().mapToDouble(Trainer.Epoch::epoch).toArray();
            double[] training = epochs.stream().mapToDouble(e -> 100 * e.testAccuracy()).toArray();
            double[] held = epochs.stream().mapToDouble(e -> 100 * e.validationAccuracy()).toArray();
            int best = 0;
            for (int e = 1; e < held.length; e++) {
                best = held[e] > held[best] ? e : best;
            }
            String name = lambda == 0 ? "λ = 0" : "λ = " + (int) lambda;
            chart.addSeries(String.format("%s, training images: last %.1f%%", name, training[training.length - 1]), x, training);
            chart.addSeries(String.format("%s, other images: last %.1f%%,\n    best %.1f%% at epoch %d", name,
                    held[held.length - 1], held[best], best + 1), x, held);
        }
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        Charts.save(chart, images, "ch05-overfitting");
    }

    private static void trainingCurves(Path images, String title, String firstName, double[][] first,
                                       String secondName, double[][] second) throws IOException {
        XYChart chart = Charts.lines(title, "epoch", "test accuracy (%)");
        chart.addSeries(firstName, first[0], first[1]);
        chart.addSeries(secondName, second[0], second[1]);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        Charts.save(chart, images, "ch05-training");
    }

    /** Epoch numbers and test accuracies in percent. */
    private static double[][] curve(List<Trainer.Epoch> list) {
        return new double[][] {
            list.stream().mapToDouble(Trainer.Epoch::epoch).toArray(),
            list.stream().mapToDouble(e -> 100 * e.testAccuracy()).toArray()};
    }

    /** The same, from a {@code train --report} file. */
    private static double[][] epochs(Path report) {
        List<Reports.EpochFigures> list = Reports.read(report, Reports.TrainReport.class).epochs();
        return new double[][] {
            list.stream().mapToDouble(Reports.EpochFigures::epoch).toArray(),
            list.stream().mapToDouble(e -> 100 * e.testAccuracy()).toArray()};
    }

    private static void confusion(Path images, Evaluation evaluation, String network, String source) throws IOException {
        int cell = 56;
        int left = 70;
        int top = 90;
        BufferedImage img = canvas(left + 10 * cell + 20, top + 10 * cell + 20);
        Graphics2D g = graphics(img);
        title(g, String.format("Confusion matrix, %s on %s: %.2f%% right", network, source, 100 * evaluation.accuracy()),
                img.getWidth(), 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString("guess →", left, top - 32);
        g.drawString("true ↓", 8, top - 10);
        int[][] c = evaluation.confusion();
        int maxOff = 1;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                if (t != p) {
                    maxOff = Math.max(maxOff, c[t][p]);
                }
            }
        }
        for (int d = 0; d < 10; d++) {
            centered(g, String.valueOf(d), left + d * cell + cell / 2, top - 10);
            centered(g, String.valueOf(d), left - 20, top + d * cell + cell / 2 + 5);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                Color fill;
                if (t == p) {
                    fill = new Color(200, 230, 200);
                } else {
                    float share = (float) Math.sqrt(c[t][p] / (double) maxOff);
                    fill = new Color(1f, 1f - 0.6f * share, 1f - 0.6f * share);
                }
                g.setColor(fill);
                g.fillRect(left + p * cell, top + t * cell, cell - 2, cell - 2);
                g.setColor(Color.BLACK);
                centered(g, String.valueOf(c[t][p]), left + p * cell + cell / 2, top + t * cell + cell / 2 + 5);
            }
        }
        g.dispose();
        ImageIO.write(img, "png", images.resolve("ch05-confusion.png").toFile());
    }

    private static void mistakes(Path images, Dataset test, Evaluation evaluation, String network, String source)
            throws IOException {
        int cols = 12;
        int rows = 4;
        int cellW = 28 * SCALE + 8;
        int cellH = 28 * SCALE + 32;
        int top = 44;
        BufferedImage img = canvas(cols * cellW + 8, rows * cellH + top + 8);
        Graphics2D g = graphics(img);
        title(g, "Test images the " + network + " network got wrong (" + source + "): true digit → guess", img.getWidth(), top);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize(15, img.getWidth())));
        int shown = 0;
        for (int i = 0; i < test.size() && shown < rows * cols; i++) {
            int truth = evaluation.truth()[i];
            int guess = evaluation.guesses()[i];
            if (truth == guess) {
                continue;
            }
            int x = 8 + (shown % cols) * cellW;
            int y = top + 4 + (shown / cols) * cellH;
            drawDigit(img, test, i, x, y);
            g.setColor(Color.BLACK);
            centered(g, truth + " → " + guess, x + 14 * SCALE, y + 28 * SCALE + 24);
            shown++;
        }
        g.dispose();
        ImageIO.write(img, "png", images.resolve("ch05-mistakes.png").toFile());
    }

    /** Image i, ink dark on white like on paper, each pixel a SCALE × SCALE square. */
    private static void drawDigit(BufferedImage img, Dataset data, int i, int x0, int y0) {
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                int v = 255 - (int) Math.round(255 * data.pixel(i, r * 28 + c));
                int rgb = v << 16 | v << 8 | v;
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) {
                        img.setRGB(x0 + c * SCALE + dx, y0 + r * SCALE + dy, rgb);
                    }
                }
            }
        }
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        return g;
    }

    /**
     * A bold title centred in the band of height {@code top} above the picture, as large as a chart's title
     * once the picture is shrunk to the book's column, and smaller where that is needed to fit.
     */
    private static void title(Graphics2D g, String text, int width, int top) {
        g.setColor(Color.BLACK);
        Font font = Charts.titleFont(text, width - 16);
        int size = Math.min(fontSize(font.getSize(), width), top - 12);
        g.setFont(font.deriveFont((float) size));
        while (g.getFontMetrics().stringWidth(text) > width - 16 && size > 11) {
            g.setFont(g.getFont().deriveFont((float) --size));
        }
        centered(g, text, width / 2, (top + g.getFontMetrics().getAscent()) / 2);
    }

    /**
     * A picture wider than the column ({@link Charts#WIDTH} CSS pixels) is shown smaller than it is drawn:
     * its text is drawn larger by the same factor, so that it reads at {@code size} there.
     */
    private static int fontSize(int size, int width) {
        return (int) Math.round(size * Math.max(1.0, width / (double) Charts.WIDTH));
    }

    private static void centered(Graphics2D g, String text, int x, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, x - fm.stringWidth(text) / 2, baseline);
    }
}
