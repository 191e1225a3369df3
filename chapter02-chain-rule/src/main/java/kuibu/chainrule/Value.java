package kuibu.chainrule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A number that remembers how it was computed, so that its derivatives can be computed backwards:
 * scalar reverse-mode automatic differentiation, the chain rule run by a machine.
 *
 * <p>Every operation creates a new node of the computation graph holding three things: its value
 * (the forward pass), its inputs, and the local derivative of its value with respect to each input.
 * The two are written side by side in each operation, because the local derivative is known the
 * moment the value is: for {@code tanh} it is 1 − t², for a product it is the other factor.
 * {@link #backward()} then multiplies local derivatives along the graph from the output back to
 * every input, equation (2.4), adding up the contributions of all paths, equation (2.6).
 *
 * <pre>{@code
 * Value a = new Value(5), b = new Value(3), c = new Value(2);
 * Value j = a.add(b.mul(c)).mul(3);   // J = 3(a + bc) = 33
 * j.backward();                       // a.grad() = 3, b.grad() = 6, c.grad() = 9
 * }</pre>
 *
 * <p>Cost: the backward pass does one multiplication and one addition per edge of the graph, the
 * same order of work as the forward pass, however many inputs there are.
 */
public final class Value {

    private static final Value[] NO_INPUTS = {};
    private static final double[] NO_DERIVATIVES = {};

    private final double data;
    private double grad;
    private final String op;
    private final Value[] inputs;
    /** localDerivatives[k] = ∂(this)/∂(inputs[k]), evaluated at the forward values. */
    private final double[] localDerivatives;

    /** A leaf of the graph: an input or a parameter, with gradient 0 until a backward pass reaches it. */
    public Value(double data) {
        this(data, "", NO_INPUTS, NO_DERIVATIVES);
    }

    private Value(double data, String op, Value[] inputs, double[] localDerivatives) {
        this.data = data;
        this.op = op;
        this.inputs = inputs;
        this.localDerivatives = localDerivatives;
    }

    /** The value computed by the forward pass. */
    public double data() {
        return data;
    }

    /** ∂(output)/∂(this) after {@link #backward()} was called on an output that depends on this value. */
    public double grad() {
        return grad;
    }

    /** The operation that made this node ("+", "*", "tanh", ...), empty for a leaf. */
    public String op() {
        return op;
    }

    /** The nodes this one was computed from, in argument order. */
    public List<Value> inputs() {
        return List.of(inputs);
    }

    // tag::unary-binary[]
    /** A node with one input x: its value and dvalue/dx, computed together. */
    private Value unary(String op, double value, double dValueDx) {
        return new Value(value, op, new Value[] {this}, new double[] {dValueDx});
    }

    /** A node with inputs this and other: its value and its two partial derivatives. */
    private Value binary(String op, Value other, double value, double dValueDThis, double dValueDOther) {
        return new Value(value, op, new Value[] {this, other}, new double[] {dValueDThis, dValueDOther});
    }
    // end::unary-binary[]

    // tag::add-mul[]
    /** this + other: both local derivatives are 1. */
    public Value add(Value other) {
        return binary("+", other, data + other.data, 1, 1);
    }

    /** this · other: the derivative with respect to each factor is the other factor. */
    public Value mul(Value other) {
        return binary("*", other, data * other.data, other.data, data);
    }
    // end::add-mul[]

    /** this + c for a constant c. */
    public Value add(double c) {
        return unary("+" + c, data + c, 1);
    }

    /** c · this for a constant c. */
    public Value mul(double c) {
        return unary("*" + c, data * c, c);
    }

    /** −this. */
    public Value neg() {
        return unary("neg", -data, -1);
    }

    /** this − other: local derivatives 1 and −1. */
    public Value sub(Value other) {
        return binary("-", other, data - other.data, 1, -1);
    }

    /** this − c for a constant c. */
    public Value sub(double c) {
        return unary("-" + c, data - c, 1);
    }

    // tag::div-pow-exp-log[]
    /** this / other: d/dx (x/y) = 1/y and d/dy (x/y) = −x/y². */
    public Value div(Value other) {
        // BEGIN SOLUTION 2.4
        return binary("/", other, data / other.data, 1 / other.data, -data / (other.data * other.data));
        // END SOLUTION
    }

    /** this / c for a constant c. */
    public Value div(double c) {
        // BEGIN SOLUTION 2.4
        return unary("/" + c, data / c, 1 / c);
        // END SOLUTION
    }

    /** this^p for a constant exponent p: d/dx xᵖ = p·xᵖ⁻¹. */
    public Value pow(double p) {
        // BEGIN SOLUTION 2.4
        return unary("^" + p, Math.pow(data, p), p * Math.pow(data, p - 1));
        // END SOLUTION
    }

    /** eˣ: its own derivative. */
    public Value exp() {
        // BEGIN SOLUTION 2.4
        double e = Math.exp(data);
        return unary("exp", e, e);
        // END SOLUTION
    }

    /** ln x: derivative 1/x. */
    public Value log() {
        // BEGIN SOLUTION 2.4
        return unary("log", Math.log(data), 1 / data);
        // END SOLUTION
    }
    // end::div-pow-exp-log[]

    // tag::activations[]
    /** tanh x: derivative 1 − tanh² x, from the value already computed. */
    public Value tanh() {
        // BEGIN SOLUTION 2.5
        double t = Math.tanh(data);
        return unary("tanh", t, 1 - t * t);
        // END SOLUTION
    }

    /** σ(x) = 1 / (1 + e⁻ˣ): derivative σ(1 − σ). */
    public Value sigmoid() {
        // BEGIN SOLUTION 2.5
        double s = 1 / (1 + Math.exp(-data));
        return unary("sigmoid", s, s * (1 - s));
        // END SOLUTION
    }

    /** max(0, x): derivative 1 for x &gt; 0 and 0 otherwise (at the kink x = 0 we choose 0). */
    public Value relu() {
        // BEGIN SOLUTION 2.5
        return unary("relu", Math.max(0, data), data > 0 ? 1 : 0);
        // END SOLUTION
    }
    // end::activations[]

    // tag::backward[]
    /**
     * Fills in {@link #grad()} of every node this value depends on with ∂(this)/∂(node). Nodes are
     * visited in reverse topological order, so a node's gradient is complete (every path through it
     * summed) before it is passed on to its inputs: the chain rule plus dynamic programming.
     *
     * <p>Gradients accumulate: call it once per graph (build a fresh graph for a new input).
     */
    public void backward() {
        // BEGIN SOLUTION 2.3
        List<Value> order = topologicalOrder();
        grad = 1;
        for (int i = order.size() - 1; i >= 0; i--) {
            Value node = order.get(i);
            for (int k = 0; k < node.inputs.length; k++) {
                node.inputs[k].grad += node.localDerivatives[k] * node.grad;
            }
        }
        // END SOLUTION
    }
    // end::backward[]

    // tag::topological-order[]
    /**
     * Every node this value depends on, itself last, each after all of its inputs. A depth-first
     * search with an explicit stack instead of recursion, so a chain of a million operations does
     * not overflow the call stack.
     */
    public List<Value> topologicalOrder() {
        List<Value> order = new ArrayList<>();
        Set<Value> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> stack = new ArrayDeque<>();
        // for each node on the stack: which of its inputs to visit next
        Deque<Integer> nextInput = new ArrayDeque<>();
        stack.push(this);
        nextInput.push(0);
        visited.add(this);
        while (!stack.isEmpty()) {
            Value node = stack.peek();
            int k = nextInput.pop();
            if (k < node.inputs.length) {
                nextInput.push(k + 1);
                Value input = node.inputs[k];
                if (visited.add(input)) {
                    stack.push(input);
                    nextInput.push(0);
                }
            } else {
                order.add(stack.pop()); // all inputs are placed: the node may follow them
            }
        }
        return order;
    }
    // end::topological-order[]

    /** The graph in Graphviz DOT: one box per node with its value and gradient, edges from inputs. */
    public String toDot() {
        List<Value> order = topologicalOrder();
        IdentityHashMap<Value, Integer> ids = new IdentityHashMap<>();
        StringBuilder dot = new StringBuilder("digraph {\n  rankdir=LR;\n  node [shape=record];\n");
        for (Value node : order) {
            int id = ids.size();
            ids.put(node, id);
            String label = (node.op.isEmpty() ? "" : node.op + " | ")
                    + String.format("data %.4g | grad %.4g", node.data, node.grad);
            dot.append(String.format("  n%d [label=\"{%s}\"];%n", id, label));
            for (Value input : node.inputs) {
                dot.append(String.format("  n%d -> n%d;%n", ids.get(input), id));
            }
        }
        return dot.append("}\n").toString();
    }

    @Override
    public String toString() {
        return String.format("Value(data=%.6g, grad=%.6g)", data, grad);
    }
}
