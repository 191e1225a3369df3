// Chapter 2: the computation graph of J(a, b, c) = 3(a + bc), forward and backward.
import kuibu.chainrule.*;

Value a = new Value(5);
Value b = new Value(3);
Value c = new Value(2);
Value u = b.mul(c);        // u = bc
Value v = a.add(u);        // v = a + u
Value j = v.mul(3);        // J = 3v
j.backward();
System.out.printf("J = %.1f, dJ/da = %.1f, dJ/db = %.1f, dJ/dc = %.1f%n", j.data(), a.grad(), b.grad(), c.grad());
System.out.printf("intermediate gradients: dJ/dv = %.1f, dJ/du = %.1f%n", v.grad(), u.grad());

// The same numbers by hand (exercise 2.1), and the graph in Graphviz DOT (paste into any DOT viewer).
System.out.println(Arrays.toString(ByHand.jGradient(5, 3, 2)));
System.out.println(j.toDot());

// A value used twice: K = (a + b) a. Its gradient is the sum over both paths.
Value x = new Value(2);
Value y = new Value(3);
Value k = x.add(y).mul(x);
k.backward();
System.out.printf("K = %.1f, dK/da = %.1f, dK/db = %.1f%n", k.data(), x.grad(), y.grad());
