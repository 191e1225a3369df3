package kuibu.neuron;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The claims of chapter 3's text about training one neuron. */
class TrainerTest {

    private static final Neuron ZERO = new Neuron(new double[] {0, 0}, 0, Activation.SIGMOID);

    @Test
    void learnsAndAndOr() {
        for (List<Sample> gate : List.of(Datasets.and(), Datasets.or())) {
            Trainer.Training t = Trainer.train(ZERO, gate, Cost.CROSS_ENTROPY, 1, 1000);
            assertThat(t.last().accuracy(gate), equalTo(1.0));
        }
    }

    @Test
    void learnsTwoBlobs() {
        List<Sample> blobs = Datasets.blobs(50, 0.5, 1);
        assertThat(Trainer.train(ZERO, blobs, Cost.CROSS_ENTROPY, 1, 200).last().accuracy(blobs), greaterThan(0.95));
    }

    @Test
    void cannotLearnXor() {
        List<Sample> xor = Datasets.xor();
        for (double[] w : new double[][] {{0, 0}, {1, -1}, {-2, 3}}) {
            Neuron start = new Neuron(w, 0.5, Activation.SIGMOID);
            Neuron end = Trainer.train(start, xor, Cost.CROSS_ENTROPY, 1, 2000).last();
            assertThat("no line separates XOR: at most 3 of 4 right", end.accuracy(xor), lessThanOrEqualTo(0.75));
            assertThat("the best a line can do in cross-entropy is ln 2 ≈ 0.693", end.cost(xor, Cost.CROSS_ENTROPY), greaterThan(0.69));
        }
    }

    @Test
    void crossEntropyLearnsFasterFromASaturatedStart() {
        // Nielsen's example: input 1, target 0, w = b = 2, so a = sigmoid(4) ≈ 0.98
        double quadratic = Experiments.slowdown(Cost.QUADRATIC, 50).last().output(new double[] {1});
        double crossEntropy = Experiments.slowdown(Cost.CROSS_ENTROPY, 50).last().output(new double[] {1});
        assertThat("after 50 epochs the quadratic cost has barely moved the output", quadratic, greaterThan(0.9));
        assertThat("cross-entropy has brought it well down", crossEntropy, lessThan(0.3));
    }

    @Test
    void theStartDecidesWhereANeuronEndsUp() {
        double[] ends = Experiments.STARTS.stream()
                .mapToDouble(start -> Experiments.andFrom(start, 600).last().accuracy(Datasets.and())).toArray();
        assertThat("from small weights AND is learnt", ends[0], equalTo(1.0));
        assertThat("from (-4, -4, -2) the neuron is stuck saying 0", ends[2], equalTo(0.75));
        assertThat("from (6, 6, 6) it is stuck saying 1", ends[3], equalTo(0.25));
    }

    @Test
    void linearNeuronsCollapseToOne() {
        Neuron first = new Neuron(new double[] {2}, 1, Activation.IDENTITY);
        Neuron second = new Neuron(new double[] {-3}, 0.5, Activation.IDENTITY);
        Neuron single = new Neuron(new double[] {-6}, -2.5, Activation.IDENTITY); // w = w2 w1, b = w2 b1 + b2
        for (double x : new double[] {-2, 0, 0.7, 10}) {
            assertThat(second.output(new double[] {first.output(new double[] {x})}), closeTo(single.output(new double[] {x}), 1e-12));
        }
    }

    @Test
    void keepsEveryNeuronOfTheRun() {
        Trainer.Training t = Trainer.train(ZERO, Datasets.or(), Cost.QUADRATIC, 0.5, 10);
        assertThat(t.neurons().size(), equalTo(11));
        assertThat(t.costs(Datasets.or(), Cost.QUADRATIC)[0], closeTo(0.125, 1e-15));
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.train(ZERO, List.of(), Cost.QUADRATIC, 0.1, 5));
        assertThat(e.getMessage(), org.hamcrest.Matchers.containsString("0 samples"));
        assertThrows(IllegalArgumentException.class, () -> ZERO.z(new double[] {1}));
    }
}
