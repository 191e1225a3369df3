package kuibu.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer: the fused step equals gradient + update, it learns, it is deterministic, it stops on divergence. */
class TrainerTest {

    private static final Dataset DIGITS = SyntheticDigits.generate(1200, 11, "generated");
    private static final Dataset TEST = SyntheticDigits.generate(300, 12, "generated test");

    @Test
    void fusedStepEqualsGradientThenUpdate() {
        for (Activation activation : Activation.values()) {
            Network a = SmallNetworks.network(new int[] {6, 5, 4, 3}, activation, Output.SOFTMAX, Cost.CROSS_ENTROPY, 5);
            Network b = a.copy();
            int m = 4;
            Backprop fused = new Backprop(a, m);
            Backprop plain = new Backprop(b, m);
            SmallNetworks.batch(fused, m, 6);
            SmallNetworks.batch(plain, m, 6);
            fused.descend(m, 0.3, 2.0, 50);
            plain.gradient(m);
            for (int l = 0; l < b.layers(); l++) {
                for (int k = 0; k < b.sizes[l]; k++) {
                    Sgd.update(b.weights[l][k], plain.nablaW[l][k], 0.3, 2.0, m, 50);
                    assertArrayEquals(b.weights[l][k], a.weights[l][k], 1e-13, activation + " weights of layer " + l);
                }
                Sgd.update(b.biases[l], plain.nablaB[l], 0.3, 0, m, 50);
                assertArrayEquals(b.biases[l], a.biases[l], 1e-13, activation + " biases of layer " + l);
            }
        }
    }

    @Test
    void batchForwardEqualsPerSampleFeedforward() {
        Network net = SmallNetworks.network(new int[] {5, 4, 3}, Activation.TANH, Output.SOFTMAX, Cost.QUADRATIC, 2);
        Backprop bp = new Backprop(net, 3);
        SmallNetworks.batch(bp, 3, 3);
        bp.forward(3);
        for (int s = 0; s < 3; s++) {
            double[] a = net.feedforward(SmallNetworks.row(bp.a[0], s));
            assertArrayEquals(a, bp.a[2][s], 1e-14);
        }
    }

    @Test
    void learnsGeneratedDigits() {
        Network net = Network.random(new int[] {784, 30, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY, Network.Init.SCALED, 1);
        List<Trainer.Epoch> epochs = Trainer.train(net, DIGITS, null, TEST, new Trainer.Options(3, 10, 0.1, 0, 1, 1), null);
        assertEquals(3, epochs.size());
        assertTrue(epochs.get(2).testAccuracy() > 0.9, "accuracy after 3 epochs: " + epochs.get(2).testAccuracy());
        assertTrue(Double.isNaN(epochs.get(0).validationAccuracy()));
    }

    @Test
    void sameSeedSameModelFileForAnyThreadCount(@TempDir Path dir) throws Exception {
        byte[][] files = new byte[3][];
        int[] threads = {1, 2, 3};
        for (int t = 0; t < threads.length; t++) {
            Network net = Network.random(new int[] {784, 40, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY,
                    Network.Init.SCALED, 42);
            Trainer.train(net, DIGITS.first(600), null, null, new Trainer.Options(2, 64, 0.1, 1.0, 42, threads[t]), null);
            Path file = dir.resolve("model-" + threads[t] + ".json");
            ModelFile.save(net, file);
            files[t] = Files.readAllBytes(file);
        }
        assertArrayEquals(files[0], files[1], "1 and 2 threads must give the same bytes");
        assertArrayEquals(files[0], files[2], "1 and 3 threads must give the same bytes");
    }

    @Test
    void fusedStepGivesTheSameBitsWhenEveryProductIsSplit() {
        Network one = Network.random(new int[] {784, 40, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY,
                Network.Init.SCALED, 7);
        Network three = one.copy();
        int m = 16;
        try (Parallel serial = new Parallel(1); Parallel split = new Parallel(3, 0)) {
            Backprop a = new Backprop(one, m, serial);
            Backprop b = new Backprop(three, m, split);
            for (int step = 0; step < 3; step++) {
                for (int s = 0; s < m; s++) {
                    DIGITS.copyImage(step * m + s, a.a[0][s]);
                    DIGITS.copyImage(step * m + s, b.a[0][s]);
                    OneHot.encode(DIGITS.label(step * m + s), 10, a.y[s], 0);
                    OneHot.encode(DIGITS.label(step * m + s), 10, b.y[s], 0);
                }
                assertEquals(a.descend(m, 0.1, 1.0, 600), b.descend(m, 0.1, 1.0, 600));
            }
        }
        for (int l = 0; l < one.layers(); l++) {
            assertArrayEquals(one.weights[l], three.weights[l], "weights of layer " + l);   // row by row, bit for bit
            assertArrayEquals(one.biases[l], three.biases[l], "biases of layer " + l);
        }
    }

    @Test
    void loadingWithTheDatasetsListOfNonzeroPixelsGivesTheSameStepAsLookingForThem() {
        Network listed = Network.random(new int[] {784, 20, 10}, Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC,
                Network.Init.NORMAL, 3);
        Network scanned = listed.copy();
        int m = 5;
        Backprop a = new Backprop(listed, m);
        Backprop b = new Backprop(scanned, m);
        for (int step = 0; step < 4; step++) {
            for (int s = 0; s < m; s++) {
                int i = (step * 37 + s * 11) % DIGITS.size();
                a.load(s, DIGITS, i);                      // over whatever image row s held before
                DIGITS.copyImage(i, b.a[0][s]);
                assertArrayEquals(b.a[0][s], a.a[0][s], "row " + s + " holds image " + i + " and nothing else");
                OneHot.encode(DIGITS.label(i), 10, a.y[s], 0);
                OneHot.encode(DIGITS.label(i), 10, b.y[s], 0);
            }
            assertEquals(b.descend(m, 3.0, 0, 100), a.descend(m, 3.0, 0, 100));
        }
        for (int l = 0; l < listed.layers(); l++) {
            assertArrayEquals(scanned.weights[l], listed.weights[l], "weights of layer " + l);
            assertArrayEquals(scanned.biases[l], listed.biases[l], "biases of layer " + l);
        }
    }

    @Test
    void divergenceStopsWithAHint() {
        Network net = Network.random(new int[] {784, 30, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY, Network.Init.NORMAL, 1);
        Trainer.DivergedException e = assertThrows(Trainer.DivergedException.class,
                () -> Trainer.train(net, DIGITS, null, null, new Trainer.Options(1, 10, 1000, 0, 1, 1), null));
        assertTrue(e.getMessage().contains("smaller --eta"), e.getMessage());
    }

    @Test
    void saturationWithoutNaNIsDivergenceToo() {
        Network net = Network.random(new int[] {784, 30, 10}, Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC, Network.Init.NORMAL, 1);
        Trainer.DivergedException e = assertThrows(Trainer.DivergedException.class,
                () -> Trainer.train(net, DIGITS, null, null, new Trainer.Options(1, 10, 1000, 0, 1, 1), null));
        assertTrue(e.getMessage().contains("saturated") && e.getMessage().contains("smaller --eta"), e.getMessage());
    }

    @Test
    void nielsensStepSizeDoesNotCountAsSaturation() {
        Network net = Network.random(new int[] {784, 30, 10}, Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC, Network.Init.NORMAL, 1);
        Trainer.train(net, DIGITS, null, null, new Trainer.Options(3, 10, 3.0, 0, 1, 1), null);
    }

    @Test
    void medianSecondsIsThePeersMedian() {
        java.util.function.IntFunction<Trainer.Epoch> epoch = i -> new Trainer.Epoch(i, new double[] {0, 3, 1, 2, 10}[i], 0, 0, 0, 0);
        assertEquals(2.0, Trainer.medianSeconds(List.of(epoch.apply(1), epoch.apply(2), epoch.apply(3))));
        assertEquals(1.5, Trainer.medianSeconds(List.of(epoch.apply(2), epoch.apply(3))), "even count: mean of the middle two");
    }
}
