package kuibu.mnist;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code measure}: every figure of chapter 5's text, measured on this machine into one folder of
 * JSON reports that the book's build reads: Nielsen's recipe with three seeds, the ≥ 98% recipe
 * (and its model, whose confusion matrix and mistakes the book shows), and {@code bench} (with the numpy peer when its folder is given and there). It runs the other
 * commands, so each figure comes from the same code a reader runs.
 */
@Command(name = "measure", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the figures of chapter 5 into a folder of JSON reports: 'train' with Nielsen's recipe",
            "(seeds 1 to 3, 30 epochs each), 'train --recipe best', and 'bench' (with the numpy peer if --peers names",
            "a folder that has it). The main job (./mvnw install) runs this for the book; it takes about a minute."})
final class MeasureCommand implements Callable<Integer> {

    /** The seeds of Nielsen's recipe whose results the book shows. */
    static final int SEEDS = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "folder for the reports (created if missing)")
    Path out;

    @Option(names = "--data", description = "MNIST folder (default: $KUIBU_MNIST_DIR, else ~/.cache/kuibu/mnist)")
    String data;

    @Option(names = "--peers", description = "folder with the peers' run_peers.sh; skipped, with a note, if it has none")
    Path peers;

    @Override
    public Integer call() throws Exception {
        PrintWriter print = spec.commandLine().getOut();
        Path dir = Mnist.directory(data);
        if (!Mnist.isComplete(dir)) {
            Mnist.load(dir);   // the usual one-line error saying what is missing and how to get it
        }
        Files.createDirectories(out);
        List<List<String>> runs = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            runs.add(List.of("train", "--data", dir.toString(), "--seed", String.valueOf(seed),
                    "--report", out.resolve("nielsen-seed" + seed + ".json").toString()));
        }
        runs.add(List.of("train", "--data", dir.toString(), "--recipe", "best",
                "--report", out.resolve("best.json").toString(), "--save", out.resolve("best-model.json").toString()));
        List<String> bench = new ArrayList<>(List.of("bench", "--data", dir.toString(), "--threads", "1,2",
                "--report", out.resolve("bench.json").toString()));
        if (peers != null && Files.isRegularFile(peers.resolve("run_peers.sh"))) {
            bench.addAll(List.of("--peers", peers.toString(), "--peer-list", "numpy", "--peer-threads", "1,2"));
        } else if (peers != null) {
            print.println("measure: no run_peers.sh in " + peers + ", so bench runs without the numpy peer");
        }
        runs.add(bench);
        for (List<String> run : runs) {
            print.println("measure: " + String.join(" ", run));
            print.flush();
            CommandLine command = Main.commandLine(print, spec.commandLine().getErr());
            int code = command.execute(run.toArray(String[]::new));
            if (code != 0) {
                return code;
            }
        }
        print.println("measure: reports in " + out);
        return 0;
    }
}
