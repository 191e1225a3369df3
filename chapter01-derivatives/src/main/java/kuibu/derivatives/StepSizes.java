package kuibu.derivatives;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * How the error of a difference quotient depends on the step h.
 *
 * <p>Two errors pull in opposite directions. Truncation error (from cutting the Taylor series) shrinks
 * as h shrinks: like h for the forward difference, like h² for the central one. Round-off error grows
 * as h shrinks: f(x + h) − f(x) cancels almost every digit, leaving about ε·|f|/h of noise, with
 * ε ≈ 2.2e-16 in double precision. The best h balances the two: near √ε ≈ 1e-8 for the forward
 * difference and near ∛ε ≈ 1e-5 for the central one.
 */
public final class StepSizes {

    private StepSizes() {}

    /** One row of the error-versus-h table: the step and the absolute error of both quotients. */
    public record Row(double h, double forwardError, double centralError) {}

    /** The errors of both quotients of {@code f} at {@code x} against the exact {@code derivative}, for each h. */
    public static List<Row> errors(DoubleUnaryOperator f, DoubleUnaryOperator derivative, double x, double... hs) {
        double exact = derivative.applyAsDouble(x);
        List<Row> rows = new ArrayList<>();
        for (double h : hs) {
            rows.add(new Row(h,
                    Math.abs(Derivatives.forwardDifference(f, x, h) - exact),
                    Math.abs(Derivatives.centralDifference(f, x, h) - exact)));
        }
        return rows;
    }

    /** The steps 10⁻¹, 10⁻², …, 10⁻ⁿ. */
    public static double[] powersOfTen(int n) {
        double[] hs = new double[n];
        for (int i = 0; i < n; i++) {
            hs[i] = Math.pow(10, -(i + 1));
        }
        return hs;
    }

    /** The h among {@code rows} with the smallest central-difference error. */
    public static double bestCentralStep(List<Row> rows) {
        Row best = rows.get(0);
        for (Row row : rows) {
            if (row.centralError() < best.centralError()) {
                best = row;
            }
        }
        return best.h();
    }
}
