package kuibu.mnist.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kuibu.mnist.Trainer;
import kuibu.mnist.data.DataException;
import kuibu.tools.AtomicFiles;

/**
 * The JSON reports the tool writes ({@code train --report}, {@code bench --report}, {@code evaluate
 * --report}) as records, written and read by the same code: the book's build reads them with
 * {@link #read}, never by field names of its own. Field names are snake_case in the files; an accuracy
 * that was not measured (no validation set) is null.
 */
public final class Reports {

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Reports() {}

    /** One epoch of a training run. */
    public record EpochFigures(int epoch, double seconds, double samplesPerSecond, double loss, Double validationAccuracy,
                               Double testAccuracy) {
        static EpochFigures of(Trainer.Epoch e) {
            return new EpochFigures(e.epoch(), e.seconds(), e.samplesPerSecond(), e.loss(), orNull(e.validationAccuracy()),
                    orNull(e.testAccuracy()));
        }
    }

    /** {@code train --report}: how the network was made and trained, and every epoch. */
    public record TrainReport(String recipe, int[] sizes, String activation, String output, String cost, String init,
                              String engine, int threads, int batch, double eta, double lambda, long seed, int trainSize,
                              List<EpochFigures> epochs, Double testAccuracy, String code) {}

    /** One engine's training speed in {@code bench}: the median epoch after a warm-up one. */
    public record Speed(String engine, int threads, double samplesPerSecond, double testAccuracy) {}

    /** One peer's (numpy, PyTorch) speed on the same recipe, as its own script reports it. */
    public record PeerSpeed(String peer, int threads, double samplesPerSecond, double testAccuracy, Double othersAvgCores,
                            String version) {}

    /** One recipe in {@code bench}: the gradient's throughput per sample and in matrix form, then the training speeds. */
    public record BenchRecipe(String name, String description, int trainSize, double perSampleSamplesPerSecond,
                              double matrixFormSamplesPerSecond, List<Speed> kuibu, List<PeerSpeed> peers) {}

    /** {@code bench --report}: the machine, then each recipe. */
    public record BenchReport(String date, String java, String vm, int cores, long maxHeapBytes, String data, int epochs,
                              List<BenchRecipe> recipes, String code) {}

    /** {@code evaluate --report}: the test accuracy and the confusion matrix (rows: true digit, columns: guess). */
    public record EvaluationReport(String model, double testAccuracy, int[][] confusion) {}

    /** Writes {@code report} to {@code path} whole or not at all. */
    public static void write(Path path, Object report) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(report);
        AtomicFiles.write(path, temporary -> Files.write(temporary, bytes));
    }

    /** Reads a report of {@code type}; a file that is not one is a {@link DataException} naming it. */
    public static <T> T read(Path path, Class<T> type) {
        try {
            return JSON.readValue(path.toFile(), type);
        } catch (IOException e) {
            throw new DataException(path + ": not a " + type.getSimpleName() + " (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
    }

    /**
     * What a measurement measured: a SHA-256 over the chapter's compiled classes (their names and bytes, in
     * name order) in the jar or class folder they run from. A report carries the fingerprint of the code that
     * wrote it, so a figure stays valid exactly as long as that code is unchanged, however often it is rebuilt.
     */
    public static String fingerprint(Path jarOrFolder) throws IOException {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.util.SortedMap<String, byte[]> classes = new java.util.TreeMap<>();
        if (Files.isDirectory(jarOrFolder)) {
            try (var files = Files.walk(jarOrFolder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = jarOrFolder.relativize(f).toString().replace('\\', '/');
                    if (name.startsWith("kuibu/")) {
                        classes.put(name, Files.readAllBytes(f));
                    }
                }
            }
        } else {
            try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(jarOrFolder.toFile())) {
                for (var entry : java.util.Collections.list(jar.entries())) {
                    if (entry.getName().startsWith("kuibu/") && entry.getName().endsWith(".class")) {
                        try (var in = jar.getInputStream(entry)) {
                            classes.put(entry.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        classes.forEach((name, bytes) -> {
            digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** The fingerprint of the code running now, or "" where it cannot be found. */
    static String runningFingerprint() {
        try {
            return fingerprint(Path.of(Reports.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return "";
        }
    }

    private static Double orNull(double fraction) {
        return Double.isNaN(fraction) ? null : fraction;
    }
}
