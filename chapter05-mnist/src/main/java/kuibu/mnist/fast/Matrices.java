package kuibu.mnist.fast;

/**
 * The fast engine's matrix products: the forward product over listed non-zero entries and BP4 fused
 * with the weights' step. A matrix is an array of rows,
 * {@code double[][]}: element (i, j) is {@code c[i][j]}.
 *
 * <p>Each product is written in i-k-j order: the innermost loop walks along a row of the right-hand
 * matrix and a row of the result, doing {@code c[j] += x * b[j]}. That is the loop the JIT turns
 * into SIMD instructions, four or eight {@code j} at a time; the i-j-k order (a dot product per
 * element) is a chain of dependent additions it cannot vectorise. Rows are separate arrays, each
 * indexed from 0, for the same reason: in one flat array the loop reads
 * {@code c[rowC + j] += x * b[rowB + j]}, and since {@code c} and {@code b} might be the same array,
 * a store could change an element a later step loads, so the JIT keeps it one element at a time.
 * With {@code c[j]} and {@code b[j]} that cannot happen; on rows of 100 the loop ran about two and a
 * half times as fast.
 *
 * <p>A left-hand element that is 0 skips its whole row: most MNIST pixels are 0, so the products
 * with the input layer do about a fifth of the work. Every output element is summed by one thread
 * in a fixed order, so results do not depend on how many threads share the rows.
 */
final class Matrices {

    private Matrices() {}

    // tag::sparse[]
    /**
     * Rows [from, to) of c (m×p) += a (m×n) · b (n×p), from the non-zero entries of each
     * row of a alone (row i has {@code count[i]} of them: {@code values[i][t]} in column
     * {@code nonzero[i][t]}), four at a time: one pass over the row of c then does four
     * multiply-adds per element instead of one. The last one to three take a pass of two
     * and a pass of one.
     */
    static void multiplyAddSparse(double[][] values, int[][] nonzero, int[] count,
                                  double[][] b, double[][] c, int from, int to) {
        for (int i = from; i < to; i++) {
            double[] ai = values[i];
            double[] ci = c[i];
            int[] columns = nonzero[i];
            int t = 0;
            for (; t + 3 < count[i]; t += 4) {
                double x0 = ai[t];
                double x1 = ai[t + 1];
                double x2 = ai[t + 2];
                double x3 = ai[t + 3];
                double[] b0 = b[columns[t]];
                double[] b1 = b[columns[t + 1]];
                double[] b2 = b[columns[t + 2]];
                double[] b3 = b[columns[t + 3]];
                for (int j = 0; j < ci.length; j++) {
                    ci[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
                }
            }
            if (t + 1 < count[i]) {
                double x0 = ai[t];
                double x1 = ai[t + 1];
                double[] b0 = b[columns[t]];
                double[] b1 = b[columns[t + 1]];
                for (int j = 0; j < ci.length; j++) {
                    ci[j] += x0 * b0[j] + x1 * b1[j];
                }
                t += 2;
            }
            if (t < count[i]) {
                double x = ai[t];
                double[] bk = b[columns[t]];
                for (int j = 0; j < ci.length; j++) {
                    ci[j] += x * bk[j];
                }
            }
        }
    }
    // end::sparse[]

    /**
     * BP4 fused with the update, for rows [from, to) of w (n×p): w ← decay·w − step · aᵀ·b, with a
     * (m×n) given by its columns' non-zero entries and b (m×p). Row k of w takes the terms of the samples
     * whose input k is not 0, listed in {@code samples[k]} ({@code count[k]} of them, in sample order, with
     * their inputs in {@code values[k]}); a row whose input is 0 in every sample is only decayed.
     */
    static void descend(double[][] values, int[][] samples, int[] count, double[][] b, double[][] w,
                              double decay, double step, int from, int to) {
        for (int k = from; k < to; k++) {
            descendRow(values[k], samples[k], count[k], b, w[k], decay, step);
        }
    }

    /**
     * Row k of w, {@code wk} ← decay·wk − step · Σ a[s][k]·b[s] over the first {@code count} samples
     * listed (a[samples[t]][k] is {@code values[t]}), four samples per pass over the row while there are
     * four, then a pass of two and a pass of one for the rest. (Eight per pass would save loads, but the JIT of Java 17 does not vectorise
     * a loop over nine arrays.)
     */
    private static void descendRow(double[] values, int[] samples, int count, double[][] b, double[] wk,
                                   double decay, double step) {
        if (decay != 1) {
            for (int j = 0; j < wk.length; j++) {
                wk[j] *= decay;
            }
        }
        int t = 0;
        for (; t + 3 < count; t += 4) {
            double[] b0 = b[samples[t]];
            double[] b1 = b[samples[t + 1]];
            double[] b2 = b[samples[t + 2]];
            double[] b3 = b[samples[t + 3]];
            double x0 = step * values[t];
            double x1 = step * values[t + 1];
            double x2 = step * values[t + 2];
            double x3 = step * values[t + 3];
            for (int j = 0; j < wk.length; j++) {
                wk[j] -= x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
            }
        }
        if (t + 1 < count) {
            double[] b0 = b[samples[t]];
            double[] b1 = b[samples[t + 1]];
            double x0 = step * values[t];
            double x1 = step * values[t + 1];
            for (int j = 0; j < wk.length; j++) {
                wk[j] -= x0 * b0[j] + x1 * b1[j];
            }
            t += 2;
        }
        if (t < count) {
            double[] bs = b[samples[t]];
            double x = step * values[t];
            for (int j = 0; j < wk.length; j++) {
                wk[j] -= x * bs[j];
            }
        }
    }
}
