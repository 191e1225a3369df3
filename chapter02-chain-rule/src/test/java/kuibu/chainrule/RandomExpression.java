package kuibu.chainrule;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random expression of about {@code operations} operations over the given inputs, the same one for
 * the same seed whatever the input values: each step combines earlier results with an operation
 * that keeps values in a modest range, so the numeric referee stays accurate. The output is the
 * sum of all results, so every operation is part of the graph.
 */
final class RandomExpression {

    private RandomExpression() {}

    static Value build(long seed, Value[] inputs, int operations) {
        Random random = new Random(seed);
        List<Value> pool = new ArrayList<>(List.of(inputs));
        int count = 0;
        while (count + pool.size() - 1 < operations) { // the final sum adds pool.size() - 1 more
            Value a = pick(pool, random);
            Value b = pick(pool, random);
            Value next;
            switch (random.nextInt(8)) {
                case 0 -> { next = a.add(b).mul(0.5); count += 2; }
                case 1 -> { next = a.mul(b); count += 1; }
                case 2 -> { next = a.sub(b).tanh(); count += 2; }
                case 3 -> { next = a.sigmoid().sub(0.5); count += 2; }
                case 4 -> { next = a.div(b.pow(2).add(1)); count += 3; }
                case 5 -> { next = a.exp().mul(0.3).neg(); count += 3; }
                case 6 -> { next = a.mul(a).add(1).log().mul(b); count += 4; }
                default -> { next = a.tanh().mul(b.sigmoid()); count += 3; }
            }
            pool.add(next);
        }
        Value sum = pool.get(0);
        for (int i = 1; i < pool.size(); i++) {
            sum = sum.add(pool.get(i)); // every result counts, so every operation is in the graph
        }
        return sum;
    }

    /** Mostly recent results, so the expression is deep as well as wide. */
    private static Value pick(List<Value> pool, Random random) {
        int window = Math.min(pool.size(), 20);
        return random.nextInt(4) == 0 ? pool.get(random.nextInt(pool.size())) : pool.get(pool.size() - 1 - random.nextInt(window));
    }
}
