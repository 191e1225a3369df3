package kuibu.derivatives;

/**
 * The landscapes chapter 1 walks on, each with its gradient worked out by hand.
 *
 * <p>A quadratic bowl is the easiest valley there is; Rosenbrock's banana-shaped valley is the
 * classic hard one: steep walls and an almost flat floor that bends, so a step size small enough for
 * the walls crawls along the floor.
 */
public final class Functions {

    private Functions() {}

    /** The elongated bowl f(x, y) = x² + 10y², lowest at (0, 0). */
    public static double bowl(double[] p) {
        return p[0] * p[0] + 10 * p[1] * p[1];
    }

    /** ∇f of {@link #bowl}: (∂f/∂x, ∂f/∂y). */
    // tag::bowl-gradient[]
    public static double[] bowlGradient(double[] p) {
        // BEGIN SOLUTION 1.2
        return new double[] {2 * p[0], 20 * p[1]};
        // END SOLUTION
    }
    // end::bowl-gradient[]

    /** Rosenbrock's valley f(x, y) = (1 − x)² + 100(y − x²)², lowest at (1, 1). */
    public static double rosenbrock(double[] p) {
        double x = p[0];
        double y = p[1];
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }

    /** ∇f of {@link #rosenbrock}: (∂f/∂x, ∂f/∂y). */
    // tag::rosenbrock-gradient[]
    public static double[] rosenbrockGradient(double[] p) {
        // BEGIN SOLUTION 1.3
        double x = p[0];
        double y = p[1];
        double dx = -2 * (1 - x) - 400 * x * (y - x * x);
        double dy = 200 * (y - x * x);
        return new double[] {dx, dy};
        // END SOLUTION
    }
    // end::rosenbrock-gradient[]
}
