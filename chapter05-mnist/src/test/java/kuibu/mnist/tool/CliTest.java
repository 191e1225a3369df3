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
import java.util.ArrayList;
import java.util.List;
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
import picocli.CommandLine;

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
        assertTrue(unknown.err().contains("unknown option '--bogus'"), unknown.err());
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

    /** The help of the tool and of every command, as a new user reads it in an 80-column terminal. */
    static List<String> helps() {
        List<String> helps = new ArrayList<>();
        helps.add(run("--help").out());
        for (String command : new String[] {"train", "evaluate", "predict", "bench", "download", "peer", "measure"}) {
            helps.add(run(command, "--help").out());
        }
        return helps;
    }

    @Test
    void theCommandListHasOneWholeSentencePerCommandAndNoInternalOne() {
        Run help = run("--help");
        assertEquals(0, help.code());
        String list = help.out().substring(help.out().indexOf("Commands:"));
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> listed = new ArrayList<>();
        for (String line : list.lines().skip(1).takeWhile(l -> !l.isBlank()).toList()) {
            assertTrue(line.startsWith("  ") && !line.startsWith("   "), "one line per command, no wrapped summary: " + line);
            String name = line.strip().split("\\s+")[0];
            listed.add(name);
            String summary = line.strip().substring(name.length()).strip();
            assertTrue(summary.endsWith("."), "a whole sentence: " + line);
            CommandLine command = cl.getSubcommands().get(name);
            if (!name.equals("help")) {
                assertEquals(command.getCommandSpec().usageMessage().header()[0], summary, name);
            }
        }
        assertEquals(List.of("train", "evaluate", "predict", "bench", "download", "measure", "help"), listed);
    }

    @Test
    void everyHelpFitsEightyColumnsAndTheRecipeTableStaysATable() {
        for (String help : helps()) {
            for (String line : help.lines().toList()) {
                assertTrue(line.length() <= 80, "wider than 80 columns: " + line);
                assertFalse(line.endsWith("~/."), "a path cut in two: " + line);
            }
        }
        List<String> train = run("train", "--help").out().lines().toList();
        assertTrue(train.contains("                nielsen          quick          best"), String.join("\n", train));
        assertTrue(train.contains("  --eta         3.0              0.1            0.1"), String.join("\n", train));
        assertTrue(train.get(0).startsWith("Usage: kuibu-mnist train"), "usage first: " + train.get(0));
    }

    @Test
    void aMisspeltCommandOrOptionGetsASuggestionAndAPointerToHelp() {
        Run command = run("trian");
        assertEquals(2, command.code());
        assertEquals(List.of("kuibu-mnist: 'trian' is not a command; did you mean 'train'?", "Try 'kuibu-mnist --help'."),
                command.err().lines().toList());
        assertEquals("", command.out());
        Run option = run("train", "--epoch", "3");
        assertEquals(2, option.code());
        assertEquals(List.of("kuibu-mnist train: unknown option '--epoch'; did you mean '--epochs'?",
                "Try 'kuibu-mnist train --help'."), option.err().lines().toList());
        Run none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("kuibu-mnist: no command given; the commands are train, evaluate, predict, bench,"
                + " download, measure\n"), none.err());
        assertFalse(none.err().contains("peer"), none.err());
    }

    @Test
    void anUnwritableReportStopsTheEvaluationBeforeItStartsAndNamesThePathGiven() throws Exception {
        Path model = dir.resolve("for-evaluation.json");
        ModelFile.save(Network.random(new int[] {784, 3, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY, Init.LECUN, 1), model);
        Path file = Files.writeString(dir.resolve("plain-file"), "not a folder");
        Path report = file.resolve("nope.json");
        Run run = run("evaluate", "--model", model.toString(), "--data", data.toString(), "--report", report.toString());
        assertEquals(2, run.code(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("kuibu-mnist evaluate: " + report + ": cannot be written"), run.err());
        assertFalse(run.err().contains(".tmp"), run.err());
        if (Files.isDirectory(Path.of("/proc/self"))) {
            Run proc = run("evaluate", "--model", model.toString(), "--data", data.toString(), "--report", "/proc/nope.json");
            assertEquals(2, proc.code(), proc.err());
            assertEquals("", proc.out());
            assertEquals(List.of("kuibu-mnist evaluate: /proc/nope.json: cannot be written: no such file or folder"),
                    proc.err().lines().toList());
        }
    }

    @Test
    void badValuesAreRefusedBeforeAnythingIsPrintedOrMeasured() {
        String[][] cases = {
            {"--threads", "bench", "--threads", "0"},
            {"--threads", "bench", "--threads", "1,0"},
            {"--epochs", "bench", "--epochs", "0"},
            {"--recipes", "bench", "--recipes", "foo"},
            {"--batch", "bench", "--batch", "16"},
            {"--mirror", "download", "--mirror", "notaurl"},
            {"--mirror", "download", "--mirror", "ftp://example.org/mnist/"},
            {"--recipe", "train", "--recipe", "bets"},
            {"--activation", "train", "--activation", "sigmoidal"},
            {"--eta", "train", "--eta", "-1"},
            {"--batch", "train", "--batch", "0"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            Run run = run(args);
            assertEquals(2, run.code(), String.join(" ", args) + ": " + run.err());
            assertEquals("", run.out(), String.join(" ", args));
            List<String> err = run.err().lines().toList();
            assertEquals(2, err.size(), run.err());
            assertTrue(err.get(0).startsWith("kuibu-mnist " + c[1] + ": " + c[0]), run.err());
            assertEquals("Try 'kuibu-mnist " + c[1] + " --help'.", err.get(1));
        }
        Run recipe = run("train", "--recipe", "bets");
        assertTrue(recipe.err().contains("did you mean 'best'?"), recipe.err());
    }

    @Test
    void aTrainLimitBeyondTheTrainingSetIsAnErrorNotAQuietClamp() {
        Run run = run("train", "--data", data.toString(), "--epochs", "1", "--train-limit", "1000000");
        assertEquals(2, run.code(), run.err());
        assertFalse(run.out().contains("epoch 1 "), run.out());
        assertTrue(run.err().startsWith("kuibu-mnist train: --train-limit 1000000: there are only "), run.err());
    }

    @Test
    void theVersionIsTheBuildsWithItsCommit() {
        Run run = run("--version");
        assertEquals(0, run.code());
        String version = System.getProperty("kuibu.version");
        assertTrue(version != null && !version.isBlank(), "the build passes its version to the tests");
        assertTrue(run.out().startsWith("kuibu-mnist " + version), run.out());
        assertFalse(run.out().contains("${"), run.out());
    }
}
