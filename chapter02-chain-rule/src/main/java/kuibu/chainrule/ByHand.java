package kuibu.chainrule;

/**
 * Two small computation graphs differentiated by hand, the way {@link Value} will do it by machine:
 * a forward pass that keeps every intermediate value, then a backward pass that multiplies local
 * derivatives from the output back to the inputs.
 */
public final class ByHand {

    private ByHand() {}

    /** J(a, b, c) = 3(a + bc), through u = bc and v = a + u (equation (2.2)). */
    // tag::j[]
    public static double j(double a, double b, double c) {
        double u = b * c;
        double v = a + u;
        return 3 * v;
    }
    // end::j[]

    /** {∂J/∂a, ∂J/∂b, ∂J/∂c} by the backward pass of section "The backward pass". */
    // tag::j-gradient[]
    public static double[] jGradient(double a, double b, double c) {
        // BEGIN SOLUTION 2.1
        // forward pass: the intermediate values the local derivatives need
        double u = b * c;
        double v = a + u;
        // backward pass: each derivative reuses the one to its right
        double dJdv = 3;             // J = 3v
        double dJdu = dJdv * 1;      // v = a + u
        double dJda = dJdv * 1;
        double dJdb = dJdu * c;      // u = bc
        double dJdc = dJdu * b;
        return new double[] {dJda, dJdb, dJdc};
        // END SOLUTION
    }
    // end::j-gradient[]

    /** K(a, b) = (a + b) · a: the input a reaches K along two paths, through s = a + b and directly. */
    // tag::k[]
    public static double k(double a, double b) {
        double s = a + b;
        return s * a;
    }
    // end::k[]

    /** {∂K/∂a, ∂K/∂b}: the contributions of both paths from a to K add up (equation (2.6)). */
    // tag::k-gradient[]
    public static double[] kGradient(double a, double b) {
        // BEGIN SOLUTION 2.2
        double s = a + b;
        double dKds = a;             // K = s · a, so ∂K/∂s = a ...
        double dKdaDirect = s;       // ... and along the direct edge ∂K/∂a = s
        double dKda = dKdaDirect + dKds * 1;
        double dKdb = dKds * 1;
        return new double[] {dKda, dKdb};
        // END SOLUTION
    }
    // end::k-gradient[]
}
