package kuibu.docs.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chapter 5's measured figures, for the book: the reports that {@code kuibu-mnist.jar measure} wrote
 * in the main job, turned into AsciiDoc attributes ({@code mnist-measurements.adoc}) and the speed
 * table ({@code mnist-speed-table.adoc}), both in the book's work folder.
 *
 * <p>Reports older than the jar that would have made them belong to other code and are not used.
 * Without usable reports (./mvnw verify does not run the main job's training) the attribute
 * {@code mnist-unmeasured} is set, every figure reads "not measured", and the chapter says how to
 * measure them.
 */
public final class MnistMeasurements {

    static final String NOT_MEASURED = "(not measured in this build)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new ArrayList<>();

    private MnistMeasurements() {}

    /**
     * The folder of the main job's reports under the project {@code root}, if they are all there and
     * not older than the jar that made them; else null.
     */
    public static Path freshReports(Path root) throws IOException {
        Path reports = root.resolve("chapter05-mnist/target/measurements");
        return fresh(reports, root.resolve("chapter05-mnist/target/kuibu-mnist.jar")) ? reports : null;
    }

    /** Writes the two files into {@code work}; returns whether real measurements were found. */
    static boolean write(Path root, Path work) throws IOException {
        Path reports = freshReports(root);
        MnistMeasurements m = new MnistMeasurements();
        String table;
        if (reports != null) {
            try {
                table = m.measured(reports);
            } catch (IllegalArgumentException e) {
                throw new IOException(reports + ": " + e.getMessage()
                        + " (written by another version? run the main job again, or delete the folder)", e);
            }
        } else {
            m.unmeasured();
            table = "";
        }
        Files.writeString(work.resolve("mnist-measurements.adoc"), String.join("\n", m.lines) + "\n", StandardCharsets.UTF_8);
        Files.writeString(work.resolve("mnist-speed-table.adoc"), table, StandardCharsets.UTF_8);
        return !table.isEmpty();
    }

    static final List<String> FILES = List.of("nielsen-seed1.json", "nielsen-seed2.json", "nielsen-seed3.json",
            "best.json", "best-model.json", "bench.json");

    private static boolean fresh(Path reports, Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        for (String name : FILES) {
            Path report = reports.resolve(name);
            if (!Files.isRegularFile(report)
                    || Files.getLastModifiedTime(report).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                return false;
            }
        }
        return true;
    }

    private void attribute(String name, String value) {
        lines.add(":" + name + ": " + value);
    }

    private void unmeasured() {
        attribute("mnist-unmeasured", "");
        for (String name : List.of("mnist-measured-on", "mnist-nielsen-seed1-first", "mnist-nielsen-seed1-last",
                "mnist-nielsen-seed2-first", "mnist-nielsen-seed2-last", "mnist-nielsen-seed3-first",
                "mnist-nielsen-seed3-last", "mnist-nielsen-mean-last", "mnist-best-test", "mnist-best-validation",
                "mnist-best-seconds", "mnist-best-epochs", "mnist-best-threads", "mnist-heap", "mnist-bench-epochs",
                "mnist-nielsen-per-sample", "mnist-nielsen-matrix", "mnist-nielsen-matrix-speedup",
                "mnist-modern-per-sample", "mnist-modern-matrix", "mnist-modern-matrix-speedup",
                "mnist-nielsen-vs-numpy", "mnist-modern-vs-numpy")) {
            attribute(name, NOT_MEASURED);
        }
    }

    private String measured(Path reports) throws IOException {
        attribute("mnist-measured", "");
        JsonNode bench = read(reports.resolve("bench.json"));
        attribute("mnist-measured-on", text(bench, "date").substring(0, 10) + ", on " + (int) number(bench, "cores")
                + " cores with Java " + text(bench, "java") + " (" + text(bench, "vm") + ")");
        attribute("mnist-heap", Math.round(number(bench, "max_heap_bytes") / (1024.0 * 1024)) + " MB");
        attribute("mnist-bench-epochs", String.valueOf((int) number(bench, "epochs")));
        double sum = 0;
        for (int seed = 1; seed <= 3; seed++) {
            JsonNode run = read(reports.resolve("nielsen-seed" + seed + ".json"));
            JsonNode epochs = run.path("epochs");
            attribute("mnist-nielsen-seed" + seed + "-first", percent(number(epochs.path(0), "test_accuracy")));
            attribute("mnist-nielsen-seed" + seed + "-last", percent(number(run, "test_accuracy")));
            sum += number(run, "test_accuracy");
        }
        attribute("mnist-nielsen-mean-last", percent(sum / 3));
        JsonNode best = read(reports.resolve("best.json"));
        JsonNode bestEpochs = best.path("epochs");
        double seconds = 0;
        for (JsonNode e : bestEpochs) {
            seconds += number(e, "seconds");
        }
        attribute("mnist-best-test", percent(number(best, "test_accuracy")));
        JsonNode lastEpoch = bestEpochs.path(bestEpochs.size() - 1);
        attribute("mnist-best-validation", lastEpoch.path("validation_accuracy").isNull() ? "no validation set"
                : percent(number(lastEpoch, "validation_accuracy")));
        attribute("mnist-best-seconds", String.format(Locale.ROOT, "%.1f s", seconds));
        attribute("mnist-best-epochs", String.valueOf(bestEpochs.size()));
        attribute("mnist-best-threads", String.valueOf((int) number(best, "threads")));

        boolean comparedWithNumpy = true;
        StringBuilder table = new StringBuilder();
        table.append("[cols=\"3,2,2,2,2\",options=\"header\"]\n|===\n")
                .append("| recipe | Kuibu, 1 thread | Kuibu, 2 threads | numpy, 1 thread | numpy, 2 threads\n");
        for (JsonNode recipe : bench.path("recipes")) {
            String name = text(recipe, "name");
            double perSample = number(recipe, "per_sample_samples_per_second");
            double matrix = number(recipe, "matrix_form_samples_per_second");
            attribute("mnist-" + name + "-per-sample", count(perSample));
            attribute("mnist-" + name + "-matrix", count(matrix));
            attribute("mnist-" + name + "-matrix-speedup", String.format(Locale.ROOT, "%.1f", matrix / perSample));
            table.append("| ").append(name.equals("nielsen") ? "Nielsen's" : name).append(": ").append(describe(recipe));
            double bestKuibu = 0;
            for (int threads = 1; threads <= 2; threads++) {
                double speed = speed(recipe.path("kuibu"), null, threads);
                bestKuibu = Math.max(bestKuibu, Double.isNaN(speed) ? 0 : speed);
                table.append(" | ").append(Double.isNaN(speed) ? "—" : count(speed));
            }
            double bestNumpy = 0;
            for (int threads = 1; threads <= 2; threads++) {
                double speed = speed(recipe.path("peers"), "numpy", threads);
                bestNumpy = Math.max(bestNumpy, Double.isNaN(speed) ? 0 : speed);
                table.append(" | ").append(Double.isNaN(speed) ? "not run" : count(speed));
            }
            table.append('\n');
            attribute("mnist-" + name + "-vs-numpy", bestNumpy == 0 ? "(not measured: no numpy peer in this build)"
                    : String.format(Locale.ROOT, "%.2f", bestKuibu / bestNumpy));
            comparedWithNumpy &= bestNumpy > 0;
        }
        table.append("|===\n");
        if (comparedWithNumpy) {
            attribute("mnist-peers", "");
        }
        return table.toString();
    }

    private static String describe(JsonNode recipe) {
        List<String> sizes = new ArrayList<>();
        recipe.path("sizes").forEach(n -> sizes.add(n.asText()));
        return String.join("-", sizes) + " (" + text(recipe, "activation") + "), " + text(recipe, "output") + " output, "
                + text(recipe, "cost") + " cost, batch " + (int) number(recipe, "batch") + ", "
                + count(number(recipe, "train_size")) + " images";
    }

    /** The samples/s of the entry with this many threads (and this peer), NaN if there is none. */
    private static double speed(JsonNode entries, String peer, int threads) {
        for (JsonNode e : entries) {
            if ((peer == null || peer.equals(e.path("peer").asText())) && e.path("threads").asInt() == threads) {
                return number(e, "samples_per_second");
            }
        }
        return Double.NaN;
    }

    private static JsonNode read(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a readable report: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        if (!node.path(field).isTextual()) {
            throw new IllegalArgumentException("expected text in \"" + field + "\", got " + node.path(field));
        }
        return node.path(field).asText();
    }

    private static double number(JsonNode node, String field) {
        if (!node.path(field).isNumber()) {
            throw new IllegalArgumentException("expected a number in \"" + field + "\", got " + node.path(field));
        }
        return node.path(field).asDouble();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }
}
