package kuibu.mnist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: throughput in samples per second, three ways — chapter 4's per-sample backprop, the
 * matrix form's forward and backward pass, and whole training epochs (the figure the peers
 * report) — for Nielsen's recipe and a modern one, optionally next to the numpy and PyTorch peers
 * run in the same invocation. A harness that prints, not a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Forward+backward throughput (samples/s) of the per-sample and the matrix form, and training",
            "throughput, for the recipes 'nielsen' (784-30-10 sigmoid, quadratic, batch 10, eta 3) and 'modern'",
            "(784-100-10 relu, softmax + cross-entropy, batch 32, eta 0.1), or for --sizes/--batch of your own.",
            "With --peers DIR also runs DIR/run_peers.sh (numpy and PyTorch) on the same recipes."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--recipes", split = ",", description = "nielsen, modern (default: ${DEFAULT-VALUE})", defaultValue = "nielsen,modern")
    List<String> recipes;

    @Option(names = "--sizes", split = ",", description = "instead of the recipes: these layer sizes (sigmoid, quadratic)")
    int[] sizes;

    @Option(names = "--batch", split = ",", description = "batch sizes for --sizes (default: 10)")
    int[] batches;

    @Option(names = "--epochs", description = "timed training epochs per recipe, after one untimed warm-up epoch (default: ${DEFAULT-VALUE}; the median counts)", defaultValue = "3")
    int epochs;

    @Option(names = "--threads", split = ",", description = "thread counts to try (default: ${DEFAULT-VALUE})", defaultValue = "1")
    int[] threads;

    @Option(names = "--data", description = "MNIST folder (default: $KUIBU_MNIST_DIR, else ~/.cache/kuibu/mnist; generated digits if absent)")
    String data;

    @Option(names = "--report", description = "also write the figures here (JSON: recipes, Kuibu per thread count, peers)")
    Path report;

    @Option(names = "--peers", description = "folder with run_peers.sh, to run the numpy and PyTorch peers too")
    Path peers;

    @Option(names = "--peer-list", description = "which peers to run (default: ${DEFAULT-VALUE})", defaultValue = "numpy,torch")
    String peerList;

    @Option(names = "--peer-threads", split = ",", description = "BLAS / torch thread counts for the peers, each run in turn"
            + " (default: the peers' own default, 2)")
    int[] peerThreads;

    record Recipe(String name, int[] sizes, Activation activation, Output output, Cost cost, Network.Init init,
                  int batch, double eta, boolean allSixty) {}

    static Recipe recipe(String name) {
        switch (name) {
            case "nielsen":
                return new Recipe("nielsen", new int[] {784, 30, 10}, Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC,
                        Network.Init.NORMAL, 10, 3.0, false);
            case "modern":
                return new Recipe("modern", new int[] {784, 100, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY,
                        Network.Init.SCALED, 32, 0.1, true);
            default:
                throw new IllegalArgumentException("--recipes: unknown recipe '" + name + "', expected nielsen or modern");
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (report != null) {
            AtomicFiles.checkWritable(report);   // before the measuring, not after it
        }
        Path dir = Mnist.directory(data);
        Mnist mnist;
        boolean real = Mnist.isComplete(dir);
        if (real) {
            mnist = Mnist.load(dir);
            out.println("data: MNIST from " + dir);
        } else {
            mnist = new Mnist(SyntheticDigits.generate(60_000, 1, "generated"), SyntheticDigits.generate(2_000, 2, "generated test"));
            out.println("data: no MNIST in " + dir + ", using 60,000 generated digits (throughput only)");
        }
        out.printf("java %s, %s, %d cores available%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors());
        List<Recipe> list = new ArrayList<>();
        if (sizes != null) {
            for (int b : batches == null ? new int[] {10} : batches) {
                list.add(new Recipe("sizes " + Arrays.toString(sizes) + " batch " + b, sizes, Activation.SIGMOID,
                        Output.SIGMOID, Cost.QUADRATIC, Network.Init.NORMAL, b, 3.0, false));
            }
        } else {
            for (String r : recipes) {
                list.add(recipe(r));
            }
        }
        ObjectNode json = ModelFile.JSON.createObjectNode();
        json.put("date", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        json.put("java", System.getProperty("java.version"));
        json.put("vm", System.getProperty("java.vm.name"));
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        json.put("data", real ? "MNIST" : "generated");
        json.put("epochs", epochs);
        ArrayNode recipesJson = json.putArray("recipes");
        for (Recipe r : list) {
            ObjectNode recipeJson = recipesJson.addObject();
            recipeJson.put("name", r.name());
            ArrayNode sizesJson = recipeJson.putArray("sizes");
            Arrays.stream(r.sizes()).forEach(sizesJson::add);
            recipeJson.put("activation", r.activation().id());
            recipeJson.put("output", r.output().id());
            recipeJson.put("cost", r.cost().id());
            recipeJson.put("batch", r.batch());
            recipeJson.put("eta", r.eta());
            Dataset train = r.allSixty() ? mnist.train() : mnist.training();
            Network net = Network.random(r.sizes(), r.activation(), r.output(), r.cost(), r.init(), 1);
            double perSample = perSample(net, train);
            double matrix = matrixForm(net, train, r.batch());
            out.printf("%s: forward+backward, per sample %.0f samples/s, matrix form (batch %d) %.0f samples/s: %.1fx%n",
                    r.name(), perSample, r.batch(), matrix, matrix / perSample);
            recipeJson.put("train_size", train.size());
            recipeJson.put("per_sample_samples_per_second", perSample);
            recipeJson.put("matrix_form_samples_per_second", matrix);
            ArrayNode kuibuJson = recipeJson.putArray("kuibu");
            ArrayNode peersJson = recipeJson.putArray("peers");
            for (int t : threads) {
                warmUp(r, train, t);
                Network fresh = Network.random(r.sizes(), r.activation(), r.output(), r.cost(), r.init(), 1);
                List<Trainer.Epoch> run = Trainer.train(fresh, train, null, mnist.test(),
                        new Trainer.Options(epochs, r.batch(), r.eta(), 0, 1, t), null);
                double median = train.size() / Trainer.medianSeconds(run);
                double acc = run.get(run.size() - 1).testAccuracy();
                out.printf("%s: training %d images, %d epochs, %d thread(s): median %.0f samples/s, test accuracy %.4f%n",
                        r.name(), train.size(), epochs, t, median, acc);
                kuibuJson.addObject().put("threads", t).put("samples_per_second", median).put("test_accuracy", acc);
            }
            if (peers != null && (r.name().equals("nielsen") || r.name().equals("modern"))) {
                for (Integer peerThread : peerThreads == null ? java.util.Collections.<Integer>singletonList(null)
                        : Arrays.stream(peerThreads).boxed().toList()) {
                    for (JsonNode line : runPeers(r.name(), peerThread, out)) {
                        ObjectNode peerJson = peersJson.addObject().put("peer", line.path("peer").asText())
                                .put("threads", line.path("threads").asInt())
                                .put("samples_per_second", line.path("samples_per_s").asDouble())
                                .put("test_accuracy", line.path("test_acc").asDouble());
                        if (line.path("guard").has("others_avg_cores")) {
                            peerJson.put("others_avg_cores", line.path("guard").path("others_avg_cores").asDouble());
                        }
                        if (line.has("numpy")) {
                            peerJson.put("version", "numpy " + line.path("numpy").asText());
                        }
                    }
                }
            }
        }
        out.println();
        out.println("| run | samples/s |");
        out.println("|---|---:|");
        for (JsonNode recipe : recipesJson) {
            for (JsonNode kuibu : recipe.path("kuibu")) {
                out.printf("| %s kuibu threads %d | %.0f |%n", recipe.path("name").asText(), kuibu.path("threads").asInt(),
                        kuibu.path("samples_per_second").asDouble());
            }
            for (JsonNode peer : recipe.path("peers")) {
                out.printf("| %s %s threads %d | %.0f |%n", recipe.path("name").asText(), peer.path("peer").asText(),
                        peer.path("threads").asInt(), peer.path("samples_per_second").asDouble());
            }
        }
        if (report != null) {
            byte[] bytes = ModelFile.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
            AtomicFiles.write(report, temporary -> Files.write(temporary, bytes));
            out.println("report saved to " + report);
        }
        return 0;
    }

    /**
     * One untimed epoch of the same recipe on the same number of threads, as benchmark harnesses do
     * for the JIT: it compiles the hot loops while they first run, and on 2 cores the compiler shares
     * them with the two training threads, so the first epochs of a fresh JVM are up to twice as slow.
     */
    private static void warmUp(Recipe r, Dataset train, int threads) {
        Network net = Network.random(r.sizes(), r.activation(), r.output(), r.cost(), r.init(), 2);
        Trainer.train(net, train, null, null, new Trainer.Options(1, r.batch(), r.eta(), 0, 2, threads), null);
    }

    /** Samples per second of chapter 4's loop, forward and backward, one sample at a time. */
    private static double perSample(Network net, Dataset data) {
        int outputs = net.sizes[net.layers()];
        double[][][] nablaW = new double[net.layers()][][];
        double[][] nablaB = new double[net.layers()][];
        for (int l = 0; l < net.layers(); l++) {
            nablaW[l] = new double[net.sizes[l]][net.sizes[l + 1]];
            nablaB[l] = new double[net.sizes[l + 1]];
        }
        double[] y = new double[outputs];
        return throughput(data, 1000, i -> {
            OneHot.encode(data.label(i), outputs, y, 0);
            PerSampleBackprop.accumulate(net, data.image(i), y, nablaW, nablaB);
        });
    }

    /** Samples per second of {@link Backprop#gradient} on whole batches. */
    private static double matrixForm(Network net, Dataset data, int batch) {
        Backprop bp = new Backprop(net, batch);
        int outputs = net.sizes[net.layers()];
        int[] next = {0};
        double rate = throughput(data, batch, i -> {
            int s = next[0]++;
            data.copyImage(i, bp.a[0][s]);
            OneHot.encode(data.label(i), outputs, bp.y[s], 0);
            if (next[0] == batch) {
                bp.gradient(batch);
                next[0] = 0;
            }
        });
        return rate;
    }

    interface Sample {
        void run(int i);
    }

    /** Runs {@code sample} over the data for about a second after a warm-up, and returns samples/s. */
    private static double throughput(Dataset data, int unit, Sample sample) {
        int n = data.size() - data.size() % unit;
        int i = 0;
        long warmUp = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < warmUp) {
            sample.run(i);
            i = (i + 1) % n;
        }
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() - start < 1_000_000_000L || count % unit != 0) {
            sample.run(i);
            i = (i + 1) % n;
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private List<JsonNode> runPeers(String recipe, Integer threads, PrintWriter out) throws IOException, InterruptedException {
        Path script = peers.resolve("run_peers.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("--peers: no run_peers.sh in " + peers);
        }
        // the peers call Nielsen's recipe "nielsen1"
        String peerRecipe = recipe.equals("nielsen") ? "nielsen1" : recipe;
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), peerRecipe, "--epochs", String.valueOf(epochs)));
        if (threads != null) {
            command.addAll(List.of("--threads", String.valueOf(threads)));
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PEERS", peerList);
        pb.environment().putIfAbsent("WAIT_IDLE", "0");
        Path dir = Mnist.directory(data);
        if (Mnist.isComplete(dir)) {
            pb.environment().put("MNIST_DIR", dir.toAbsolutePath().toString());
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("{")) {
                    JsonNode node = ModelFile.JSON.readTree(line);
                    lines.add(node);
                    out.printf("%s: peer %s, %s threads: %.0f samples/s, test accuracy %.4f%n", recipe,
                            node.path("peer").asText(), node.path("threads").asText(),
                            node.path("samples_per_s").asDouble(), node.path("test_acc").asDouble());
                }
            }
        }
        p.waitFor();
        return lines;
    }
}
