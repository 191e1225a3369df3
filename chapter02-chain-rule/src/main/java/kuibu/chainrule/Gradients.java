package kuibu.chainrule;

import java.util.function.Function;

/**
 * A function written with {@link Value}s, seen as an ordinary function of doubles: evaluated, or
 * differentiated by one backward pass. This is what lets chapter 1's numeric referee check it.
 */
public final class Gradients {

    private Gradients() {}

    /** f(x), computed forward only. */
    public static double evaluate(Function<Value[], Value> f, double... x) {
        return f.apply(leaves(x)).data();
    }

    /** ∇f(x) by one backward pass through a fresh graph. */
    // tag::gradient[]
    public static double[] gradient(Function<Value[], Value> f, double... x) {
        Value[] inputs = leaves(x);
        f.apply(inputs).backward();
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            gradient[i] = inputs[i].grad();
        }
        return gradient;
    }
    // end::gradient[]

    private static Value[] leaves(double[] x) {
        Value[] leaves = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            leaves[i] = new Value(x[i]);
        }
        return leaves;
    }
}
