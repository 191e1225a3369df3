// Chapter 4: Mazur's 2-2-2 example, one step of backprop by hand and by code.
import kuibu.backprop.*;
import kuibu.neuron.Activation;

Network network = MazurExample.network();
System.out.printf("total error before training: %.9f%n", MazurExample.error(network));

// The gradient of every weight, from one forward and one backward pass.
Gradient gradient = network.backprop(MazurExample.input(), MazurExample.target());
System.out.printf("dE/dw5 = %.9f   dE/dw1 = %.9f%n", gradient.nablaW(1)[0][0], gradient.nablaW(0)[0][0]);

// One step with learning rate 1/2 (weights only, as in the post), then many.
MazurExample.step(network, MazurExample.ETA);
System.out.printf("total error after one step: %.9f%n", MazurExample.error(network));
Network trained = MazurExample.trained(10_000);
double[] output = trained.feedforward(MazurExample.input());
System.out.printf("after 10,000 steps: error %.3e, outputs %.6f %.6f (targets 0.01 0.99)%n",
        MazurExample.error(trained), output[0], output[1]);
