// Chapter 4: a 2-3-1 network learns XOR, which no single neuron can compute.
import kuibu.backprop.*;
import kuibu.neuron.Activation;

Network.Design design = Network.Design.DEFAULT.withHidden(Activation.TANH).withCost(Cost.CROSS_ENTROPY).withInit(Init.XAVIER);
Network xor = new Network(design, 1L, 2, 3, 1);
List<Network.Epoch> history = Xor.train(xor, 1000, 0.5, 1L);
for (int e : new int[] {1, 10, 100, 1000}) {
    Network.Epoch epoch = history.get(e - 1);
    System.out.printf("epoch %4d: cost %.4f, accuracy %.0f%%%n", e, epoch.cost(), 100 * epoch.accuracy());
}
for (Sample s : Xor.samples()) {
    System.out.printf("%s -> %.3f%n", Arrays.toString(s.x()), xor.feedforward(s.x())[0]);
}

// Try it: other seeds, the quadratic cost, sigmoid hidden neurons, or only 2 hidden neurons.
