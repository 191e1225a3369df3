package kuibu.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.mnist.data.Dataset;
import kuibu.mnist.data.SyntheticDigits;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;

/** The trainer with the lesson's engine: a step is gradient + update, it learns, it stops on divergence. */
class TrainerTest {

    private static final Dataset DIGITS = SyntheticDigits.generate(1200, 11, "generated");
    private static final Dataset TEST = SyntheticDigits.generate(300, 12, "generated test");

    @Test
    void aStepIsTheGradientThenTheUpdateOfEveryLayer() {
        Network a = SmallNetworks.network(new int[] {6, 5, 4, 3}, Activation.TANH, Output.SOFTMAX, Cost.CROSS_ENTROPY, 5);
        Network b = a.copy();
        int m = 4;
        Backprop stepped = new Backprop(a, m);
        Backprop plain = new Backprop(b, m);
        SmallNetworks.batch(stepped, m, 6);
        SmallNetworks.batch(plain, m, 6);
        assertEquals(plain.gradient(m), stepped.step(m, 0.3, 2.0, 50));
        for (int l = 0; l < b.layers(); l++) {
            for (int k = 0; k < b.size(l); k++) {
                Sgd.update(b.weights(l)[k], plain.nablaW(l)[k], 0.3, 2.0, m, 50);
            }
            Sgd.update(b.biases(l), plain.nablaB(l), 0.3, 0, m, 50);
            assertArrayEquals(b.weights(l), a.weights(l), "weights of layer " + l);
            assertArrayEquals(b.biases(l), a.biases(l), "biases of layer " + l);
        }
    }

    @Test
    void batchForwardEqualsPerSampleFeedforward() {
        Network net = SmallNetworks.network(new int[] {5, 4, 3}, Activation.TANH, Output.SOFTMAX, Cost.QUADRATIC, 2);
        Backprop bp = new Backprop(net, 3);
        SmallNetworks.batch(bp, 3, 3);
        bp.forward(3);
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(net.feedforward(bp.input(s).clone()), bp.activations(2, s), 1e-14);
        }
    }

    @Test
    void learnsGeneratedDigits() {
        Network net = Network.random(new int[] {784, 30, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY, Init.LECUN, 1);
        List<Trainer.Epoch> epochs = Trainer.train(net, DIGITS, null, TEST, new Trainer.Options(3, 10, 0.1, 0, 1), null);
        assertEquals(3, epochs.size());
        assertTrue(epochs.get(2).testAccuracy() > 0.9, "accuracy after 3 epochs: " + epochs.get(2).testAccuracy());
        assertTrue(Double.isNaN(epochs.get(0).validationAccuracy()));
    }

    @Test
    void sameSeedSameNetwork() {
        Network one = Recipe.QUICK.network(42);
        Network two = Recipe.QUICK.network(42);
        Trainer.train(one, DIGITS.first(300), null, null, new Trainer.Options(1, 16, 0.1, 1.0, 42), null);
        Trainer.train(two, DIGITS.first(300), null, null, new Trainer.Options(1, 16, 0.1, 1.0, 42), null);
        for (int l = 0; l < one.layers(); l++) {
            assertArrayEquals(one.weights(l), two.weights(l), "weights of layer " + l);
        }
    }

    @Test
    void divergenceStopsSayingTheLearningRateIsTooLarge() {
        Network net = Network.random(new int[] {784, 30, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY,
                Init.STANDARD_NORMAL, 1);
        Trainer.DivergedException e = assertThrows(Trainer.DivergedException.class,
                () -> Trainer.train(net, DIGITS, null, null, new Trainer.Options(1, 10, 1000, 0, 1), null));
        assertTrue(e.getMessage().contains("the learning rate 1000.0 is too large"), e.getMessage());
        assertEquals(1000.0, e.eta());
    }

    @Test
    void saturationWithoutNaNIsDivergenceToo() {
        Network net = Network.random(new int[] {784, 30, 10}, Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC,
                Init.STANDARD_NORMAL, 1);
        Trainer.DivergedException e = assertThrows(Trainer.DivergedException.class,
                () -> Trainer.train(net, DIGITS, null, null, new Trainer.Options(1, 10, 1000, 0, 1), null));
        assertTrue(e.getMessage().contains("saturated") && e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void nielsensStepSizeDoesNotCountAsSaturation() {
        Trainer.train(Recipe.NIELSEN.network(1), DIGITS, null, null, new Trainer.Options(3, 10, 3.0, 0, 1), null);
    }

    @Test
    void momentumTakesOtherStepsAndOnlyTheLessonsEngineHasIt() {
        Network plain = Recipe.QUICK.network(3);
        Network heavy = Recipe.QUICK.network(3);
        Network zero = Recipe.QUICK.network(3);
        Trainer.train(plain, DIGITS.first(200), null, null, new Trainer.Options(1, 16, 0.1, 0, 3), null);
        Trainer.train(zero, DIGITS.first(200), null, null, new Trainer.Options(1, 16, 0.1, 0, 0.0, 3), null);
        Trainer.train(heavy, DIGITS.first(200), null, null, new Trainer.Options(1, 16, 0.1, 0, 0.9, 3), null);
        assertArrayEquals(plain.weights(0), zero.weights(0), "momentum 0 is the plain step");
        assertTrue(Math.abs(plain.weights(0)[100][5] - heavy.weights(0)[100][5]) > 0
                || Math.abs(plain.biases(0)[5] - heavy.biases(0)[5]) > 0, "momentum 0.9 takes other steps");

        try (kuibu.mnist.fast.FastBackprop fast = new kuibu.mnist.fast.FastBackprop(Recipe.QUICK.network(3), 16, 1)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> Trainer.train(fast, DIGITS.first(200), null, null, new Trainer.Options(1, 16, 0.1, 0, 0.9, 3), null));
            assertEquals("this engine trains without momentum; the lesson's engine has it", e.getMessage());
        }
        for (double mu : new double[] {-0.1, 1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer.Options(1, 16, 0.1, 0, mu, 3));
            assertEquals("the momentum mu must be at least 0 and below 1, got " + mu, e.getMessage());
        }
    }
}
