package kuibu.mnist.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.Mnist;
import kuibu.mnist.data.SyntheticDigits;
import kuibu.mnist.Network;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on generated data: outputs, files, exit codes (0 ok, 2 bad input, 1 failure). */
class CliTest {

    @TempDir
    static Path dir;

    static Path data;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void generatedData() {
        data = SyntheticDigits.writeFolder(dir.resolve("digits"), 2_000, 500, 5);
    }

    @Test
    void trainEvaluatePredict() throws Exception {
        Path model = dir.resolve("model.json");
        Path report = dir.resolve("report.json");
        Run train = run("train", "--data", data.toString(), "--epochs", "2", "--train-limit", "2000", "--batch", "10",
                "--sizes", "784,30,10", "--activation", "relu", "--output", "softmax", "--cost", "cross-entropy",
                "--init", "lecun", "--eta", "0.1",
                "--save", model.toString(), "--report", report.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("epoch 2 "), train.out());
        JsonNode r = ModelFile.JSON.readTree(report.toFile());
        assertEquals(2, r.get("epochs").size());
        JsonNode first = r.get("epochs").get(0);
        for (String field : new String[] {"epoch", "seconds", "samples_per_second", "test_accuracy"}) {
            assertTrue(first.has(field), "report epochs have " + field);
        }
        double accuracy = r.get("test_accuracy").asDouble();
        assertTrue(accuracy > 0.5 && accuracy <= 1, "test_accuracy is a fraction: " + accuracy);

        Path evaluation = dir.resolve("evaluation.json");
        Run evaluate = run("evaluate", "--model", model.toString(), "--data", data.toString(), "--report", evaluation.toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        JsonNode e = ModelFile.JSON.readTree(evaluation.toFile());
        assertEquals(accuracy, e.get("test_accuracy").asDouble(), 1e-12);
        assertEquals(10, e.get("confusion").size());
        int total = 0;
        for (JsonNode row : e.get("confusion")) {
            for (JsonNode c : row) {
                total += c.asInt();
            }
        }
        assertEquals(500, total);

        Dataset test = Mnist.load(data).test();
        BufferedImage png = new BufferedImage(56, 56, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                int v = 255 - (int) Math.round(255 * test.pixel(0, (y / 2) * 28 + x / 2));   // dark ink on white, twice the size
                png.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        Path image = dir.resolve("digit.png");
        ImageIO.write(png, "png", image.toFile());
        Run predict = run("predict", "--model", model.toString(), image.toString());
        assertEquals(0, predict.code(), predict.err());
        assertTrue(predict.out().startsWith("digit "), predict.out());
        assertEquals(11, predict.out().lines().count(), "the digit and ten probabilities");
    }

    @Test
    void badInputIsExitCode2WithOneLine() throws Exception {
        Run unknown = run("train", "--bogus");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unknown option"), unknown.err());
        Run noData = run("train", "--data", dir.resolve("nowhere").toString(), "--epochs", "1");
        assertEquals(2, noData.code());
        assertTrue(noData.err().contains("download") && !noData.err().contains("at kuibu."), noData.err());
        Run sizes = run("train", "--data", data.toString(), "--sizes", "10,10");
        assertEquals(2, sizes.code(), sizes.err());
        Run notModel = run("evaluate", "--model", dir.resolve("missing.json").toString(), "--data", data.toString());
        assertEquals(2, notModel.code());
        Path text = Files.writeString(dir.resolve("not-a-picture.png"), "hello");
        Path model = dir.resolve("m2.json");
        ModelFile.save(Network.random(new int[] {784, 3, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY, Init.LECUN, 1), model);
        Run picture = run("predict", "--model", model.toString(), text.toString());
        assertEquals(2, picture.code());
        assertTrue(picture.err().contains("not-a-picture.png"), picture.err());
        assertEquals(2, run().code(), "no command is a usage error");
    }

    @Test
    void anUnwritableSavePathStopsBeforeTheTraining() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Run run = run("train", "--data", data.toString(), "--epochs", "1", "--train-limit", "500",
                "--save", file.resolve("model.json").toString());
        assertEquals(2, run.code(), run.err());
        assertFalse(run.out().contains("epoch 1 "), "no training was done: " + run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(file.toString()), run.err());
        Run folder = run("train", "--data", data.toString(), "--epochs", "1", "--train-limit", "500",
                "--report", dir.toString());
        assertEquals(2, folder.code(), folder.err());
        assertTrue(folder.err().contains("is a folder"), folder.err());
    }

    @Test
    void divergingTrainingIsExitCode1AndWritesNoModel() {
        Path model = dir.resolve("diverged.json");
        Run run = run("train", "--data", data.toString(), "--epochs", "1", "--train-limit", "1000", "--eta", "1000",
                "--activation", "relu", "--output", "softmax", "--cost", "cross-entropy", "--save", model.toString());
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("smaller --eta"), run.err());
        assertFalse(Files.exists(model));
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"train", "evaluate", "predict", "bench", "download", "peer", "measure"}) {
            Run help = run(command, "--help");
            assertEquals(0, help.code());
            assertTrue(help.out().contains("Usage: kuibu-mnist " + command), help.out());
        }
    }
}
