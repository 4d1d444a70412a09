package org.backpropkit.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Products.Kernel} with the JDK's vector API: blocks of 4 rows × 2 vectors of {@code out} (16
 * columns with 512-bit vectors, 8 with 256-bit ones) stay in registers while {@code k} runs. Each lane
 * is one entry, summed exactly as the reference sums it — from 0, {@code k} in order, a multiply then
 * an add — so the bits are the reference's. Columns that do not fill a vector, and products whose
 * {@code B} is not contiguous along a row (the error sent back, {@code δ · wᵀ}), go to the plain kernel.
 *
 * <p>Compiled from {@code src/main/vector} with {@code --add-modules jdk.incubator.vector} and loaded by
 * {@link Products} only when the module is present at run time.
 */
final class VectorProducts implements Products.Kernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void product(double[] a, int ai, int ak, double[] b, int bk, int bj, double[] out, int from, int to,
            int inner, int m) {
        if (bj != 1 || m < L) {
            Products.blocked(a, ai, ak, b, bk, bj, out, from, to, inner, m);
            return;
        }
        int i = from;
        for (; i + 4 <= to; i += 4) {
            int a0 = i * ai, a1 = a0 + ai, a2 = a1 + ai, a3 = a2 + ai;
            int j = 0;
            for (; j + 2 * L <= m; j += 2 * L) {
                DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
                DoubleVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
                for (int k = 0, ka = 0, kb = j; k < inner; k++, ka += ak, kb += bk) {
                    DoubleVector y0 = DoubleVector.fromArray(S, b, kb), y1 = DoubleVector.fromArray(S, b, kb + L);
                    DoubleVector x = DoubleVector.broadcast(S, a[a0 + ka]);
                    c00 = c00.add(x.mul(y0));
                    c01 = c01.add(x.mul(y1));
                    x = DoubleVector.broadcast(S, a[a1 + ka]);
                    c10 = c10.add(x.mul(y0));
                    c11 = c11.add(x.mul(y1));
                    x = DoubleVector.broadcast(S, a[a2 + ka]);
                    c20 = c20.add(x.mul(y0));
                    c21 = c21.add(x.mul(y1));
                    x = DoubleVector.broadcast(S, a[a3 + ka]);
                    c30 = c30.add(x.mul(y0));
                    c31 = c31.add(x.mul(y1));
                }
                int o = i * m + j;
                c00.intoArray(out, o);
                c01.intoArray(out, o + L);
                c10.intoArray(out, o + m);
                c11.intoArray(out, o + m + L);
                c20.intoArray(out, o + 2 * m);
                c21.intoArray(out, o + 2 * m + L);
                c30.intoArray(out, o + 3 * m);
                c31.intoArray(out, o + 3 * m + L);
            }
            for (; j + L <= m; j += L) {
                DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
                for (int k = 0, ka = 0, kb = j; k < inner; k++, ka += ak, kb += bk) {
                    DoubleVector y = DoubleVector.fromArray(S, b, kb);
                    c0 = c0.add(DoubleVector.broadcast(S, a[a0 + ka]).mul(y));
                    c1 = c1.add(DoubleVector.broadcast(S, a[a1 + ka]).mul(y));
                    c2 = c2.add(DoubleVector.broadcast(S, a[a2 + ka]).mul(y));
                    c3 = c3.add(DoubleVector.broadcast(S, a[a3 + ka]).mul(y));
                }
                int o = i * m + j;
                c0.intoArray(out, o);
                c1.intoArray(out, o + m);
                c2.intoArray(out, o + 2 * m);
                c3.intoArray(out, o + 3 * m);
            }
            for (; j < m; j++) {
                for (int r = 0; r < 4; r++) {
                    out[(i + r) * m + j] = Products.dot(a, (i + r) * ai, ak, b, j, bk, inner);
                }
            }
        }
        for (; i < to; i++) {
            int a0 = i * ai;
            int j = 0;
            for (; j + L <= m; j += L) {
                DoubleVector c = DoubleVector.zero(S);
                for (int k = 0, ka = 0, kb = j; k < inner; k++, ka += ak, kb += bk) {
                    c = c.add(DoubleVector.broadcast(S, a[a0 + ka]).mul(DoubleVector.fromArray(S, b, kb)));
                }
                c.intoArray(out, i * m + j);
            }
            for (; j < m; j++) {
                out[i * m + j] = Products.dot(a, a0, ak, b, j, bk, inner);
            }
        }
    }
}
