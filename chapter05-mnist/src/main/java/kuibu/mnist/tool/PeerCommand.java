package kuibu.mnist.tool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.mnist.Network;
import kuibu.mnist.Trainer;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.Mnist;
import kuibu.mnist.fast.FastBackprop;
import kuibu.neuron.Activation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code peer}: the trainer behind the peers' command line ({@code ../shared/peers/README.md}), so
 * that {@code PEERS=numpy,torch,java JAVA_PEER_CMD="java -jar kuibu-mnist.jar peer" run_peers.sh RECIPE}
 * runs Kuibu beside the numpy and PyTorch peers with the same flags and the same output format.
 */
@Command(name = "peer", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true, hidden = true,
        header = "Train as the numpy and PyTorch peers do, for their run_peers.sh (not listed: a tool's tool).",
        description = {"Takes the peers' flags and prints their output format: one line per epoch, then one JSON line. For"
            + " run_peers.sh: JAVA_PEER_CMD=\"java -jar chapter05-mnist/target/kuibu-mnist.jar peer\". Trains with the fast"
            + " engine on all 60,000 training images."})
final class PeerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "784,30,10", description = "layer sizes (default: ${DEFAULT-VALUE})")
    int[] sizes;

    @Option(names = "--act", paramLabel = "NAME", defaultValue = "sigmoid", description = "hidden layers: sigmoid or relu (default: ${DEFAULT-VALUE})")
    String act;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "mse", description = "mse (sigmoid outputs, quadratic cost) or xent (softmax and cross-entropy) (default: ${DEFAULT-VALUE})")
    String loss;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1", description = "passes over the training set (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "10", description = "mini-batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--eta", paramLabel = "RATE", defaultValue = "3.0", description = "learning rate (default: ${DEFAULT-VALUE})")
    double eta;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "seed of the weights and the shuffles (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "0", description = "first N training images (0 = all 60,000)")
    int trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "0", description = "first N test images (0 = all 10,000)")
    int testLimit;

    @Option(names = "--data", paramLabel = "DIR", description = "MNIST folder (default: $MNIST_DIR, else as for train)")
    String data;

    @Option(names = "--init", paramLabel = "NAME", defaultValue = "scaled", description = "weights: scaled (N(0, 1/fan-in)) or nielsen1 (N(0, 1)) (default: ${DEFAULT-VALUE})")
    String init;

    @Option(names = "--bias-init", paramLabel = "NAME", defaultValue = "zero", description = "biases: normal or zero (default: ${DEFAULT-VALUE})")
    String biasInit;

    @Option(names = "--dtype", paramLabel = "TYPE", defaultValue = "float64", description = "ignored: Kuibu computes in float64")
    String dtype;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "threads of the fast engine (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--quiet", description = "only the final JSON line")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean xent = switch (loss) {
            case "mse" -> false;
            case "xent" -> true;
            default -> throw new IllegalArgumentException("--loss must be mse or xent, got '" + loss + "'");
        };
        Init weights = switch (init) {
            case "scaled" -> Init.LECUN;
            case "nielsen1" -> Init.STANDARD_NORMAL;
            default -> throw new IllegalArgumentException("--init must be scaled or nielsen1, got '" + init + "'");
        };
        if (!biasInit.equals("normal") && !biasInit.equals("zero")) {
            throw new IllegalArgumentException("--bias-init must be normal or zero, got '" + biasInit + "'");
        }
        String env = System.getenv("MNIST_DIR");
        Path dir = Mnist.directory(data != null ? data : env);
        Mnist mnist = Mnist.load(dir);
        Dataset train = trainLimit > 0 ? mnist.train().first(trainLimit) : mnist.train();
        Dataset test = testLimit > 0 ? mnist.test().first(testLimit) : mnist.test();
        Network net = Network.random(sizes, Activation.of(act), xent ? Output.SOFTMAX : Output.SIGMOID,
                xent ? Cost.CROSS_ENTROPY : Cost.QUADRATIC, weights, seed);
        Random biases = new Random(seed + 1);
        for (int l = 0; l < net.layers(); l++) {
            for (int j = 0; j < net.size(l + 1); j++) {
                net.biases(l)[j] = biasInit.equals("zero") ? 0 : biases.nextGaussian();
            }
        }
        double[] evalSeconds = new double[epochs + 1];
        List<Trainer.Epoch> run;
        try (FastBackprop engine = new FastBackprop(net, batch, threads)) {
            run = Trainer.train(engine, train, null, test, new Trainer.Options(epochs, batch, eta, 0, seed), e -> {
                    if (!quiet) {
                        out.printf("epoch %d seconds %.3f samples_per_s %.1f test_acc %.4f%n",
                                e.epoch(), e.seconds(), e.samplesPerSecond(), e.testAccuracy());
                        out.flush();
                    }
                });
        }
        double[] seconds = run.stream().mapToDouble(Trainer.Epoch::seconds).toArray();
        double median = Trainer.medianSeconds(run);
        ObjectNode json = Reports.JSON.createObjectNode();
        json.put("peer", "java");
        json.put("samples_per_s", train.size() / median);
        json.put("epoch_s", median);
        json.put("test_acc", run.get(run.size() - 1).testAccuracy());
        ArrayNode all = json.putArray("epoch_s_all");
        for (double s : seconds) {
            all.add(s);
        }
        ArrayNode accs = json.putArray("test_acc_all");
        run.forEach(e -> accs.add(e.testAccuracy()));
        ArrayNode sizesNode = json.putArray("sizes");
        for (int n : sizes) {
            sizesNode.add(n);
        }
        json.put("act", act);
        json.put("loss", loss);
        json.put("batch", batch);
        json.put("eta", eta);
        json.put("epochs", epochs);
        json.put("init", init);
        json.put("bias_init", biasInit);
        json.put("dtype", "float64");
        json.put("seed", seed);
        json.put("threads", threads);
        json.put("n_train", train.size());
        json.put("n_test", test.size());
        json.put("java", System.getProperty("java.version"));
        out.println(json.toString());
        out.flush();
        return 0;
    }
}
