package kuibu.mnist.tool;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kuibu.mnist.Recipe;
import kuibu.mnist.data.Mnist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code measure}: every figure of chapter 5's text, measured on this machine into one folder of
 * JSON reports that the book's build reads: Nielsen's recipe with three seeds, the ≥ 98% recipe
 * (and its model, whose confusion matrix and mistakes the book shows), all trained by the lesson's engine,
 * and {@code bench} (with the numpy peer when its folder is given and there). It runs what {@code train}
 * and {@code bench} run, so each figure comes from the same code a reader runs.
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
        Mnist mnist = Mnist.load(dir);   // the usual one-line error saying what is missing and how to get it
        Files.createDirectories(out);
        for (int seed = 1; seed <= SEEDS; seed++) {
            print.println("measure: Nielsen's recipe, seed " + seed);
            Training.run(Training.Run.of(Recipe.NIELSEN, seed, Training.EngineKind.LESSON, 1), mnist, dir, print, null,
                    out.resolve("nielsen-seed" + seed + ".json"));
        }
        print.println("measure: the best recipe");
        Training.run(Training.Run.of(Recipe.BEST, 1, Training.EngineKind.LESSON, 1), mnist, dir, print,
                out.resolve("best-model.json"), out.resolve("best.json"));
        BenchCommand bench = new BenchCommand();
        bench.recipes = List.of("nielsen", "modern");
        bench.epochs = 3;
        bench.threads = new int[] {1, 2};
        bench.data = dir.toString();
        bench.report = out.resolve("bench.json");
        bench.peerList = "numpy";
        bench.peerThreads = new int[] {1, 2};
        if (peers != null && Files.isRegularFile(peers.resolve("run_peers.sh"))) {
            bench.peers = peers;
        } else if (peers != null) {
            print.println("measure: no run_peers.sh in " + peers + ", so bench runs without the numpy peer");
        }
        print.println("measure: bench");
        bench.run(print);
        print.println("measure: reports in " + out);
        return 0;
    }
}
