package kuibu.mnist.tool;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kuibu.backprop.Output;
import kuibu.mnist.Network;
import kuibu.mnist.data.DataException;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.DigitImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code predict}: the digit a saved network reads in a picture, with its ten outputs. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        header = "Read the digit in a picture with a saved network.",
        description = "The picture (PNG) is scaled and centred to 28x28 grey, as MNIST's digits are. Prints the digit, then"
            + " the network's ten outputs as shares.")
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "the model file written by train --save")
    Path model;

    @Option(names = "--show", description = "also print the 28x28 input as text art")
    boolean show;

    @Parameters(paramLabel = "IMAGE.png", description = "the picture of one digit")
    Path image;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Network net = ModelFile.load(model);
        if (net.size(0) != Dataset.PIXELS) {
            throw new DataException(model + ": the network takes " + net.size(0) + " inputs, a 28x28 image has 784");
        }
        double[] x = DigitImages.read(image);
        if (show) {
            out.print(DigitImages.asText(x));
        }
        double[] a = net.feedforward(x);
        double[] p = a.clone();
        if (net.output() != Output.SOFTMAX) {
            // independent sigmoid outputs: normalise them so the ten numbers read as shares
            double sum = 0;
            for (double v : p) {
                sum += v;
            }
            for (int j = 0; j < p.length; j++) {
                p[j] = sum == 0 ? 0 : p[j] / sum;
            }
        }
        int digit = Network.argmax(a);
        out.println("digit " + digit);
        for (int j = 0; j < p.length; j++) {
            out.printf("%d %.4f%n", j, p[j]);
        }
        return 0;
    }
}
