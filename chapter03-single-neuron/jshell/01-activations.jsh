// Chapter 3: the activations and their slopes, side by side.
import kuibu.neuron.*;

System.out.println("    z   sigmoid  sigmoid'     tanh    tanh'   relu  relu'");
for (double z : new double[] {-6, -2, -0.5, 0, 0.5, 2, 6}) {
    System.out.printf("%5.1f %8.4f %9.4f %8.4f %8.4f %6.1f %6.1f%n", z,
            Activation.SIGMOID.value(z), Activation.SIGMOID.derivative(z),
            Activation.TANH.value(z), Activation.TANH.derivative(z),
            Activation.RELU.value(z), Activation.RELU.derivative(z));
}

// Without an activation, two neurons in a row are one neuron: -3(2x + 1) + 0.5 = -6x - 2.5.
Neuron first = new Neuron(new double[] {2}, 1, Activation.IDENTITY);
Neuron second = new Neuron(new double[] {-3}, 0.5, Activation.IDENTITY);
for (double x : new double[] {-1, 0, 1, 2}) {
    System.out.printf("x = %4.1f   two linear neurons %6.2f   -6x - 2.5 = %6.2f%n", x,
            second.output(new double[] {first.output(new double[] {x})}), -6 * x - 2.5);
}
