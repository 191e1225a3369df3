/**
 * Chapter 4: backpropagation through a whole, fully connected network.
 *
 * <p>{@link kuibu.backprop.Network} is a Nielsen-style network small enough to read in one sitting;
 * {@link kuibu.backprop.Equations} holds the four equations BP1–BP4 it is built from. The small
 * types {@link kuibu.neuron.Activation} (chapter 3's), {@link kuibu.backprop.Output}, {@link kuibu.backprop.Cost}
 * and {@link kuibu.backprop.Init} are the choices a network is made of; chapter 5 builds on them.
 */
package kuibu.backprop;
