package org.backpropkit.core;

import java.lang.management.ManagementFactory;

/**
 * The matrix products the forward and backward passes run, and the one place where the way of computing
 * them is chosen. Each gives exactly the numbers of its plain reference in {@link Matrix}, bit for bit
 * (a test holds them equal), only faster. Read {@link Matrix} for what they compute; read this class for
 * how fast.
 *
 * <p>All three are one product, {@code out_ij = Σ_k A_ik B_kj}, with {@code A} and {@code B} read from
 * the matrices' arrays with different strides ({@link Kernel}). Every entry is summed as the reference
 * sums it — from 0, {@code k} in order, a multiply then an add (never a fused multiply-add) — so the
 * order of the rounding errors, and with it every bit, is the reference's. What changes is the traffic:
 * the reference reads and writes {@code out_ij} in memory for every {@code k}; here a block of
 * 4 rows × 4 columns of {@code out} stays in registers while {@code k} runs, and each value loaded is used
 * four times. About twice the reference's speed under either JIT compiler.
 *
 * <p>With the JDK's vector module ({@code java --add-modules jdk.incubator.vector}) and the optimizing
 * JIT compiler C2, {@code VectorProducts} computes blocks of 4 rows × 16 columns with 8-wide vectors,
 * again in the reference's order: another three to four times faster. It is loaded only when the module
 * is present, and never under C1 alone ({@code -XX:TieredStopAtLevel=1}, the kernel's default), where
 * vectors are objects on the heap and the plain kernel is faster. {@link #kernel()} names the one in use.
 *
 * <p>Each product computes the rows {@code from … to − 1} of {@code out}, so that the threads of a
 * {@link Team} can share them; the entries, and their bits, stay the same (every entry is still summed by
 * one thread, in the same order). The smallest whole products, up to {@link #TINY} multiply-adds, are left
 * to the reference.
 */
final class Products {

    /**
     * {@code out[i·m + j] = Σ_{k < inner} a[i·ai + k·ak] · b[k·bk + j·bj]} for the rows {@code from ≤ i < to}
     * and the columns {@code j < m}, each sum started at 0 and run with {@code k} in order.
     */
    interface Kernel {
        void product(double[] a, int ai, int ak, double[] b, int bk, int bj, double[] out, int from, int to,
                int inner, int m);
    }

    /** Blocks of 4 × 4 entries summed in registers, in plain Java. */
    static final Kernel PLAIN = Products::blocked;

    /** The kernel in use: {@code VectorProducts} where it pays, else {@link #PLAIN}. */
    static final Kernel KERNEL = choose();

    /**
     * Products of at most this many multiply-adds (one sample through the lessons' small networks) run the
     * reference itself: with so little to sum, its plain loop beats any blocking, and it is the same loop.
     */
    static final int TINY = 64;

    private Products() {
    }

    /**
     * Rows {@code from … to − 1} of {@code out = a · b}, as {@link Matrix#multiplyInto} computes them: the
     * linear step of the forward pass for a block of samples.
     */
    static void multiply(Matrix a, Matrix b, Matrix out, int from, int to) {
        int n = a.cols(), m = b.cols();
        if (a.rows() * n * m <= TINY && from == 0 && to == a.rows()) {
            Matrix.multiplyInto(a, b, out);
        } else {
            KERNEL.product(a.data(), n, 1, b.data(), m, 1, out.data(), from, to, n, m);
        }
    }

    /**
     * Rows {@code from … to − 1} of {@code out = aᵀ · b}, as {@link Matrix#transposeMultiplyInto}: rows of the
     * weight gradient {@code h_prevᵀ · δ}, each entry summed over the samples in order.
     */
    static void transposeMultiply(Matrix a, Matrix b, Matrix out, int from, int to) {
        int n = a.cols(), m = b.cols();
        if (a.rows() * n * m <= TINY && from == 0 && to == n) {
            Matrix.transposeMultiplyInto(a, b, out);
        } else {
            KERNEL.product(a.data(), 1, n, b.data(), m, 1, out.data(), from, to, a.rows(), m);
        }
    }

    /**
     * Rows {@code from … to − 1} of {@code out = a · bᵀ}, as {@link Matrix#multiplyTransposeInto}: the error
     * {@code δ · wᵀ} sent back, for a block of samples.
     */
    static void multiplyTranspose(Matrix a, Matrix b, Matrix out, int from, int to) {
        int n = a.cols();
        if (a.rows() * n * b.rows() <= TINY && from == 0 && to == a.rows()) {
            Matrix.multiplyTransposeInto(a, b, out);
        } else {
            KERNEL.product(a.data(), n, 1, b.data(), 1, n, out.data(), from, to, n, b.rows());
        }
    }

    /** The name of the kernel in use, for benchmarks and reports: {@code "vector"} or {@code "plain"}. */
    static String kernel() {
        return KERNEL == PLAIN ? "plain" : "vector";
    }

    private static Kernel choose() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty() || !optimizingCompiler()) {
            return PLAIN;
        }
        try {
            return (Kernel) Class.forName("org.backpropkit.core.VectorProducts").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return PLAIN; // a jar built without it: the plain kernel gives the same numbers
        }
    }

    /** True unless the JVM stops at C1 ({@code -XX:TieredStopAtLevel} below 4 with tiered compilation on). */
    private static boolean optimizingCompiler() {
        var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        if (hotspot == null) {
            return true;
        }
        boolean tiered = Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue());
        return !tiered || Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue()) >= 4;
    }

    /** {@link Kernel#product} with 4 × 4 blocks of sums in registers; the edges entry by entry. */
    static void blocked(double[] a, int ai, int ak, double[] b, int bk, int bj, double[] out, int from, int to,
            int inner, int m) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
            int a0 = i * ai, a1 = a0 + ai, a2 = a1 + ai, a3 = a2 + ai;
            int j = 0;
            for (; j + 4 <= m; j += 4) {
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                int b0 = j * bj;
                for (int k = 0, ka = 0, kb = b0; k < inner; k++, ka += ak, kb += bk) {
                    double y0 = b[kb], y1 = b[kb + bj], y2 = b[kb + 2 * bj], y3 = b[kb + 3 * bj];
                    double x = a[a0 + ka];
                    c00 += x * y0; c01 += x * y1; c02 += x * y2; c03 += x * y3;
                    x = a[a1 + ka];
                    c10 += x * y0; c11 += x * y1; c12 += x * y2; c13 += x * y3;
                    x = a[a2 + ka];
                    c20 += x * y0; c21 += x * y1; c22 += x * y2; c23 += x * y3;
                    x = a[a3 + ka];
                    c30 += x * y0; c31 += x * y1; c32 += x * y2; c33 += x * y3;
                }
                int o = i * m + j;
                out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03;
                o += m;
                out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13;
                o += m;
                out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23;
                o += m;
                out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
            }
            for (; j < m; j++) {
                column4(a, i * ai, ai, ak, b, j * bj, bk, out, i * m + j, inner, m);
            }
        }
        for (; i < to; i++) { // written out rather than calling dot: C1 would not inline the call (one sample's rows)
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int k = 0, ka = i * ai, kb = j * bj; k < inner; k++, ka += ak, kb += bk) {
                    sum += a[ka] * b[kb];
                }
                out[i * m + j] = sum;
            }
        }
    }

    /**
     * One column {@code j} of four rows of {@code out} (A's rows from {@code a0}, B's column from {@code b0},
     * written from {@code o}): four sums in flight instead of one, for the edges of the blocks.
     */
    static void column4(double[] a, int a0, int ai, int ak, double[] b, int b0, int bk, double[] out, int o, int inner,
            int m) {
        int a1 = a0 + ai, a2 = a1 + ai, a3 = a2 + ai;
        double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        for (int k = 0, ka = 0, kb = b0; k < inner; k++, ka += ak, kb += bk) {
            double y = b[kb];
            c0 += a[a0 + ka] * y;
            c1 += a[a1 + ka] * y;
            c2 += a[a2 + ka] * y;
            c3 += a[a3 + ka] * y;
        }
        out[o] = c0;
        out[o + m] = c1;
        out[o + 2 * m] = c2;
        out[o + 3 * m] = c3;
    }

    /** {@code Σ_k a[a0 + k·ak] · b[b0 + k·bk]}, from 0, in order: one entry of a product. */
    static double dot(double[] a, int a0, int ak, double[] b, int b0, int bk, int inner) {
        double sum = 0;
        for (int k = 0; k < inner; k++) {
            sum += a[a0 + k * ak] * b[b0 + k * bk];
        }
        return sum;
    }
}
