// Chapter 3: train one sigmoid neuron on the logic gates, and watch it fail on XOR.
import kuibu.neuron.*;

Neuron start = new Neuron(new double[] {0, 0}, 0, Activation.SIGMOID);
for (String name : List.of("AND", "OR", "XOR")) {
    List<Sample> data = switch (name) {
        case "AND" -> Datasets.and();
        case "OR" -> Datasets.or();
        default -> Datasets.xor();
    };
    var training = Trainer.train(start, data, Cost.CROSS_ENTROPY, 1.0, 1000);
    Neuron end = training.last();
    double[] costs = training.costs(data, Cost.CROSS_ENTROPY);
    System.out.printf("%-3s cost %.3f -> %.3f, accuracy %.0f%%, %s%n", name, costs[0], costs[costs.length - 1],
            100 * end.accuracy(data), end);
}

// The learning slowdown: one input 1, target 0, starting saturated at w = b = 2 (output 0.98).
List<Sample> one = List.of(new Sample(new double[] {1}, 0));
Neuron saturated = new Neuron(new double[] {2}, 2, Activation.SIGMOID);
for (Cost cost : Cost.values()) {
    double[] outputs = Trainer.train(saturated, one, cost, 0.15, 300).outputs(new double[] {1});
    System.out.printf("%-13s output after 0, 50, 100, 300 epochs: %.3f %.3f %.3f %.3f%n", cost,
            outputs[0], outputs[50], outputs[100], outputs[300]);
}
