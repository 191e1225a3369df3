package kuibu.backprop;

import kuibu.neuron.Activation;

/**
 * The four equations of backpropagation, one method each, named after what they compute.
 *
 * <p>δ<sup>l</sup><sub>j</sub> = ∂C/∂z<sup>l</sup><sub>j</sub> is the error of neuron j in layer l.
 * BP1 finds it in the output layer, BP2 carries it one layer back, BP3 and BP4 read the gradient
 * off it. Layers are the text's l = 1..L; in code, arrays count from 0 (see {@link Network}).
 */
public final class Equations {

    private Equations() {}

    /** BP1, equation (4.6): δ<sup>L</sup> = ∇<sub>a</sub>C ⊙ σ'(z<sup>L</sup>), for an output activation σ acting on each neuron alone. */
    // tag::bp1[]
    public static double[] outputError(double[] costGradient, double[] z, Activation activation) {
        // BEGIN SOLUTION 4.1
        double[] delta = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            delta[j] = costGradient[j] * activation.derivative(z[j]);
        }
        return delta;
        // END SOLUTION
    }
    // end::bp1[]

    /**
     * BP2, equation (4.7): δ<sup>l</sup> = ((w<sup>l+1</sup>)ᵀ δ<sup>l+1</sup>) ⊙ σ'(z<sup>l</sup>).
     * {@code wNext[j][k]} connects neuron k of layer l to neuron j of layer l + 1, so the transpose is
     * just a sum down column k.
     */
    // tag::bp2[]
    public static double[] hiddenError(double[][] wNext, double[] deltaNext, double[] z, Activation activation) {
        // BEGIN SOLUTION 4.2
        double[] delta = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            double sum = 0;
            for (int j = 0; j < deltaNext.length; j++) {
                sum += wNext[j][k] * deltaNext[j];
            }
            delta[k] = sum * activation.derivative(z[k]);
        }
        return delta;
        // END SOLUTION
    }
    // end::bp2[]

    /** BP3, equation (4.8): ∂C/∂b<sup>l</sup><sub>j</sub> = δ<sup>l</sup><sub>j</sub>, as a new array. */
    // tag::bp3[]
    public static double[] biasGradient(double[] delta) {
        // BEGIN SOLUTION 4.3
        return delta.clone();
        // END SOLUTION
    }
    // end::bp3[]

    /** BP4, equation (4.9): ∂C/∂w<sup>l</sup><sub>jk</sub> = a<sup>l−1</sup><sub>k</sub> δ<sup>l</sup><sub>j</sub>, an outer product shaped like w<sup>l</sup>. */
    // tag::bp4[]
    public static double[][] weightGradient(double[] delta, double[] aPrevious) {
        // BEGIN SOLUTION 4.4
        double[][] nablaW = new double[delta.length][aPrevious.length];
        for (int j = 0; j < delta.length; j++) {
            for (int k = 0; k < aPrevious.length; k++) {
                nablaW[j][k] = aPrevious[k] * delta[j];
            }
        }
        return nablaW;
        // END SOLUTION
    }
    // end::bp4[]
}
