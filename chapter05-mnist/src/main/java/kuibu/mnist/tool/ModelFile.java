package kuibu.mnist.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import kuibu.backprop.Cost;
import kuibu.backprop.Output;
import kuibu.mnist.Network;
import kuibu.mnist.data.DataException;
import kuibu.neuron.Activation;
import kuibu.tools.AtomicFiles;

/**
 * A trained network as JSON that other tools can read:
 * {@code {"sizes": [...], "activation": "...", "output": "...", "cost": "...",
 * "weights": [layer][j][k], "biases": [layer][j]}}, with chapter 4's indexing: weights[l][j][k]
 * connects neuron k of layer l to neuron j of layer l+1.
 */
public final class ModelFile {

    static final ObjectMapper JSON = new ObjectMapper();

    private ModelFile() {}

    /** The JSON tree of {@code net}. */
    static ObjectNode toJson(Network net) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode sizes = root.putArray("sizes");
        for (int n : net.sizes()) {
            sizes.add(n);
        }
        root.put("activation", net.activation().id());
        root.put("output", net.output().id());
        root.put("cost", net.cost().id());
        ArrayNode weights = root.putArray("weights");
        ArrayNode biases = root.putArray("biases");
        for (int l = 0; l < net.layers(); l++) {
            ArrayNode layer = weights.addArray();
            ArrayNode bias = biases.addArray();
            for (int j = 0; j < net.size(l + 1); j++) {
                ArrayNode row = layer.addArray();
                for (int k = 0; k < net.size(l); k++) {
                    row.add(net.weight(l, j, k));
                }
                bias.add(net.bias(l, j));
            }
        }
        return root;
    }

    /** Writes {@code net} to {@code path} atomically: a reader never sees half a model. */
    public static void save(Network net, Path path) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(toJson(net));
        AtomicFiles.write(path, temporary -> Files.write(temporary, bytes));
    }

    /** Reads a model file; anything wrong with it is a {@link DataException} naming the file. */
    public static Network load(Path path) {
        String file = path.toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such model file");
        } catch (JsonProcessingException e) {
            throw new DataException(file + ": not a model file: invalid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new DataException(file + ": not a valid model: " + e.getMessage());
        }
    }

    static Network fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with sizes, activation, output, cost, weights, biases");
        }
        JsonNode sizesNode = field(root, "sizes");
        if (!sizesNode.isArray()) {
            throw new IllegalArgumentException("\"sizes\" must be an array of layer sizes");
        }
        int[] sizes = new int[sizesNode.size()];
        for (int i = 0; i < sizes.length; i++) {
            if (!sizesNode.get(i).canConvertToInt()) {
                throw new IllegalArgumentException("\"sizes\"[" + i + "] must be an integer");
            }
            sizes[i] = sizesNode.get(i).asInt();
        }
        Network net = new Network(sizes, Activation.of(field(root, "activation").asText()),
                Output.of(field(root, "output").asText()), Cost.of(field(root, "cost").asText()));
        JsonNode weights = field(root, "weights");
        JsonNode biases = field(root, "biases");
        expectLength(weights, net.layers(), "\"weights\"");
        expectLength(biases, net.layers(), "\"biases\"");
        for (int l = 0; l < net.layers(); l++) {
            expectLength(weights.get(l), sizes[l + 1], "\"weights\"[" + l + "]");
            expectLength(biases.get(l), sizes[l + 1], "\"biases\"[" + l + "]");
            for (int j = 0; j < sizes[l + 1]; j++) {
                JsonNode row = weights.get(l).get(j);
                expectLength(row, sizes[l], "\"weights\"[" + l + "][" + j + "]");
                for (int k = 0; k < sizes[l]; k++) {
                    net.setWeight(l, j, k, number(row.get(k), "\"weights\"[" + l + "][" + j + "][" + k + "]"));
                }
                net.setBias(l, j, number(biases.get(l).get(j), "\"biases\"[" + l + "][" + j + "]"));
            }
        }
        return net;
    }

    private static JsonNode field(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        return node;
    }

    private static void expectLength(JsonNode node, int length, String what) {
        if (node == null || !node.isArray() || node.size() != length) {
            throw new IllegalArgumentException(what + " must be an array of " + length + ", got "
                    + (node == null || !node.isArray() ? "no array" : node.size() + " entries"));
        }
    }

    private static double number(JsonNode node, String what) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new IllegalArgumentException(what + " must be a finite number");
        }
        return node.asDouble();
    }
}
