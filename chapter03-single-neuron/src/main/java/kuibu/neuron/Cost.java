package kuibu.neuron;

/**
 * How wrong an output a is for a target y, with ∂C/∂a, the first factor of every gradient
 * (equation (3.6)).
 */
public enum Cost {

    // tag::quadratic[]
    /** C = ½(y − a)², equation (3.4): the ½ cancels the 2 of the square, so ∂C/∂a = a − y. */
    QUADRATIC {
        @Override
        public double value(double a, double y) {
            return 0.5 * (y - a) * (y - a);
        }

        @Override
        public double derivative(double a, double y) {
            // BEGIN SOLUTION 3.3
            return a - y;
            // END SOLUTION
        }
    },
    // end::quadratic[]

    // tag::cross-entropy[]
    /**
     * C = −[y ln a + (1 − y) ln(1 − a)] for outputs in (0, 1), equation (3.9); ∂C/∂a = (a − y) / (a(1 − a)),
     * whose denominator is exactly the sigmoid's σ'(z): the two cancel, equation (3.10).
     */
    CROSS_ENTROPY {
        @Override
        public double value(double a, double y) {
            return -(y * Math.log(a) + (1 - y) * Math.log(1 - a));
        }

        @Override
        public double derivative(double a, double y) {
            // BEGIN SOLUTION 3.3
            return (a - y) / (a * (1 - a));
            // END SOLUTION
        }
    };
    // end::cross-entropy[]

    /** C(a, y) for one output a and its target y. */
    public abstract double value(double a, double y);

    /** ∂C/∂a at (a, y). */
    public abstract double derivative(double a, double y);
}
