package kuibu.mnist;

/**
 * The three matrix products of the matrix-form backward pass, on row-major {@code double[]}.
 *
 * <p>Each product is written in i-k-j order: the innermost loop walks along a row of the right-hand
 * matrix and a row of the result, both contiguous in memory, doing {@code c[j] += x * b[j]}. That is
 * the loop the JIT turns into SIMD instructions; the i-j-k order (a dot product per element) is a
 * chain of dependent additions it cannot vectorise. A left-hand element that is 0 skips its whole
 * row: most MNIST pixels are 0, so the products with the input layer do about a fifth of the work.
 *
 * <p>Every output element is summed by one thread in a fixed order, so results do not depend on how
 * many threads share the rows.
 */
final class Matrices {

    private Matrices() {}

    // tag::multiply[]
    /** Rows [from, to) of c (m×p) = a (m×n) · b (n×p); c must hold the bias (or 0) already. */
    static void multiplyAdd(double[] a, int n, double[] b, int p, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            int rowA = i * n;
            int rowC = i * p;
            for (int k = 0; k < n; k++) {
                double x = a[rowA + k];
                if (x == 0) {
                    continue;
                }
                int rowB = k * p;
                for (int j = 0; j < p; j++) {
                    c[rowC + j] += x * b[rowB + j];
                }
            }
        }
    }
    // end::multiply[]

    /**
     * Rows [from, to) of c (n×p) = aᵀ · b, with a (m×n) and b (m×p): the weight gradient Aᵀ·Δ.
     * Each c[k][j] is summed over the m samples in order 0, 1, …, m−1.
     */
    static void transposeMultiply(double[] a, int m, int n, double[] b, int p, double[] c, int from, int to) {
        for (int s = 0; s < m; s++) {
            int rowA = s * n;
            int rowB = s * p;
            for (int k = from; k < to; k++) {
                double x = a[rowA + k];
                if (x == 0) {
                    continue;
                }
                int rowC = k * p;
                for (int j = 0; j < p; j++) {
                    c[rowC + j] += x * b[rowB + j];
                }
            }
        }
    }

    /**
     * Rows [from, to) of c (m×n) = a (m×p) · bᵀ, with b (n×p): the error sent back, Δ·Wᵀ. Each element
     * is a dot product summed over j in order; four of them run side by side, so that the additions of
     * one do not wait for the previous addition of the same sum.
     */
    static void multiplyTranspose(double[] a, int p, double[] b, int n, double[] c, int from, int to) {
        for (int s = from; s < to; s++) {
            int rowA = s * p;
            int rowC = s * n;
            int k = 0;
            for (; k + 3 < n; k += 4) {
                int b0 = k * p;
                int b1 = b0 + p;
                int b2 = b1 + p;
                int b3 = b2 + p;
                double sum0 = 0;
                double sum1 = 0;
                double sum2 = 0;
                double sum3 = 0;
                for (int j = 0; j < p; j++) {
                    double x = a[rowA + j];
                    sum0 += x * b[b0 + j];
                    sum1 += x * b[b1 + j];
                    sum2 += x * b[b2 + j];
                    sum3 += x * b[b3 + j];
                }
                c[rowC + k] = sum0;
                c[rowC + k + 1] = sum1;
                c[rowC + k + 2] = sum2;
                c[rowC + k + 3] = sum3;
            }
            for (; k < n; k++) {
                int rowB = k * p;
                double sum = 0;
                for (int j = 0; j < p; j++) {
                    sum += a[rowA + j] * b[rowB + j];
                }
                c[rowC + k] = sum;
            }
        }
    }

    // tag::sparse[]
    /**
     * Like {@link #multiplyAdd}, but visits only the listed non-zero columns of each row of a (row i
     * has {@code count[i]} of them, in {@code nonzero[i * n ...]}), four at a time: one pass over
     * the row of c then does four multiply-adds per element instead of one.
     */
    static void multiplyAddSparse(double[] a, int n, int[] nonzero, int[] count, double[] b, int p, double[] c,
                                  int from, int to) {
        for (int i = from; i < to; i++) {
            int rowA = i * n;
            int rowC = i * p;
            int t = 0;
            for (; t + 3 < count[i]; t += 4) {
                int k0 = nonzero[rowA + t];
                int k1 = nonzero[rowA + t + 1];
                int k2 = nonzero[rowA + t + 2];
                int k3 = nonzero[rowA + t + 3];
                double x0 = a[rowA + k0];
                double x1 = a[rowA + k1];
                double x2 = a[rowA + k2];
                double x3 = a[rowA + k3];
                int b0 = k0 * p;
                int b1 = k1 * p;
                int b2 = k2 * p;
                int b3 = k3 * p;
                for (int j = 0; j < p; j++) {
                    c[rowC + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
                }
            }
            for (; t < count[i]; t++) {
                int k = nonzero[rowA + t];
                double x = a[rowA + k];
                int rowB = k * p;
                for (int j = 0; j < p; j++) {
                    c[rowC + j] += x * b[rowB + j];
                }
            }
        }
    }
    // end::sparse[]

    /**
     * BP4 fused with the update, for rows [from, to) of w (n×p): w ← decay·w − step · aᵀ·b, with a
     * (m×n) and b (m×p). Each row k of w gathers the samples whose input k is not 0 and takes their
     * terms four at a time, in sample order; a row whose input is 0 in every sample is only decayed.
     */
    static void descend(double[] a, int m, int n, double[] b, int p, double[] w, double decay, double step,
                        int from, int to) {
        int[] samples = new int[m];
        for (int k = from; k < to; k++) {
            int count = 0;
            for (int s = 0; s < m; s++) {
                if (a[s * n + k] != 0) {
                    samples[count++] = s;
                }
            }
            descendRow(a, n, k, samples, 0, count, b, p, w, decay, step);
        }
    }

    /**
     * Like {@link #descend}, with the samples whose input k is not 0 already listed: row k of w uses
     * {@code samples[k * m ...]}, {@code count[k]} of them, in sample order.
     */
    static void descendSparse(double[] a, int m, int n, int[] samples, int[] count, double[] b, int p, double[] w,
                              double decay, double step, int from, int to) {
        for (int k = from; k < to; k++) {
            descendRow(a, n, k, samples, k * m, count[k], b, p, w, decay, step);
        }
    }

    /**
     * Row k of w ← decay·w − step · Σ a[s][k]·b[s] over the {@code count} samples listed from {@code first},
     * eight samples per pass over the row while there are eight, then four, then one.
     */
    private static void descendRow(double[] a, int n, int k, int[] samples, int first, int count, double[] b, int p,
                                   double[] w, double decay, double step) {
        int rowW = k * p;
        if (decay != 1) {
            for (int j = rowW; j < rowW + p; j++) {
                w[j] *= decay;
            }
        }
        int t = first;
        int end = first + count;
        for (; t + 7 < end; t += 8) {
            int r0 = samples[t] * p;
            int r1 = samples[t + 1] * p;
            int r2 = samples[t + 2] * p;
            int r3 = samples[t + 3] * p;
            int r4 = samples[t + 4] * p;
            int r5 = samples[t + 5] * p;
            int r6 = samples[t + 6] * p;
            int r7 = samples[t + 7] * p;
            double x0 = step * a[samples[t] * n + k];
            double x1 = step * a[samples[t + 1] * n + k];
            double x2 = step * a[samples[t + 2] * n + k];
            double x3 = step * a[samples[t + 3] * n + k];
            double x4 = step * a[samples[t + 4] * n + k];
            double x5 = step * a[samples[t + 5] * n + k];
            double x6 = step * a[samples[t + 6] * n + k];
            double x7 = step * a[samples[t + 7] * n + k];
            for (int j = 0; j < p; j++) {
                w[rowW + j] -= (x0 * b[r0 + j] + x1 * b[r1 + j] + x2 * b[r2 + j] + x3 * b[r3 + j])
                        + (x4 * b[r4 + j] + x5 * b[r5 + j] + x6 * b[r6 + j] + x7 * b[r7 + j]);
            }
        }
        for (; t + 3 < end; t += 4) {
            int s0 = samples[t];
            int s1 = samples[t + 1];
            int s2 = samples[t + 2];
            int s3 = samples[t + 3];
            double x0 = step * a[s0 * n + k];
            double x1 = step * a[s1 * n + k];
            double x2 = step * a[s2 * n + k];
            double x3 = step * a[s3 * n + k];
            int r0 = s0 * p;
            int r1 = s1 * p;
            int r2 = s2 * p;
            int r3 = s3 * p;
            for (int j = 0; j < p; j++) {
                w[rowW + j] -= x0 * b[r0 + j] + x1 * b[r1 + j] + x2 * b[r2 + j] + x3 * b[r3 + j];
            }
        }
        for (; t < end; t++) {
            int s = samples[t];
            double x = step * a[s * n + k];
            int r = s * p;
            for (int j = 0; j < p; j++) {
                w[rowW + j] -= x * b[r + j];
            }
        }
    }
}
