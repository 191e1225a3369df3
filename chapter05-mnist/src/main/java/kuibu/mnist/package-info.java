/**
 * Chapter 5: a network that reads handwritten digits. This package is the lesson: the network, the
 * matrix form of backpropagation for a mini-batch ({@link kuibu.mnist.Backprop}, exercise 5.3), the update
 * ({@link kuibu.mnist.Sgd}, exercise 5.4), one-hot targets (5.2), the evaluation (5.5) and the trainer that
 * drives them. {@code data} reads MNIST (exercise 5.1), {@code fast} is the same arithmetic arranged for speed,
 * {@code tool} is the command-line tool.
 */
package kuibu.mnist;
