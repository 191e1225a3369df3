package kuibu.mnist.tool;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kuibu.mnist.Evaluation;
import kuibu.mnist.Network;
import kuibu.mnist.data.DataException;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.Mnist;
import kuibu.tools.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evaluate}: a saved network's accuracy and confusion matrix on the 10,000 test images. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        header = "Measure a saved network's accuracy on the 10,000 test images.",
        description = "Prints the accuracy and the confusion matrix (rows: the true digit, columns: the network's guess).")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "the model file written by train --save")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "folder with the four MNIST files (default: $KUIBU_MNIST_DIR, else ~/.cache/kuibu/mnist)")
    String data;

    @Option(names = "--report", paramLabel = "FILE", description = "write test_accuracy and confusion here (JSON)")
    Path report;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (report != null) {
            AtomicFiles.checkWritable(report);   // before the evaluation, not after it
        }
        Network net = ModelFile.load(model);
        if (net.size(0) != Dataset.PIXELS || net.size(net.layers()) != 10) {
            throw new DataException(model + ": the network has " + net.size(0) + " inputs and " + net.size(net.layers())
                    + " outputs, MNIST needs 784 and 10");
        }
        Path dir = Mnist.directory(data);
        Dataset test = Mnist.dataset(dir, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, "test");
        Evaluation e = Evaluation.of(net, test);
        out.printf("%s on %d test images: accuracy %.2f%% (%d right)%n", net, test.size(), 100 * e.accuracy(), e.correct());
        out.println("confusion matrix (rows: true digit, columns: guess)");
        out.print("     ");
        for (int g = 0; g < 10; g++) {
            out.printf("%6d", g);
        }
        out.println();
        for (int t = 0; t < 10; t++) {
            out.printf("%4d ", t);
            for (int g = 0; g < 10; g++) {
                out.printf("%6d", e.confusion()[t][g]);
            }
            out.println();
        }
        if (report != null) {
            Reports.write(report, new Reports.EvaluationReport(model.toString(), e.accuracy(), e.confusion()));
            out.println("report saved to " + report);
        }
        return 0;
    }
}
