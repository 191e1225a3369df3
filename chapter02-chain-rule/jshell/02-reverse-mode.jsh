// Chapter 2: how many multiplications does a gradient cost? Path by path, forward mode, reverse mode.
import kuibu.chainrule.*;

System.out.println("depth   path by path   forward mode   reverse mode");
for (int depth = 1; depth <= 8; depth++) {
    LayeredGraph graph = new LayeredGraph(3, depth, 42);
    System.out.printf("%5d %14d %14d %14d%n", depth, graph.pathByPath().multiplications(),
            graph.forwardMode().multiplications(), graph.reverseMode().multiplications());
}

// A long chain: backward() walks the graph with a loop, so 100,000 operations are no problem.
Value x0 = new Value(0.5);
Value chain = x0;
for (int i = 0; i < 100_000; i++) chain = chain.mul(1.00001);
chain.backward();
System.out.printf("d(chain)/dx after 100,000 multiplications by 1.00001: %.6f%n", x0.grad());

// The one-neuron-per-layer chain of section 2.6, with three layers.
var net = new NeuronChain(new double[] {0.5, -1.2, 2.0}, new double[] {0.1, 0.3, -0.4});
System.out.println("activations " + Arrays.toString(net.activations(0.8)));
System.out.println(net.gradient(0.8, 1.0));
