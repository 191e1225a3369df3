package kuibu.mnist.tool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.mnist.data.DataException;
import kuibu.mnist.Network;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files: chapter 4's [layer][j][k] layout, exact round trip, atomic writes, clear errors. */
class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTripIsExactAndUsesChapter4Indexing() throws Exception {
        Network net = Network.random(new int[] {3, 2, 4}, Activation.TANH, Output.SOFTMAX, Cost.CROSS_ENTROPY, Init.STANDARD_NORMAL, 9);
        Path file = dir.resolve("m.json");
        ModelFile.save(net, file);
        JsonNode json = ModelFile.JSON.readTree(file.toFile());
        assertEquals("tanh", json.get("activation").asText());
        assertEquals("softmax", json.get("output").asText());
        assertEquals("cross-entropy", json.get("cost").asText());
        assertEquals(2, json.get("weights").get(0).size(), "weights[0] has one row per neuron j of layer 1");
        assertEquals(3, json.get("weights").get(0).get(1).size(), "each row has one weight per neuron k of layer 0");
        assertEquals(net.weight(0, 1, 2), json.get("weights").get(0).get(1).get(2).asDouble(), 0.0);
        Network back = ModelFile.load(file);
        for (int l = 0; l < net.layers(); l++) {
            for (int k = 0; k < net.size(l); k++) {
                assertArrayEquals(net.weights(l)[k], back.weights(l)[k], 0.0);
            }
            assertArrayEquals(net.biases(l), back.biases(l), 0.0);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aSavedModelHasTheUsualPermissionsNotATemporaryFilesPrivateOnes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Network net = Network.random(new int[] {3, 2, 4}, Activation.TANH, Output.SOFTMAX, Cost.CROSS_ENTROPY, Init.STANDARD_NORMAL, 9);
        Path model = dir.resolve("shared.json");
        ModelFile.save(net, model);
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(model));
    }

    @Test
    void brokenFilesAreOneClearLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"sizes\": [2, 1], ");
        assertTrue(message(bad).startsWith(bad + ": not a model file: invalid JSON"), message(bad));
        Path shape = Files.writeString(dir.resolve("shape.json"), "{\"sizes\":[2,1],\"activation\":\"relu\",\"output\":\"sigmoid\","
                + "\"cost\":\"quadratic\",\"weights\":[[[1]]],\"biases\":[[0]]}");
        assertEquals(shape + ": not a valid model: \"weights\"[0][0] must be an array of 2, got 1 entries", message(shape));
        Path act = Files.writeString(dir.resolve("act.json"), "{\"sizes\":[1,1],\"activation\":\"swish\",\"output\":\"sigmoid\","
                + "\"cost\":\"quadratic\",\"weights\":[[[1]]],\"biases\":[[0]]}");
        assertTrue(message(act).contains("activation must be sigmoid, tanh, relu or identity, got 'swish'"));
        assertTrue(message(dir.resolve("none.json")).endsWith("no such model file"));
    }

    private static String message(Path file) {
        return assertThrows(DataException.class, () -> ModelFile.load(file)).getMessage();
    }
}
