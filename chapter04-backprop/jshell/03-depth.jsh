// Chapter 4: how the size of the gradient changes from layer to layer in a deep network.
import kuibu.backprop.*;
import kuibu.neuron.Activation;

int[] sizes = {30, 30, 30, 30, 30, 30, 30, 10};
Network.Design softmax = Network.Design.DEFAULT.withOutput(Output.SOFTMAX).withCost(Cost.CROSS_ENTROPY);
void show(String name, Network.Design design) {
    double[] norms = Depth.gradientNorms(design, 1L, sizes);
    StringBuilder line = new StringBuilder(String.format("%-22s", name));
    for (double norm : norms) {
        line.append(String.format(" %9.2e", norm));
    }
    System.out.println(line);
}
show("sigmoid, N(0,1)", softmax);
show("sigmoid, Xavier", softmax.withInit(Init.XAVIER));
show("tanh, Xavier", softmax.withHidden(Activation.TANH).withInit(Init.XAVIER));
show("ReLU, N(0,1)", softmax.withHidden(Activation.RELU));
show("ReLU, He", softmax.withHidden(Activation.RELU).withInit(Init.HE));

// Backprop versus numeric differentiation, in multiply-adds for one gradient.
for (int width = 4; width <= 16; width *= 2) {
    BackpropCost.Row row = BackpropCost.measure(width, width, width, width);
    System.out.printf("D = %6d: backprop %9d, numeric %12d (%.0f times as much)%n",
            row.parameters(), row.backprop(), row.numeric(), row.ratio());
}
