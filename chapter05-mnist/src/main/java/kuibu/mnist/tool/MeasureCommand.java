package kuibu.mnist.tool;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kuibu.mnist.Recipe;
import kuibu.mnist.data.Mnist;
import kuibu.tools.Steps;
import kuibu.tools.AtomicFiles;
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
        header = "Measure every figure of chapter 5 into a folder of JSON reports.",
        description = {"Trains with Nielsen's recipe (seeds 1 to 3, 30 epochs each) and with the best recipe, then runs bench"
            + " (with the numpy peer if --peers names a folder that has it), each into a report the book's build reads.",
            "The main job (./mvnw install) runs this for the book; it takes a few minutes."})
final class MeasureCommand implements Callable<Integer> {

    /** The seeds of Nielsen's recipe whose results the book shows. */
    static final int SEEDS = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the reports (created if missing)")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "folder with the four MNIST files (default: $KUIBU_MNIST_DIR, else ~/.cache/kuibu/mnist)")
    String data;

    @Option(names = "--peers", paramLabel = "DIR", description = "folder with the peers' run_peers.sh; skipped, with a note, if it has none")
    Path peers;

    @Override
    public Integer call() throws Exception {
        PrintWriter print = spec.commandLine().getOut();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new java.nio.file.FileSystemException(out.toString(), null, "is a file, not a folder");
        }
        List<String> reports = new java.util.ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            reports.add("nielsen-seed" + seed + ".json");
        }
        reports.addAll(List.of("best-model.json", "best.json", "bench.json"));
        for (String report : reports) {
            AtomicFiles.checkWritable(out.resolve(report));   // before hours of measuring, not after them
        }
        Path dir = Mnist.directory(data);
        Mnist mnist = Mnist.load(dir);   // the usual one-line error saying what is missing and how to get it
        BenchCommand bench = new BenchCommand();
        bench.spec = spec;
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
        // the trainings print their epochs (and a bar of their own on a terminal), so the steps are lines
        try (Steps steps = new Steps("measure", SEEDS + 2, spec.commandLine().getErr(), false)) {
            for (int seed = 1; seed <= SEEDS; seed++) {
                steps.begin("Nielsen's recipe, seed " + seed);
                Training.run(Training.Run.of(Recipe.NIELSEN, seed, Training.EngineKind.LESSON, 1), mnist, dir, print, null,
                        out.resolve("nielsen-seed" + seed + ".json"));
            }
            steps.begin("the best recipe");
            Training.run(Training.Run.of(Recipe.BEST, 1, Training.EngineKind.LESSON, 1), mnist, dir, print,
                    out.resolve("best-model.json"), out.resolve("best.json"));
            steps.begin("bench");
            bench.run(print);
        }
        print.println("measure: reports in " + out);
        return 0;
    }
}
