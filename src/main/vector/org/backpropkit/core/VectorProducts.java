package org.backpropkit.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Products.Kernel} with the JDK's vector API: blocks of 4 rows × 4 vectors of {@code out} (32
 * columns with 512-bit vectors) stay in registers while {@code k} runs, 16 sums in flight, each loaded
 * value of {@code A} used four times and each vector of {@code B} four times. Each lane is one entry,
 * summed exactly as the reference sums it — from 0, {@code k} in order, a multiply then an add — so the
 * bits are the reference's. What does not fill a block goes in blocks of 4 rows × 1 vector, then in columns
 * of 4 rows; products whose {@code B} is not contiguous along a row (the error sent back, {@code δ · wᵀ}) go
 * to the plain kernel.
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
        int whole = from + (to - from) / 4 * 4, wide = m / (4 * L) * (4 * L);
        for (int j = 0; j < wide; j += 4 * L) { // one panel of B (4L columns) for all the rows: it stays in cache
            for (int i = from; i < whole; i += 4) {
                block4x4(a, i * ai, ai, ak, b, bk, out, i * m + j, j, inner, m);
            }
        }
        int i = from;
        for (; i < whole; i += 4) {
            int j = wide;
            for (; j + L <= m; j += L) {
                block4x1(a, i * ai, ai, ak, b, bk, out, i * m + j, j, inner, m);
            }
            for (; j < m; j++) {
                Products.column4(a, i * ai, ai, ak, b, j, bk, out, i * m + j, inner, m);
            }
        }
        for (; i < to; i++) {
            int a0 = i * ai;
            int j = 0;
            for (; j + L <= m; j += L) {
                DoubleVector c = DoubleVector.zero(S);
                for (int k = 0, ka = a0, kb = j; k < inner; k++, ka += ak, kb += bk) {
                    c = c.add(DoubleVector.broadcast(S, a[ka]).mul(DoubleVector.fromArray(S, b, kb)));
                }
                c.intoArray(out, i * m + j);
            }
            for (; j < m; j++) {
                out[i * m + j] = Products.dot(a, a0, ak, b, j, bk, inner);
            }
        }
    }

    /** Rows {@code i … i+3} (A from {@code a0}), columns {@code j … j+4L−1}, written from {@code o}. */
    private static void block4x4(double[] a, int a0, int ai, int ak, double[] b, int bk, double[] out, int o, int j,
            int inner, int m) {
        int a1 = a0 + ai, a2 = a1 + ai, a3 = a2 + ai;
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00;
        DoubleVector c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (int k = 0, ka = 0, kb = j; k < inner; k++, ka += ak, kb += bk) {
            DoubleVector y0 = DoubleVector.fromArray(S, b, kb), y1 = DoubleVector.fromArray(S, b, kb + L);
            DoubleVector y2 = DoubleVector.fromArray(S, b, kb + 2 * L), y3 = DoubleVector.fromArray(S, b, kb + 3 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + ka]);
            c00 = c00.add(x.mul(y0));
            c01 = c01.add(x.mul(y1));
            c02 = c02.add(x.mul(y2));
            c03 = c03.add(x.mul(y3));
            x = DoubleVector.broadcast(S, a[a1 + ka]);
            c10 = c10.add(x.mul(y0));
            c11 = c11.add(x.mul(y1));
            c12 = c12.add(x.mul(y2));
            c13 = c13.add(x.mul(y3));
            x = DoubleVector.broadcast(S, a[a2 + ka]);
            c20 = c20.add(x.mul(y0));
            c21 = c21.add(x.mul(y1));
            c22 = c22.add(x.mul(y2));
            c23 = c23.add(x.mul(y3));
            x = DoubleVector.broadcast(S, a[a3 + ka]);
            c30 = c30.add(x.mul(y0));
            c31 = c31.add(x.mul(y1));
            c32 = c32.add(x.mul(y2));
            c33 = c33.add(x.mul(y3));
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c02.intoArray(out, o + 2 * L);
        c03.intoArray(out, o + 3 * L);
        o += m;
        c10.intoArray(out, o);
        c11.intoArray(out, o + L);
        c12.intoArray(out, o + 2 * L);
        c13.intoArray(out, o + 3 * L);
        o += m;
        c20.intoArray(out, o);
        c21.intoArray(out, o + L);
        c22.intoArray(out, o + 2 * L);
        c23.intoArray(out, o + 3 * L);
        o += m;
        c30.intoArray(out, o);
        c31.intoArray(out, o + L);
        c32.intoArray(out, o + 2 * L);
        c33.intoArray(out, o + 3 * L);
    }

    /** Rows {@code i … i+3} (A from {@code a0}), columns {@code j … j+L−1}, written from {@code o}. */
    private static void block4x1(double[] a, int a0, int ai, int ak, double[] b, int bk, double[] out, int o, int j,
            int inner, int m) {
        int a1 = a0 + ai, a2 = a1 + ai, a3 = a2 + ai;
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        for (int k = 0, ka = 0, kb = j; k < inner; k++, ka += ak, kb += bk) {
            DoubleVector y = DoubleVector.fromArray(S, b, kb);
            c0 = c0.add(DoubleVector.broadcast(S, a[a0 + ka]).mul(y));
            c1 = c1.add(DoubleVector.broadcast(S, a[a1 + ka]).mul(y));
            c2 = c2.add(DoubleVector.broadcast(S, a[a2 + ka]).mul(y));
            c3 = c3.add(DoubleVector.broadcast(S, a[a3 + ka]).mul(y));
        }
        c0.intoArray(out, o);
        c1.intoArray(out, o + m);
        c2.intoArray(out, o + 2 * m);
        c3.intoArray(out, o + 3 * m);
    }
}
