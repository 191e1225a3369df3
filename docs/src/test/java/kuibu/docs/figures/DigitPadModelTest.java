package kuibu.docs.figures;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.mnist.Evaluation;
import kuibu.mnist.Network;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.SyntheticDigits;
import kuibu.mnist.tool.ModelFile;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitPadModelTest {

    @Test
    void theScriptHoldsTheModelFileRoundedToFloatsAndSaysHowWellItReads(@TempDir Path dir) throws Exception {
        Network net = Network.random(new int[] {784, 12, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY, Init.LECUN, 3);
        Dataset test = SyntheticDigits.generate(200, 2, "generated test");
        DigitPadModel.write(dir, net, "A test network.", test, "generated test digits", "Trained on \"nothing\".");

        String script = Files.readString(dir.resolve(DigitPadModel.FILE), StandardCharsets.UTF_8);
        assertThat(script, containsString("window.kuibuDigitModel = {"));
        assertThat(script, containsString("\"warning\": \"Trained on \\\"nothing\\\".\""));
        // the object the script assigns is a model file as ModelFile reads it, the weights those of net to float precision
        Path json = dir.resolve("model.json");
        Files.writeString(json, script.substring(script.indexOf('{', script.indexOf("window.")), script.lastIndexOf('}') + 1));
        Network read = ModelFile.load(json);
        assertThat(read.output(), is(Output.SOFTMAX));
        assertThat(read.activation(), is(Activation.RELU));
        for (int l = 0; l < net.layers(); l++) {
            for (int j = 0; j < net.size(l + 1); j++) {
                for (int k = 0; k < net.size(l); k++) {
                    double w = net.weight(l, j, k);
                    assertThat("weight " + l + "," + j + "," + k, read.weight(l, j, k), closeTo(w, 2.5e-7 * Math.abs(w) + 1e-30));
                }
                double b = net.bias(l, j);
                assertThat("bias " + l + "," + j, read.bias(l, j), closeTo(b, 2.5e-7 * Math.abs(b) + 1e-30));
            }
        }
        double accuracy = Evaluation.of(DigitPadModel.rounded(net), test).accuracy();
        String description = script.substring(script.indexOf("\"description\": \"") + 16);
        assertThat(description, startsWith(String.format(Locale.ROOT,
                "The network: 784-12-10, ReLU hidden neurons, softmax output. A test network. It reads %.2f%% of 200"
                        + " generated test digits right", 100 * accuracy)));
    }
}
