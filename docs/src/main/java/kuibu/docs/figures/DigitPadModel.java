package kuibu.docs.figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kuibu.mnist.Evaluation;
import kuibu.mnist.Network;
import kuibu.mnist.data.Dataset;

/**
 * The network behind chapter 5's drawing pad, for the page's JavaScript: {@code interactive/digit-model.js}
 * sets {@code window.kuibuDigitModel} to a model file's JSON (sizes, activation, output, cost, weights[l][j][k],
 * biases[l][j], as {@code kuibu.mnist.tool.ModelFile} writes it) plus a {@code description} the page shows
 * under the pad. A script, not a JSON file: a page opened from disk may run scripts but not fetch files.
 *
 * <p>The weights are rounded to float precision (about half the digits, and an accuracy on the test set
 * that is measured again after rounding); the page and any Java check read the same decimal digits.
 */
final class DigitPadModel {

    static final String FILE = "digit-model.js";

    private DigitPadModel() {}

    /** A copy of {@code net} with every weight and bias rounded to the nearest float. */
    static Network rounded(Network net) {
        Network r = net.copy();
        for (int l = 0; l < r.layers(); l++) {
            for (int j = 0; j < r.size(l + 1); j++) {
                for (int k = 0; k < r.size(l); k++) {
                    r.setWeight(l, j, k, (float) r.weight(l, j, k));
                }
                r.setBias(l, j, (float) r.bias(l, j));
            }
        }
        return r;
    }

    /**
     * Writes the pad's model into {@code dir}: {@code net} rounded, with a description that names the
     * network, says where it comes from ({@code origin}, a sentence) and how many of {@code test} (called {@code testName})
     * it reads right.
     */
    static void write(Path dir, Network net, String origin, Dataset test, String testName) throws IOException {
        write(dir, net, origin, test, testName, null);
    }

    /** The same, with a {@code warning} the pad shows in red beside the drawing (null: none). */
    static void write(Path dir, Network net, String origin, Dataset test, String testName, String warning) throws IOException {
        Network r = rounded(net);
        Evaluation evaluation = Evaluation.of(r, test);
        String sizes = String.join("-", java.util.Arrays.stream(r.sizes()).mapToObj(String::valueOf).toList());
        String description = String.format(Locale.ROOT,
                "The network: %s, %s hidden neurons, %s output. %s It reads %.2f%% of %,d %s right"
                        + " (with its weights rounded to float precision, as this page has them).",
                sizes, r.activation() == kuibu.neuron.Activation.RELU ? "ReLU" : r.activation().id(), r.output().id(), origin, 100 * evaluation.accuracy(), test.size(), testName);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(FILE), script(r, description, warning), StandardCharsets.UTF_8);
    }

    static String script(Network net, String description, String warning) {
        StringBuilder sb = new StringBuilder(24 * (int) net.parameterCount());
        sb.append("/* Written by the book's build (kuibu.docs.figures.DigitPadModel): the network of chapter 5's drawing pad. */\n");
        sb.append("window.kuibuDigitModel = {\"description\": ").append(quote(description));
        if (warning != null) {
            sb.append(", \"warning\": ").append(quote(warning));
        }
        sb.append(",\n\"sizes\": [");
        int[] sizes = net.sizes();
        for (int i = 0; i < sizes.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(sizes[i]);
        }
        sb.append("], \"activation\": ").append(quote(net.activation().id()))
                .append(", \"output\": ").append(quote(net.output().id()))
                .append(", \"cost\": ").append(quote(net.cost().id()))
                .append(",\n\"weights\": [");
        for (int l = 0; l < net.layers(); l++) {
            sb.append(l == 0 ? "\n[" : ",\n[");
            for (int j = 0; j < net.size(l + 1); j++) {
                sb.append(j == 0 ? "[" : ",\n[");
                for (int k = 0; k < net.size(l); k++) {
                    number(sb.append(k == 0 ? "" : ","), net.weight(l, j, k));
                }
                sb.append(']');
            }
            sb.append(']');
        }
        sb.append("],\n\"biases\": [");
        for (int l = 0; l < net.layers(); l++) {
            sb.append(l == 0 ? "[" : ",\n[");
            for (int j = 0; j < net.size(l + 1); j++) {
                number(sb.append(j == 0 ? "" : ","), net.bias(l, j));
            }
            sb.append(']');
        }
        sb.append("]};\n");
        return sb.toString();
    }

    /** The float nearest {@code v} in decimal (valid JSON and JavaScript: "-0.0123", "1.5E-5"). */
    private static void number(StringBuilder sb, double v) {
        float f = (float) v;
        sb.append(f == 0 ? "0" : Float.toString(f));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
