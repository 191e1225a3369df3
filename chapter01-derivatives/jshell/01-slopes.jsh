// Chapter 1: how good is a difference quotient? Run with the chapter's classes loaded (see README).
import kuibu.derivatives.*;

// The slope of sin at x = 1 is cos(1). Try the forward and the central difference for several h.
double exact = Math.cos(1.0);
for (double h : StepSizes.powersOfTen(12)) {
    double forward = Derivatives.forwardDifference(Math::sin, 1.0, h);
    double central = Derivatives.centralDifference(Math::sin, 1.0, h);
    System.out.printf("h = %.0e   forward error %.1e   central error %.1e%n",
            h, Math.abs(forward - exact), Math.abs(central - exact));
}

// Which h is best for the central difference? Around 1e-5, as the text predicts.
double best = StepSizes.bestCentralStep(StepSizes.errors(Math::sin, Math::cos, 1.0, StepSizes.powersOfTen(12)));
System.out.println("best h for the central difference: " + best);
