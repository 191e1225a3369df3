package kuibu.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kuibu.neuron.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole network's gradient against the numeric referee for every combination the code offers:
 * 3 hidden activations × 2 output layers × 2 costs × 3 initialisations, each on the shapes 3-5-4-2,
 * 10-7-7-7-3, 2-2-2, 4-3 and 1-6-1 (not graded: it needs exercises 4.1 to 4.8 all solved).
 */
class WholeNetworkGradientTest {

    static Stream<Network.Design> designs() {
        List<Network.Design> designs = new ArrayList<>();
        for (Activation hidden : Activation.values()) {
            for (Output output : Output.values()) {
                for (Cost cost : Cost.values()) {
                    for (Init init : Init.values()) {
                        designs.add(new Network.Design(hidden, output, cost, init));
                    }
                }
            }
        }
        return designs.stream();
    }

    @ParameterizedTest
    @MethodSource("designs")
    void backpropMatchesTheReferee(Network.Design design) {
        BackpropExerciseTest.checkWholeNetwork(design);
    }
}
