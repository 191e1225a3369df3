package kuibu.backprop;

import static kuibu.derivatives.GradientMatchers.at;
import static kuibu.derivatives.GradientMatchers.isGradientOf;
import static org.hamcrest.MatcherAssert.assertThat;

import java.util.List;
import java.util.Random;
import kuibu.grading.Exercise;
import kuibu.neuron.Activation;
import org.junit.jupiter.api.Test;

/** Exercise 4.6: the mini-batch update, the mean gradient of the batch's cost and one step against it (uses exercise 4.5's backprop). */
@Exercise(id = "4.6", points = 2)
class MiniBatchExerciseTest {

    private static final Network.Design[] DESIGNS = {
        Network.Design.DEFAULT,
        Network.Design.DEFAULT.withHidden(Activation.TANH).withOutput(Output.SOFTMAX),
    };

    @Test
    void meanGradientIsTheGradientOfTheMeanCost() {
        Random random = new Random(6);
        for (Network.Design design : DESIGNS) {
            for (int batchSize : new int[] {1, 3, 10}) {
                Network network = new Network(design, random.nextLong(), 4, 5, 3);
                List<Sample> batch = Depth.randomSamples(batchSize, 4, 3, random);
                assertThat(network.meanGradient(batch).toArray(),
                        isGradientOf(Referee.meanCostOfParameters(network, batch), at(network.parameters()))
                                .hint("the mean gradient is the sum of the samples' gradients divided by the batch size ("
                                        + batchSize + " samples)"));
            }
        }
    }

    @Test
    void eachOfTwoUpdatesInARowFollowsItsOwnBatch() {
        Random random = new Random(9);
        for (Network.Design design : DESIGNS) {
            Network network = new Network(design, random.nextLong(), 3, 4, 2);
            List<Sample> first = Depth.randomSamples(4, 3, 2, random);
            List<Sample> second = Depth.randomSamples(2, 3, 2, random);
            double eta = 0.5;
            network.updateMiniBatch(first, eta);
            double[] between = network.parameters();
            network.updateMiniBatch(second, eta);
            double[] after = network.parameters();
            double[] impliedGradient = new double[between.length];
            for (int i = 0; i < between.length; i++) {
                impliedGradient[i] = (between[i] - after[i]) / eta;
            }
            assertThat(impliedGradient, isGradientOf(Referee.meanCostOfParameters(network, second), at(between))
                    .hint("the second step must follow the second batch's mean gradient alone, at the parameters the first"
                            + " step left: nothing of the first batch may be left over"));
        }
    }

    @Test
    void updateMovesEveryParameterAgainstTheMeanGradient() {
        Random random = new Random(8);
        for (Network.Design design : DESIGNS) {
            for (double eta : new double[] {0.1, 3.0}) {
                Network network = new Network(design, random.nextLong(), 3, 4, 2);
                List<Sample> batch = Depth.randomSamples(5, 3, 2, random);
                double[] before = network.parameters();
                network.updateMiniBatch(batch, eta);
                double[] after = network.parameters();
                double[] impliedGradient = new double[before.length];
                for (int i = 0; i < before.length; i++) {
                    impliedGradient[i] = (before[i] - after[i]) / eta;
                }
                assertThat(impliedGradient, isGradientOf(Referee.meanCostOfParameters(network, batch), at(before))
                        .hint("each weight and bias must change by -eta times its mean gradient (eta = " + eta + "), biases included"));
            }
        }
    }
}
