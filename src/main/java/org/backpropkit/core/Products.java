package org.backpropkit.core;

import java.util.Arrays;

/**
 * The matrix products the forward and backward passes run, and the one place where the way of
 * computing them is chosen. Each gives exactly the numbers of its plain reference in {@link Matrix}
 * (the same sums, added in the same order, so the results agree bit for bit; a test holds them equal),
 * only faster:
 * <ul>
 *   <li>{@link #multiply} ({@code a · b}, forward) and {@link #transposeMultiply} ({@code aᵀ · b}, the
 *       weight gradient) work on two rows at once, so each row of the other matrix is read from memory
 *       once for both;</li>
 *   <li>{@link #multiplyTranspose} ({@code a · bᵀ}, the error sent back) is the reference itself: its
 *       inner loop is already a dot product along two rows.</li>
 * </ul>
 * Read {@link Matrix} for what they compute; read this class for how fast.
 */
final class Products {

    private Products() {
    }

    /** {@code out = a · b}, as {@link Matrix#multiplyInto}: two rows of {@code out} per pass over {@code b}. */
    static void multiply(Matrix a, Matrix b, Matrix out) {
        double[] x = a.data(), y = b.data(), z = out.data();
        int rows = a.rows(), n = a.cols(), m = b.cols();
        Arrays.fill(z, 0, rows * m, 0.0);
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            int z0 = i * m, z1 = z0 + m;
            for (int k = 0; k < n; k++) {
                double x0 = x[i * n + k], x1 = x[(i + 1) * n + k];
                int yk = k * m;
                for (int j = 0; j < m; j++) {
                    double ykj = y[yk + j];
                    z[z0 + j] += x0 * ykj;
                    z[z1 + j] += x1 * ykj;
                }
            }
        }
        for (; i < rows; i++) {
            int zi = i * m;
            for (int k = 0; k < n; k++) {
                double xik = x[i * n + k];
                int yk = k * m;
                for (int j = 0; j < m; j++) {
                    z[zi + j] += xik * y[yk + j];
                }
            }
        }
    }

    /**
     * {@code out = aᵀ · b}, as {@link Matrix#transposeMultiplyInto}: two samples added in one pass over
     * {@code out}, the first before the second, so the sums keep their order.
     */
    static void transposeMultiply(Matrix a, Matrix b, Matrix out) {
        double[] x = a.data(), y = b.data(), z = out.data();
        int rows = a.rows(), n = a.cols(), m = b.cols();
        Arrays.fill(z, 0, n * m, 0.0);
        int s = 0;
        for (; s + 1 < rows; s += 2) {
            int y0 = s * m, y1 = y0 + m;
            for (int i = 0; i < n; i++) {
                double x0 = x[s * n + i], x1 = x[(s + 1) * n + i];
                int zi = i * m;
                for (int j = 0; j < m; j++) {
                    z[zi + j] = z[zi + j] + x0 * y[y0 + j] + x1 * y[y1 + j];
                }
            }
        }
        for (; s < rows; s++) {
            int ys = s * m;
            for (int i = 0; i < n; i++) {
                double xsi = x[s * n + i];
                int zi = i * m;
                for (int j = 0; j < m; j++) {
                    z[zi + j] += xsi * y[ys + j];
                }
            }
        }
    }

    /** {@code out = a · bᵀ}: the reference {@link Matrix#multiplyTransposeInto}, already fast. */
    static void multiplyTranspose(Matrix a, Matrix b, Matrix out) {
        Matrix.multiplyTransposeInto(a, b, out);
    }
}
