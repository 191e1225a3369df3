// Chapter 5: train a small network for a few seconds and let it read some digits.
// Uses MNIST from KUIBU_MNIST_DIR when it is set, else generated digits.
import kuibu.mnist.*;
import kuibu.mnist.data.*;
import kuibu.backprop.Cost;
import kuibu.backprop.Init;
import kuibu.backprop.Output;
import kuibu.neuron.Activation;

Path dir = Mnist.fromEnvironment();
Mnist data = Mnist.orGenerated(dir, 3000, 500);

// 3Blue1Brown's network: 784-16-16-10. How many numbers does learning have to find?
Network small = Network.random(new int[] {784, 16, 16, 10}, Activation.SIGMOID, Output.SIGMOID, Cost.QUADRATIC, Init.STANDARD_NORMAL, 1);
System.out.println("784-16-16-10 has " + small.parameterCount() + " weights and biases");

// A modern little recipe: ReLU hidden layer, softmax output, cross-entropy, initial weights N(0, 1/n_in) (LeCun's).
Network net = Network.random(new int[] {784, 30, 10}, Activation.RELU, Output.SOFTMAX, Cost.CROSS_ENTROPY, Init.LECUN, 1);
Trainer.train(net, data.train().first(3000), null, data.test(), new Trainer.Options(2, 10, 0.1, 0, 1),
        e -> System.out.printf("epoch %d: %.2f s, %.0f samples/s, test accuracy %.1f%%%n",
                e.epoch(), e.seconds(), e.samplesPerSecond(), 100 * e.testAccuracy()));

// What does it say about the first five test images?
for (int i = 0; i < 5; i++) {
    System.out.printf("test image %d: label %d, network says %d%n", i, data.test().label(i), net.predict(data.test().image(i)));
}

// The confusion matrix: rows are the true digits, columns the network's guesses.
Evaluation e = Evaluation.of(net, data.test());
for (int[] row : e.confusion()) System.out.println(Arrays.toString(row));
System.out.printf("accuracy %.4f%n", e.accuracy());
