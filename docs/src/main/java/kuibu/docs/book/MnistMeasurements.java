package kuibu.docs.book;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kuibu.mnist.tool.Reports;

/**
 * Chapter 5's measured figures, for the book: the reports that {@code kuibu-mnist.jar measure} wrote
 * in the main job, turned into AsciiDoc attributes ({@code mnist-measurements.adoc}) and the speed
 * table ({@code mnist-speed-table.adoc}), both in the book's work folder.
 *
 * <p>A report counts only if it carries the fingerprint of the classes in the jar now: measured by other code,
 * it says nothing about this code.
 * Without usable reports (./mvnw verify does not run the main job's training) the attribute
 * {@code mnist-unmeasured} is set, every figure reads "not measured", and the chapter says how to
 * measure them. Without MNIST, {@code mnist-generated} is set: the chapter's figures then show generated
 * digits, and the text says so.
 */
public final class MnistMeasurements {

    static final String NOT_MEASURED = "(not measured in this build)";

    private final List<String> lines = new ArrayList<>();

    private MnistMeasurements() {}

    /**
     * The folder of the main job's reports under the project {@code root}, if they are all there and were
     * measured with the code the jar holds now (each report carries the fingerprint of the classes that
     * wrote it); else null. A rebuild of unchanged code keeps them valid, a change of code does not.
     */
    public static Path freshReports(Path root) throws IOException {
        Path reports = root.resolve("chapter05-mnist/target/measurements");
        Path jar = root.resolve("chapter05-mnist/target/kuibu-mnist.jar");
        if (!Files.isRegularFile(jar)) {
            return null;
        }
        for (String name : FILES) {
            if (!Files.isRegularFile(reports.resolve(name))) {
                return null;
            }
        }
        String code = Reports.fingerprint(jar);
        try {
            for (int seed = 1; seed <= 3; seed++) {
                if (!code.equals(Reports.read(reports.resolve("nielsen-seed" + seed + ".json"), Reports.TrainReport.class).code())) {
                    return null;
                }
            }
            if (!code.equals(Reports.read(reports.resolve("best.json"), Reports.TrainReport.class).code())
                    || !code.equals(Reports.read(reports.resolve("bench.json"), Reports.BenchReport.class).code())) {
                return null;
            }
        } catch (RuntimeException e) {
            return null;   // a report of another version's format: measured by other code
        }
        return reports;
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
        boolean found = kuibu.mnist.data.Mnist.isComplete(kuibu.mnist.data.Mnist.directory(null));
        m.data(found);
        if (found && reports != null) {
            m.attribute("mnist-full-runs", "");   // Chapter05Figures draws the main job's runs then
        }
        Files.writeString(work.resolve("mnist-measurements.adoc"), String.join("\n", m.lines) + "\n", StandardCharsets.UTF_8);
        Files.writeString(work.resolve("mnist-speed-table.adoc"), table, StandardCharsets.UTF_8);
        return !table.isEmpty();
    }

    static final List<String> FILES = List.of("nielsen-seed1.json", "nielsen-seed2.json", "nielsen-seed3.json",
            "best.json", "best-model.json", "bench.json");

    private void attribute(String name, String value) {
        lines.add(":" + name + ": " + value);
    }

    /**
     * What chapter 5's figures are drawn from: the figures' step ({@code Chapter05Figures}) uses MNIST where
     * this build finds it, else generated stand-in digits. Sets {@code mnist-data} or {@code mnist-generated},
     * so that the text can say which, and {@code mnist-source} for the figures' captions. With MNIST and the main
     * job's reports, the figures show its full runs, and {@code mnist-full-runs} is set.
     */
    private void data(boolean found) {
        attribute(found ? "mnist-data" : "mnist-generated", "");
        attribute("mnist-source", found ? "MNIST"
                : "generated stand-in digits, not MNIST (MNIST was not found when this book was built)");
    }

    private void unmeasured() {
        attribute("mnist-unmeasured", "");
        for (String name : List.of("mnist-measured-on", "mnist-nielsen-seed1-first", "mnist-nielsen-seed1-last",
                "mnist-nielsen-seed2-first", "mnist-nielsen-seed2-last", "mnist-nielsen-seed3-first",
                "mnist-nielsen-seed3-last", "mnist-nielsen-mean-last", "mnist-best-test", "mnist-best-validation",
                "mnist-best-seconds", "mnist-best-epochs", "mnist-heap", "mnist-bench-epochs",
                "mnist-nielsen-per-sample", "mnist-nielsen-matrix", "mnist-nielsen-matrix-speedup",
                "mnist-modern-per-sample", "mnist-modern-matrix", "mnist-modern-matrix-speedup",
                "mnist-nielsen-vs-numpy", "mnist-modern-vs-numpy", "mnist-nielsen-lesson-vs-numpy",
                "mnist-modern-lesson-vs-numpy", "mnist-nielsen-fast-vs-lesson", "mnist-modern-fast-vs-lesson")) {
            attribute(name, NOT_MEASURED);
        }
    }

    private String measured(Path reports) {
        attribute("mnist-measured", "");
        Reports.BenchReport bench = Reports.read(reports.resolve("bench.json"), Reports.BenchReport.class);
        attribute("mnist-measured-on", bench.date().substring(0, 10) + ", on " + bench.cores() + " cores with Java "
                + bench.java() + " (" + bench.vm() + ")");
        attribute("mnist-heap", Math.round(bench.maxHeapBytes() / (1024.0 * 1024)) + " MB");
        attribute("mnist-bench-epochs", String.valueOf(bench.epochs()));
        double sum = 0;
        for (int seed = 1; seed <= 3; seed++) {
            Reports.TrainReport run = Reports.read(reports.resolve("nielsen-seed" + seed + ".json"), Reports.TrainReport.class);
            String file = "nielsen-seed" + seed + ".json";
            attribute("mnist-nielsen-seed" + seed + "-first", percent(require(run.epochs().get(0).testAccuracy(), file, "test_accuracy")));
            attribute("mnist-nielsen-seed" + seed + "-last", percent(require(run.testAccuracy(), file, "test_accuracy")));
            sum += run.testAccuracy();
        }
        attribute("mnist-nielsen-mean-last", percent(sum / 3));
        Reports.TrainReport best = Reports.read(reports.resolve("best.json"), Reports.TrainReport.class);
        attribute("mnist-best-test", percent(require(best.testAccuracy(), "best.json", "test_accuracy")));
        Reports.EpochFigures lastEpoch = best.epochs().get(best.epochs().size() - 1);
        attribute("mnist-best-validation", lastEpoch.validationAccuracy() == null ? "no validation set"
                : percent(lastEpoch.validationAccuracy()));
        attribute("mnist-best-seconds", String.format(Locale.ROOT, "%.1f s",
                best.epochs().stream().mapToDouble(Reports.EpochFigures::seconds).sum()));
        attribute("mnist-best-epochs", String.valueOf(best.epochs().size()));

        boolean comparedWithNumpy = true;
        StringBuilder table = new StringBuilder();
        table.append("[cols=\"3,2,2,2,2,2\",options=\"header\"]\n|===\n")
                .append("| recipe | lesson's engine | fast engine, 1 thread | fast engine, 2 threads | numpy, 1 thread"
                        + " | numpy, 2 threads\n");
        for (Reports.BenchRecipe recipe : bench.recipes()) {
            String name = recipe.name();
            attribute("mnist-" + name + "-per-sample", count(recipe.perSampleSamplesPerSecond()));
            attribute("mnist-" + name + "-matrix", count(recipe.matrixFormSamplesPerSecond()));
            attribute("mnist-" + name + "-matrix-speedup", String.format(Locale.ROOT, "%.1f",
                    recipe.matrixFormSamplesPerSecond() / recipe.perSampleSamplesPerSecond()));
            table.append("| ").append(name.equals("nielsen") ? "Nielsen's" : name).append(": ").append(recipe.description())
                    .append(", ").append(count(recipe.trainSize())).append(" images");
            double lesson = speed(recipe, "lesson", 1);
            table.append(" | ").append(Double.isNaN(lesson) ? "—" : count(lesson));
            double bestFast = 0;
            for (int threads = 1; threads <= 2; threads++) {
                double speed = speed(recipe, "fast", threads);
                bestFast = Math.max(bestFast, Double.isNaN(speed) ? 0 : speed);
                table.append(" | ").append(Double.isNaN(speed) ? "—" : count(speed));
            }
            double bestNumpy = 0;
            for (int threads = 1; threads <= 2; threads++) {
                double speed = numpy(recipe, threads);
                bestNumpy = Math.max(bestNumpy, Double.isNaN(speed) ? 0 : speed);
                table.append(" | ").append(Double.isNaN(speed) ? "not run" : count(speed));
            }
            table.append('\n');
            String noNumpy = "(not measured: no numpy peer in this build)";
            attribute("mnist-" + name + "-vs-numpy", bestNumpy == 0 ? noNumpy : String.format(Locale.ROOT, "%.2f", bestFast / bestNumpy));
            attribute("mnist-" + name + "-lesson-vs-numpy", bestNumpy == 0 || Double.isNaN(lesson) ? noNumpy
                    : String.format(Locale.ROOT, "%.2f", lesson / bestNumpy));
            attribute("mnist-" + name + "-fast-vs-lesson", Double.isNaN(lesson) ? NOT_MEASURED
                    : String.format(Locale.ROOT, "%.1f", bestFast / lesson));
            comparedWithNumpy &= bestNumpy > 0;
        }
        table.append("|===\n");
        if (comparedWithNumpy) {
            attribute("mnist-peers", "");
        }
        return table.toString();
    }

    /** {@code value}, or an error naming the report and the figure it lacks. */
    private static double require(Double value, String file, String field) {
        if (value == null) {
            throw new IllegalArgumentException(file + ": no \"" + field + "\"");
        }
        return value;
    }

    /** The samples/s of this engine with this many threads, NaN if it was not run. */
    private static double speed(Reports.BenchRecipe recipe, String engine, int threads) {
        return recipe.kuibu().stream().filter(s -> s.engine().equals(engine) && s.threads() == threads)
                .mapToDouble(Reports.Speed::samplesPerSecond).findFirst().orElse(Double.NaN);
    }

    /** The numpy peer's samples/s with this many threads, NaN if it was not run. */
    private static double numpy(Reports.BenchRecipe recipe, int threads) {
        return recipe.peers().stream().filter(p -> p.peer().equals("numpy") && p.threads() == threads)
                .mapToDouble(Reports.PeerSpeed::samplesPerSecond).findFirst().orElse(Double.NaN);
    }

     private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }
}
