// Chapter 1: walk down f(x) = x² with different learning rates η and watch the path.
import kuibu.derivatives.*;

DoubleUnaryOperator slope = x -> 2 * x;   // f'(x) for f(x) = x²
for (double eta : new double[] {0.01, 0.1, 0.9, 1.1}) {
    var descent = GradientDescent.descend(slope, 3.0, eta, 1e-6, 1000);
    System.out.printf("eta = %-4s %s%n", eta, descent);
}

// Two variables: the elongated bowl x² + 10y², then Rosenbrock's valley.
var bowl = GradientDescent.descend(Functions::bowlGradient, new double[] {3, 1}, 0.05, 1e-6, 10_000);
System.out.println("bowl:       " + bowl);
var banana = GradientDescent.descend(Functions::rosenbrockGradient, new double[] {-1.5, 2}, 0.001, 1e-4, 100_000);
System.out.println("Rosenbrock: " + banana);

// The referee: is bowlGradient right? Compare it with central differences at a point.
double[] p = {1.5, -0.5};
var report = GradientCheck.compare(Functions.bowlGradient(p), Derivatives.gradient(Functions::bowl, p));
System.out.println(report + ": " + GradientCheck.verdict(report.relativeError()));
