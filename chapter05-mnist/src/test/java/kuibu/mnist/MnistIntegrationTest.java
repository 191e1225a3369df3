package kuibu.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.Mnist;
import kuibu.mnist.fast.FastBackprop;
import org.junit.jupiter.api.Test;

/** On the real MNIST, where KUIBU_MNIST_DIR names it (.ci/run sets it here); skipped elsewhere. */
class MnistIntegrationTest {

    @Test
    void tenThousandImagesOneEpochReadNinetyPercentOfTheTestSetWithEitherEngine() {
        Path dir = Mnist.fromEnvironment();
        assumeTrue(dir != null, "MNIST not found: set KUIBU_MNIST_DIR to a folder with the four MNIST .gz files"
                + " to run this test (skipped)");
        Mnist mnist = Mnist.load(dir);
        assertEquals(60_000, mnist.train().size());
        assertEquals(10_000, mnist.test().size());
        assertEquals(5, mnist.train().label(0), "the first training image is a 5");
        Dataset train = mnist.training().first(10_000);
        Trainer.Options options = new Trainer.Options(1, 5, 0.1, 0, 1);
        double lesson = Trainer.train(Recipe.QUICK.network(1), train, null, mnist.test(), options, null).get(0).testAccuracy();
        double fast;
        try (FastBackprop engine = new FastBackprop(Recipe.QUICK.network(1), 5, 2)) {
            fast = Trainer.train(engine, train, null, mnist.test(), options, null).get(0).testAccuracy();
        }
        assertTrue(lesson >= 0.90, "the lesson's engine: test accuracy after one epoch on 10,000 images: " + lesson);
        assertTrue(Math.abs(lesson - fast) <= 0.001, "the two engines after the same epoch: lesson " + lesson + ", fast " + fast
                + " (they compute the same steps, up to rounding)");
    }
}
