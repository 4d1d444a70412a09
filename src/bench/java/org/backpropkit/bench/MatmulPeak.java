package org.backpropkit.bench;

import java.util.Locale;

/**
 * The machine's double-precision matrix-multiply rate on one core, measured with a plain cache-blocked
 * kernel (i-k-j loop order, 64×64 blocks) on 512×512 matrices: the physical limit a Java training loop
 * can hope to approach. Prints GFLOP/s (2n³ flops per product), best of several runs after warm-up.
 */
public final class MatmulPeak {

    private MatmulPeak() {
    }

    static void multiply(double[] a, double[] b, double[] c, int n) {
        final int block = 64;
        java.util.Arrays.fill(c, 0);
        for (int ii = 0; ii < n; ii += block) {
            for (int kk = 0; kk < n; kk += block) {
                for (int jj = 0; jj < n; jj += block) {
                    for (int i = ii; i < Math.min(ii + block, n); i++) {
                        for (int k = kk; k < Math.min(kk + block, n); k++) {
                            double aik = a[i * n + k];
                            int bRow = k * n, cRow = i * n;
                            for (int j = jj; j < Math.min(jj + block, n); j++) {
                                c[cRow + j] += aik * b[bRow + j];
                            }
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
