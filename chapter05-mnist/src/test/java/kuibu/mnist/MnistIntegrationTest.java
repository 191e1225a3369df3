package kuibu.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On the real MNIST, where KUIBU_MNIST_DIR names it (.ci/run sets it here); skipped elsewhere. */
class MnistIntegrationTest {

    @Test
    void tenThousandImagesOneEpochReadNinetyPercentOfTheTestSet() {
        Path dir = Mnist.fromEnvironment();
        assumeTrue(dir != null, "MNIST not found: set KUIBU_MNIST_DIR to a folder with the four MNIST .gz files"
                + " to run this test (skipped)");
        Mnist mnist = Mnist.load(dir);
        assertEquals(60_000, mnist.train().size());
        assertEquals(10_000, mnist.test().size());
        assertEquals(5, mnist.train().label(0), "the first training image is a 5");
        Network net = Network.random(new int[] {784, 100, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY,
                Network.Init.SCALED, 1);
        List<Trainer.Epoch> epochs = Trainer.train(net, mnist.training().first(10_000), null, mnist.test(),
                new Trainer.Options(1, 5, 0.1, 0, 1, 1), null);
        double accuracy = epochs.get(0).testAccuracy();
        assertTrue(accuracy >= 0.90, "test accuracy after one epoch on 10,000 images: " + accuracy);
    }
}
