/**
 * Chapter 2: the chain rule on a computation graph, and backpropagation as the chain rule plus
 * dynamic programming.
 *
 * <p>{@link kuibu.chainrule.ByHand} differentiates two small graphs by hand;
 * {@link kuibu.chainrule.Value} does it by machine for any expression (scalar reverse-mode automatic
 * differentiation) and {@link kuibu.chainrule.Gradients} turns such an expression into a function the
 * numeric referee of chapter 1 can check; {@link kuibu.chainrule.LayeredGraph} counts the
 * multiplications of path-by-path, forward-mode and reverse-mode differentiation;
 * {@link kuibu.chainrule.NeuronChain} is a network of one sigmoid neuron per layer, differentiated
 * layer by layer.
 */
package kuibu.chainrule;
