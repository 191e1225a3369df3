package kuibu.mnist;

/** One step of mini-batch gradient descent, with L2 regularisation (weight decay), and with momentum. */
public final class Sgd {

    private Sgd() {}

    // tag::update[]
    /**
     * The step for the regularised cost C = (1/n) Σ_x C_x + (λ/2n) Σ w² estimated on a mini-batch of
     * m samples whose summed gradient is {@code nabla}:
     * w ← (1 − ηλ/n) w − (η/m) ∇, in place. With λ = 0 this is plain gradient descent (biases use it).
     */
    public static void update(double[] w, double[] nabla, double eta, double lambda, int m, int n) {
        // BEGIN SOLUTION 5.4
        double decay = 1 - eta * lambda / n;
        double step = eta / m;
        for (int i = 0; i < w.length; i++) {
            w[i] = decay * w[i] - step * nabla[i];
        }
        // END SOLUTION
    }
    // end::update[]

    // tag::momentum[]
    /**
     * The same step with momentum μ, equation (5.8): the step is added to a velocity
     * that keeps a share μ of the steps before it, v ← μ v − (η/m) ∇ − (ηλ/n) w,
     * then w ← w + v, both in place. With μ = 0 it is {@link #update}.
     */
    public static void momentum(double[] w, double[] velocity, double[] nabla,
                                double eta, double lambda, double mu, int m, int n) {
        // BEGIN SOLUTION 5.6
        double step = eta / m;
        double decay = eta * lambda / n;
        for (int i = 0; i < w.length; i++) {
            velocity[i] = mu * velocity[i] - step * nabla[i] - decay * w[i];
            w[i] += velocity[i];
        }
        // END SOLUTION
    }
    // end::momentum[]
}
