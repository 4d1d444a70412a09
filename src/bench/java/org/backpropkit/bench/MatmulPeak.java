package org.backpropkit.bench;

import java.util.Locale;

/**
 * The machine's double-precision matrix-multiply rate on one core for plain Java, measured with a
 * cache-blocked kernel (128×128 blocks of b, four rows of c per pass, i-k-j order so the JIT vectorises
 * the inner loop) on 512×512 matrices: the limit a Java training loop without SIMD intrinsics can hope
 * to approach. Prints GFLOP/s (2n³ flops per product), best of several runs after warm-up.
 */
public final class MatmulPeak {

    private MatmulPeak() {
    }

    static void multiply(double[] a, double[] b, double[] c, int n) {
        final int block = 128;
        java.util.Arrays.fill(c, 0);
        for (int kk = 0; kk < n; kk += block) {
            for (int jj = 0; jj < n; jj += block) {
                int kEnd = Math.min(kk + block, n), jEnd = Math.min(jj + block, n);
                for (int i = 0; i < n; i += 4) { // four rows of c at once: each row of b is loaded once for all four
                    int c0 = i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
                    for (int k = kk; k < kEnd; k++) {
                        double a0 = a[c0 + k], a1 = a[c1 + k], a2 = a[c2 + k], a3 = a[c3 + k];
                        int bRow = k * n;
                        for (int j = jj; j < jEnd; j++) {
                            double bkj = b[bRow + j];
                            c[c0 + j] += a0 * bkj;
                            c[c1 + j] += a1 * bkj;
                            c[c2 + j] += a2 * bkj;
                            c[c3 + j] += a3 * bkj;
                        }
                    }
                }
            }
        }
    }

    public static void main(String[] args) {
        int n = 512;
        java.util.Random random = new java.util.Random(1);
        double[] a = new double[n * n], b = new double[n * n], c = new double[n * n];
        for (int k = 0; k < n * n; k++) {
            a[k] = random.nextDouble();
            b[k] = random.nextDouble();
        }
        double best = 0;
        for (int run = 0; run < 15; run++) {
            long t0 = System.nanoTime();
            multiply(a, b, c, n);
            double seconds = (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, 2.0 * n * n * n / seconds / 1e9);
        }
        System.out.println(String.format(Locale.ROOT, "%.2f", best));
    }
}
