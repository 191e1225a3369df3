/**
 * Chapter 3: one neuron, z = w·x + b and a = σ(z), and how it learns.
 *
 * <p>{@link kuibu.neuron.Activation} and {@link kuibu.neuron.Cost} are small types that carry their
 * own derivatives; {@link kuibu.neuron.Neuron} computes its output and the gradient of a cost with
 * respect to its weights and bias; {@link kuibu.neuron.Trainer} runs gradient descent;
 * {@link kuibu.neuron.Datasets} generates the logic gates and two Gaussian blobs, and
 * {@link kuibu.neuron.Experiments} holds the learning-slowdown and initial-weights experiments the
 * text, its figures and its tests share.
 */
package kuibu.neuron;
