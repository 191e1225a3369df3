package kuibu.mnist.tool;

import com.fasterxml.jackson.databind.JsonNode;
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
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.mnist.Backprop;
import kuibu.mnist.Engine;
import kuibu.mnist.Network;
import kuibu.mnist.Recipe;
import kuibu.mnist.Trainer;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.Mnist;
import kuibu.mnist.data.SyntheticDigits;
import kuibu.mnist.fast.FastBackprop;
import kuibu.neuron.Activation;
import kuibu.tools.Cli;
import kuibu.tools.Steps;
import kuibu.tools.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: throughput in samples per second, three ways — chapter 4's per-sample backprop, the
 * lesson's matrix form (forward and backward pass), and whole training epochs (the figure the peers
 * report) with the lesson's engine and the fast one — for Nielsen's recipe and a modern one, optionally
 * next to the numpy and PyTorch peers run in the same invocation. A harness that prints, not a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        header = "Measure how many samples per second the network learns from.",
        description = {"Three figures, in samples per second: the forward and backward pass of chapter 4's per-sample"
            + " backprop and of the lesson's matrix form, and whole training epochs with the lesson's engine and the fast"
            + " one (the figure the peers report).",
            "The recipes: 'nielsen' (784-30-10 sigmoid, quadratic cost, batch 10, eta 3) and 'modern' (784-100-10 relu,"
            + " softmax and cross-entropy, batch 32, eta 0.1); or --sizes and --batch of your own.",
            "With --peers DIR it also runs DIR/run_peers.sh (numpy and PyTorch) on the same recipes."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--recipes", paramLabel = "NAME", split = ",", description = "nielsen, modern (default: ${DEFAULT-VALUE})", defaultValue = "nielsen,modern")
    List<String> recipes;

    @Option(names = "--sizes", paramLabel = "N", split = ",", description = "instead of the recipes: these layer sizes (sigmoid, quadratic)")
    int[] sizes;

    @Option(names = "--batch", paramLabel = "N", split = ",", description = "batch sizes for --sizes (default: 10)")
    int[] batches;

    @Option(names = "--epochs", paramLabel = "N", description = "timed training epochs per engine, after one untimed warm-up epoch (default: ${DEFAULT-VALUE}; the median counts)", defaultValue = "3")
    int epochs;

    @Option(names = "--threads", paramLabel = "N", split = ",", description = "thread counts of the fast engine to try (default: ${DEFAULT-VALUE})", defaultValue = "1")
    int[] threads;

    @Option(names = "--data", paramLabel = "DIR", description = "folder with the four MNIST files (default: $KUIBU_MNIST_DIR, else ~/.cache/kuibu/mnist); without them, generated digits")
    String data;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the figures here (JSON: recipes, each engine per thread count, peers)")
    Path report;

    @Option(names = "--peers", paramLabel = "DIR", description = "folder with run_peers.sh, to run the numpy and PyTorch peers too")
    Path peers;

    @Option(names = "--peer-list", paramLabel = "NAME", description = "which peers to run (default: ${DEFAULT-VALUE})", defaultValue = "numpy,torch")
    String peerList;

    @Option(names = "--peer-threads", paramLabel = "N", split = ",", description = "BLAS / torch thread counts for the peers, each run in turn"
            + " (default: the peers' own default, 2)")
    int[] peerThreads;

    /** What one benchmark line trains: a network and its options, on the 50,000 or (modern, as the peers) all 60,000. */
    private record Entry(String name, String description, Network network, Trainer.Options options, boolean allSixty) {}

    @Override
    public Integer call() throws Exception {
        run(spec.commandLine().getOut());
        return 0;
    }

    /** Measures what the options say, printing as it goes; writes the report if {@link #report} is set. */
    Reports.BenchReport run(PrintWriter out) throws IOException, InterruptedException {
        List<Entry> entries = validated();
        if (report != null) {
            AtomicFiles.checkWritable(report);   // before the measuring, not after it
        }
        Path dir = Mnist.directory(data);
        boolean real = Mnist.isComplete(dir);
        Mnist mnist;
        if (real) {
            mnist = Mnist.load(dir);
            out.println("data: MNIST from " + dir);
        } else {
            mnist = new Mnist(SyntheticDigits.generate(60_000, 1, "generated"), SyntheticDigits.generate(2_000, 2, "generated test"));
            out.println("data: no MNIST in " + dir + ", using 60,000 generated digits (throughput only)");
        }
        out.printf("java %s, %s, %d cores available%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors());
        out.flush();
        List<Integer> peerRuns = peerThreads == null ? java.util.Collections.<Integer>singletonList(null)
                : Arrays.stream(peerThreads).boxed().toList();
        int total = 0;
        for (Entry e : entries) {
            total += 3 + threads.length + (runsPeers(e) ? peerRuns.size() : 0);
        }
        List<Reports.BenchRecipe> measured = new ArrayList<>();
        try (Steps steps = new Steps("bench", total, spec.commandLine().getErr())) {
            for (Entry e : entries) {
                Dataset train = e.allSixty() ? mnist.train() : mnist.training();
                steps.begin(e.name() + ": forward and backward, per sample");
                double perSample = perSample(e.network(), train);
                steps.begin(e.name() + ": forward and backward, matrix form");
                double matrix = matrixForm(e.network(), train, e.options().batch());
                out.printf("%s: forward+backward, per sample %.0f samples/s, matrix form (batch %d) %.0f samples/s: %.1fx%n",
                        e.name(), perSample, e.options().batch(), matrix, matrix / perSample);
                out.flush();
                List<Reports.Speed> speeds = new ArrayList<>();
                steps.begin(e.name() + ": training, lesson engine");
                speeds.add(speed(e, train, mnist.test(), "lesson", 1, out));
                for (int t : threads) {
                    steps.begin(e.name() + ": training, fast engine, " + t + (t == 1 ? " thread" : " threads"));
                    speeds.add(speed(e, train, mnist.test(), "fast", t, out));
                }
                List<Reports.PeerSpeed> peerSpeeds = new ArrayList<>();
                if (runsPeers(e)) {
                    for (Integer peerThread : peerRuns) {
                        steps.begin(e.name() + ": the peers" + (peerThread == null ? "" : ", " + peerThread + " threads"));
                        peerSpeeds.addAll(runPeers(e.name(), peerThread, out));
                    }
                }
                measured.add(new Reports.BenchRecipe(e.name(), e.description(), train.size(), perSample, matrix, speeds, peerSpeeds));
            }
        }
        Reports.BenchReport result = new Reports.BenchReport(
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(), real ? "MNIST" : "generated", epochs, measured, Reports.runningFingerprint());
        out.println();
        out.println("| run | samples/s |");
        out.println("|---|---:|");
        for (Reports.BenchRecipe r : result.recipes()) {
            for (Reports.Speed k : r.kuibu()) {
                out.printf("| %s kuibu %s threads %d | %.0f |%n", r.name(), k.engine(), k.threads(), k.samplesPerSecond());
            }
            for (Reports.PeerSpeed p : r.peers()) {
                out.printf("| %s %s threads %d | %.0f |%n", r.name(), p.peer(), p.threads(), p.samplesPerSecond());
            }
        }
        if (report != null) {
            Reports.write(report, result);
            out.println("report saved to " + report);
        }
        return result;
    }

    private boolean runsPeers(Entry e) {
        return peers != null && (e.name().equals("nielsen") || e.name().equals("modern"));
    }

    /** Every option checked: a usage error naming the option, before anything is printed or measured. */
    private List<Entry> validated() {
        if (epochs < 1) {
            throw Cli.bad(spec, "--epochs must be at least 1, got " + epochs);
        }
        for (int t : threads) {
            if (t < 1) {
                throw Cli.bad(spec, "--threads must be at least 1, got " + t);
            }
        }
        for (int t : peerThreads == null ? new int[0] : peerThreads) {
            if (t < 1) {
                throw Cli.bad(spec, "--peer-threads must be at least 1, got " + t);
            }
        }
        if (batches != null && sizes == null) {
            throw Cli.bad(spec, "--batch counts with --sizes only (the recipes have batch sizes of their own)");
        }
        if (peers != null && !Files.isRegularFile(peers.resolve("run_peers.sh"))) {
            throw Cli.bad(spec, "--peers " + peers + ": no run_peers.sh there");
        }
        List<Entry> entries = new ArrayList<>();
        if (sizes != null) {
            if (sizes.length < 2 || sizes[0] != Dataset.PIXELS || sizes[sizes.length - 1] != 10) {
                throw Cli.bad(spec, "--sizes must start with 784 (the pixels) and end with 10 (the digits), got " + Training.sizes(sizes));
            }
            for (int n : sizes) {
                if (n < 1) {
                    throw Cli.bad(spec, "--sizes: every layer needs at least one neuron, got " + Training.sizes(sizes));
                }
            }
            for (int b : batches == null ? new int[] {10} : batches) {
                if (b < 1) {
                    throw Cli.bad(spec, "--batch must be at least 1, got " + b);
                }
                Network net = Network.random(sizes, Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC, Init.STANDARD_NORMAL, 1);
                entries.add(new Entry("sizes " + Training.sizes(sizes) + " batch " + b, net.toString() + ", batch " + b, net,
                        new Trainer.Options(epochs, b, 3.0, 0, 1), false));
            }
        } else {
            List<String> offered = List.of(Recipe.NIELSEN.id(), Recipe.MODERN.id());
            for (String id : recipes) {
                if (!offered.contains(id)) {
                    throw Cli.bad(spec, "--recipes " + id + ": bench runs nielsen and modern" + Cli.didYouMean(id, offered));
                }
                Recipe r = Recipe.of(id);
                entries.add(new Entry(r.id(), r.describe(), r.network(1),
                        new Trainer.Options(epochs, r.batch(), r.eta(), 0, 1), r == Recipe.MODERN));
            }
        }
        return entries;
    }

    /**
     * Training speed of one engine: one untimed epoch first, as benchmark harnesses do for the JIT (on 2
     * cores the compiler shares them with the training, so the first epochs of a fresh JVM are slower),
     * then the median of the timed epochs, the figure the peers report.
     */
    private static Reports.Speed speed(Entry e, Dataset train, Dataset test, String engine, int threads, PrintWriter out) {
        Trainer.Options o = e.options();
        train(e.network().copy(), engine, threads, train, null, new Trainer.Options(1, o.batch(), o.eta(), 0, 2));
        List<Trainer.Epoch> run = train(e.network().copy(), engine, threads, train, test, o);
        double median = train.size() / Trainer.medianSeconds(run);
        double accuracy = run.get(run.size() - 1).testAccuracy();
        out.printf("%s: training %d images, %d epochs, %s engine, %d thread(s): median %.0f samples/s, test accuracy %.4f%n",
                e.name(), train.size(), run.size(), engine, threads, median, accuracy);
        return new Reports.Speed(engine, threads, median, accuracy);
    }

    private static List<Trainer.Epoch> train(Network net, String engine, int threads, Dataset train, Dataset test,
                                             Trainer.Options options) {
        try (Engine e = engine.equals("fast") ? new FastBackprop(net, options.batch(), threads) : new Backprop(net, options.batch())) {
            return Trainer.train(e, train, null, test, options, null);
        }
    }

    /** Samples per second of chapter 4's backprop, forward and backward, one sample at a time. */
    private static double perSample(Network net, Dataset data) {
        kuibu.backprop.Network four = net.asChapterFour();
        int outputs = net.size(net.layers());
        double[] y = new double[outputs];
        return throughput(data, 1000, i -> {
            java.util.Arrays.fill(y, 0);
            y[data.label(i)] = 1;
            four.backprop(data.image(i), y);
        });
    }

    /** Samples per second of the lesson's {@link Backprop#gradient} on whole batches. */
    private static double matrixForm(Network net, Dataset data, int batch) {
        Backprop bp = new Backprop(net, batch);
        int[] next = {0};
        int[] images = new int[batch];
        return throughput(data, batch, i -> {
            images[next[0]++] = i;
            if (next[0] == batch) {
                bp.load(data, s -> images[s], batch);
                bp.gradient(batch);
                next[0] = 0;
            }
        });
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

    private List<Reports.PeerSpeed> runPeers(String recipe, Integer threads, PrintWriter out) throws IOException, InterruptedException {
        Path script = peers.resolve("run_peers.sh");
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
        List<Reports.PeerSpeed> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("{")) {
                    JsonNode node = Reports.JSON.readTree(line);
                    lines.add(new Reports.PeerSpeed(node.path("peer").asText(), node.path("threads").asInt(),
                            node.path("samples_per_s").asDouble(), node.path("test_acc").asDouble(),
                            node.path("guard").has("others_avg_cores") ? node.path("guard").path("others_avg_cores").asDouble() : null,
                            node.has("numpy") ? "numpy " + node.path("numpy").asText() : null));
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
