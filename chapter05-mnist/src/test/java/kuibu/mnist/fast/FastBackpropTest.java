package kuibu.mnist.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.mnist.Backprop;
import kuibu.mnist.Network;
import kuibu.mnist.Recipe;
import kuibu.mnist.Trainer;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.SyntheticDigits;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;

/**
 * The fast engine computes the lesson's steps: the same costs and, step after step, the same weights up
 * to rounding; and the same bits on any number of threads.
 */
class FastBackpropTest {

    private static final Dataset DIGITS = SyntheticDigits.generate(1200, 11, "generated");
    private static final Dataset TEST = SyntheticDigits.generate(300, 12, "generated test");

    @Test
    void takesTheLessonsStepsForEveryActivationOutputAndCost() {
        for (Activation activation : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.RELU}) {
            for (Output output : Output.values()) {
                for (Cost cost : Cost.values()) {
                    Network lessonNet = Network.random(new int[] {784, 20, 12, 10}, activation, output, cost, Init.LECUN, 5);
                    Network fastNet = lessonNet.copy();
                    int m = 8;
                    Backprop lesson = new Backprop(lessonNet, m);
                    try (FastBackprop fast = new FastBackprop(fastNet, m, 1)) {
                        for (int step = 0; step < 5; step++) {
                            int first = step * m;
                            lesson.load(DIGITS, s -> first + s, m);
                            fast.load(DIGITS, s -> first + s, m);
                            double a = lesson.step(m, 0.1, 2.0, 600);
                            double b = fast.step(m, 0.1, 2.0, 600);
                            String what = activation + "/" + output + "/" + cost + ", step " + step;
                            assertEquals(a, b, 1e-10 * Math.max(1, Math.abs(a)), what + ": the batch's cost");
                        }
                    }
                    for (int l = 0; l < lessonNet.layers(); l++) {
                        for (int k = 0; k < lessonNet.size(l); k++) {
                            assertArrayEquals(lessonNet.weights(l)[k], fastNet.weights(l)[k], 1e-10,
                                    activation + "/" + output + "/" + cost + ": weights of layer " + l + ", row " + k);
                        }
                        assertArrayEquals(lessonNet.biases(l), fastNet.biases(l), 1e-10, "biases of layer " + l);
                    }
                }
            }
        }
    }

    @Test
    void reachesTheLessonsAccuracyAfterAnEpoch() {
        Trainer.Options options = new Trainer.Options(1, 10, 0.1, 0, 3);
        double lesson = Trainer.train(Recipe.QUICK.network(3), DIGITS, null, TEST, options, null).get(0).testAccuracy();
        double fast;
        try (FastBackprop engine = new FastBackprop(Recipe.QUICK.network(3), 10, 2)) {
            fast = Trainer.train(engine, DIGITS, null, TEST, options, null).get(0).testAccuracy();
        }
        assertTrue(Math.abs(lesson - fast) <= 0.001, "lesson " + lesson + ", fast " + fast);
    }

    @Test
    void sameBitsForAnyThreadCountAndWhenEveryProductIsSplit() {
        Network serial = Network.random(new int[] {784, 40, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY, Init.LECUN, 7);
        Network split = serial.copy();
        int m = 16;
        try (FastBackprop a = new FastBackprop(serial, m, new Parallel(1));
             FastBackprop b = new FastBackprop(split, m, new Parallel(3, 0))) {
            for (int step = 0; step < 3; step++) {
                int first = step * m;
                a.load(DIGITS, s -> first + s, m);
                b.load(DIGITS, s -> first + s, m);
                assertEquals(a.step(m, 0.1, 1.0, 600), b.step(m, 0.1, 1.0, 600));
            }
        }
        for (int l = 0; l < serial.layers(); l++) {
            assertArrayEquals(serial.weights(l), split.weights(l), "weights of layer " + l);   // row by row, bit for bit
            assertArrayEquals(serial.biases(l), split.biases(l), "biases of layer " + l);
        }
    }

    @Test
    void aTrainingRunGivesTheSameNetworkOnOneThreadAndOnThree() {
        List<Network> nets = List.of(Recipe.QUICK.network(42), Recipe.QUICK.network(42));
        int[] threads = {1, 3};
        for (int t = 0; t < 2; t++) {
            try (FastBackprop engine = new FastBackprop(nets.get(t), 64, threads[t])) {
                Trainer.train(engine, DIGITS.first(600), null, null, new Trainer.Options(2, 64, 0.1, 1.0, 42), null);
            }
        }
        for (int l = 0; l < nets.get(0).layers(); l++) {
            assertArrayEquals(nets.get(0).weights(l), nets.get(1).weights(l), "weights of layer " + l);
        }
    }

    @Test
    void aLoadedSampleIsExactlyItsImageWhateverWasLoadedBefore() {
        try (FastBackprop engine = new FastBackprop(Recipe.QUICK.network(1), 2, 1)) {
            for (int first = 0; first < 40; first += 2) {
                int from = first;
                engine.load(DIGITS, s -> from + s, 2);
                for (int s = 0; s < 2; s++) {
                    assertArrayEquals(DIGITS.image(from + s), engine.input(s), "image " + (from + s) + " in row " + s);
                }
            }
        }
    }

    @Test
    void prefetchingReadsOnlyTheImagesThereAre() {
        for (int i = 0; i < DIGITS.size(); i++) {
            DIGITS.prefetch(i);
        }
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> DIGITS.prefetch(DIGITS.size()));
        assertEquals("image 1200 of 1200 in generated", e.getMessage());
    }
}
