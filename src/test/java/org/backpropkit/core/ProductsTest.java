package org.backpropkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every fast product gives exactly the numbers of the plain reference in {@link Matrix}, bit for bit: both
 * kernels (plain Java, and the vector API's when its module is present), on one thread and split between
 * two or three, on random shapes that include one row, one column, odd sizes (where the blocks leave edges)
 * and products large enough for a {@link Team} to split.
 */
class ProductsTest {

    private static final int[][] SHAPES = { // rows of a, shared dimension, columns of b
        {1, 1, 1}, {1, 5, 3}, {2, 3, 1}, {3, 1, 4}, {5, 7, 3}, {4, 4, 4}, {7, 2, 9}, {1, 9, 1}, {9, 1, 1}, {16, 11, 6},
        {33, 17, 5}, {1, 40, 33}, {4, 3, 16}, {5, 9, 17}, {13, 21, 31}, {8, 784, 10}, {37, 61, 41}, {64, 130, 128},
        {67, 33, 10}, {9, 100, 81}, {37, 300, 97}};

    private static Matrix random(int rows, int cols, Random random) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3)); // magnitudes 1e-3 … 1e3
            }
        }
        return m;
    }

    /** Filled with NaN, so a product that forgets to overwrite an entry cannot pass. */
    private static Matrix garbage(int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, Double.NaN);
            }
        }
        return m;
    }

    /** All {@code rows} rows of {@code part}: shared by {@code team}, or at once without one, as the passes run them. */
    private static void share(Team team, int rows, long work, Team.Part part) {
        if (team == null) {
            part.run(0, rows);
        } else {
            team.share(rows, work, part);
        }
    }

    /** {@link Products#multiply} over every row of {@code out}, shared between the threads of {@code team} as a pass shares them. */
    private static void multiply(Matrix a, Matrix b, Matrix out, Team team) {
        share(team, a.rows(), (long) a.rows() * a.cols() * b.cols(), (from, to) -> Products.multiply(a, b, out, from, to));
    }

    /** {@link Products#transposeMultiply} over every row of {@code out}, shared as a layer's gradient is. */
    private static void transposeMultiply(Matrix a, Matrix b, Matrix out, Team team) {
        share(team, a.cols(), (long) a.rows() * a.cols() * b.cols(),
                (from, to) -> Products.transposeMultiply(a, b, out, from, to));
    }

    /** {@link Products#multiplyTranspose} over every row of {@code out}, shared as a pass shares them. */
    private static void multiplyTranspose(Matrix a, Matrix b, Matrix out, Team team) {
        share(team, a.rows(), (long) a.rows() * a.cols() * b.rows(),
                (from, to) -> Products.multiplyTranspose(a, b, out, from, to));
    }

    /** {@code kernel} over every row of {@code out} ({@code rows} of them), shared between the threads of {@code team}. */
    private static void shared(Team team, Products.Kernel kernel, double[] a, int ai, int ak, double[] b, int bk, int bj,
            double[] out, int rows, int inner, int m) {
        share(team, rows, (long) rows * inner * m, (from, to) -> kernel.product(a, ai, ak, b, bk, bj, out, from, to, inner, m));
    }

    /** The plain kernel, and the vector kernel when this JVM has the module (the build's tests do). */
    private static List<Products.Kernel> kernels() throws ReflectiveOperationException {
        List<Products.Kernel> kernels = new ArrayList<>(List.of(Products.PLAIN));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            kernels.add((Products.Kernel) Class.forName("org.backpropkit.core.VectorProducts").getDeclaredConstructor()
                    .newInstance());
        }
        return kernels;
    }

    @Test
    void everyKernelOnAnyNumberOfThreadsEqualsTheReferenceBitForBit() throws ReflectiveOperationException {
        Random random = new Random(2024);
        for (int size = 1; size <= 3; size++) {
            Team team = size == 1 ? null : new Team(size);
            try {
                for (Products.Kernel kernel : kernels()) {
                    for (int[] shape : SHAPES) {
                        int rows = shape[0], inner = shape[1], cols = shape[2];
                        String what = rows + "×" + inner + " and " + inner + "×" + cols + " with " + kernel.getClass()
                                .getSimpleName() + " on " + size + " thread(s)";

                        Matrix a = random(rows, inner, random), b = random(inner, cols, random);
                        Matrix reference = garbage(rows, cols), fast = garbage(rows, cols);
                        Matrix.multiplyInto(a, b, reference);
                        shared(team, kernel, a.data(), inner, 1, b.data(), cols, 1, fast.data(), rows, inner, cols);
                        assertEquals(reference, fast, "a · b for " + what);

                        Matrix s = random(rows, inner, random), d = random(rows, cols, random); // samples × inputs, × units
                        reference = garbage(inner, cols);
                        fast = garbage(inner, cols);
                        Matrix.transposeMultiplyInto(s, d, reference);
                        shared(team, kernel, s.data(), 1, inner, d.data(), cols, 1, fast.data(), inner, rows, cols);
                        assertEquals(reference, fast, "aᵀ · b for " + what);

                        Matrix w = random(inner, cols, random), delta = random(rows, cols, random);
                        reference = garbage(rows, inner);
                        fast = garbage(rows, inner);
                        Matrix.multiplyTransposeInto(delta, w, reference);
                        shared(team, kernel, delta.data(), cols, 1, w.data(), 1, cols, fast.data(), rows, cols, inner);
                        assertEquals(reference, fast, "a · bᵀ for " + what);
                    }
                }
            } finally {
                if (team != null) {
                    team.close();
                }
            }
        }
    }

    /**
     * Random shapes (seeded): a quarter of the dimensions are 1 (one row, one column, one input), the rest
     * any size up to 90 × 200 × 90, and one shape in eight large enough for a team to split. Each of the three
     * products, through the entry points {@code Layer} and {@code Backprop} call (tiny ones included) and
     * through each kernel on one and two threads, must give the reference's bits — and both must lie within
     * 1e-12 of an independent computation, a compensated dot product in twice the working precision
     * (relative to {@code Σ_k |A_ik B_kj|}, as a sum whose terms cancel has no better bound).
     */
    @Test
    void randomShapesGiveTheReferenceBitsAndAgreeWithACompensatedSumTo1e12() throws ReflectiveOperationException {
        Random random = new Random(18);
        try (Team team = new Team(2)) {
            for (int trial = 0; trial < 150; trial++) {
                boolean large = random.nextInt(8) == 0;
                int rows = dimension(random, large ? 100 : 1, large ? 160 : 90);
                int inner = dimension(random, large ? 200 : 1, large ? 300 : 200);
                int cols = dimension(random, large ? 40 : 1, large ? 100 : 90);
                String what = " for " + rows + "×" + inner + " and " + inner + "×" + cols + " (trial " + trial + ")";
                Matrix a = random(rows, inner, random), b = random(inner, cols, random);
                Matrix s = random(rows, inner, random), d = random(rows, cols, random); // samples × inputs, × units
                Matrix w = random(inner, cols, random);

                Matrix ab = garbage(rows, cols), sd = garbage(inner, cols), dw = garbage(rows, inner);
                Matrix.multiplyInto(a, b, ab);
                Matrix.transposeMultiplyInto(s, d, sd);
                Matrix.multiplyTransposeInto(d, w, dw);
                assertClose(a, false, b, false, ab, "reference a · b" + what);
                assertClose(s, true, d, false, sd, "reference aᵀ · b" + what);
                assertClose(d, false, w, true, dw, "reference a · bᵀ" + what);

                for (Team t : new Team[] {null, team}) {
                    Matrix fast = garbage(rows, cols);
                    multiply(a, b, fast, t);
                    assertEquals(ab, fast, "Products.multiply" + what);
                    fast = garbage(inner, cols);
                    transposeMultiply(s, d, fast, t);
                    assertEquals(sd, fast, "Products.transposeMultiply" + what);
                    fast = garbage(rows, inner);
                    multiplyTranspose(d, w, fast, t);
                    assertEquals(dw, fast, "Products.multiplyTranspose" + what);
                    for (Products.Kernel kernel : kernels()) {
                        String how = " with " + kernel.getClass().getSimpleName() + (t == null ? " alone" : " on two threads");
                        fast = garbage(rows, cols);
                        shared(t, kernel, a.data(), inner, 1, b.data(), cols, 1, fast.data(), rows, inner, cols);
                        assertEquals(ab, fast, "a · b" + how + what);
                        fast = garbage(inner, cols);
                        shared(t, kernel, s.data(), 1, inner, d.data(), cols, 1, fast.data(), inner, rows, cols);
                        assertEquals(sd, fast, "aᵀ · b" + how + what);
                        fast = garbage(rows, inner);
                        shared(t, kernel, d.data(), cols, 1, w.data(), 1, cols, fast.data(), rows, cols, inner);
                        assertEquals(dw, fast, "a · bᵀ" + how + what);
                    }
                }
            }
        }
    }

    /** 1 in a quarter of the draws, else uniform in {@code [min, max]}. */
    private static int dimension(Random random, int min, int max) {
        return random.nextInt(4) == 0 ? 1 : min + random.nextInt(max - min + 1);
    }

    /**
     * Every entry of {@code out} within 1e-12 · Σ_k |x_ik y_kj| of {@code Σ_k x_ik y_kj} computed apart: each
     * product split exactly into a double and its rounding error ({@code Math.fma}), the sum carried with its
     * error (Knuth's two-sum) — Ogita, Rump and Oishi's Dot2, as accurate as a sum in twice the precision.
     * {@code x} or {@code y} is read transposed when asked.
     */
    private static void assertClose(Matrix x, boolean xT, Matrix y, boolean yT, Matrix out, String what) {
        int inner = xT ? x.rows() : x.cols();
        for (int i = 0; i < out.rows(); i++) {
            for (int j = 0; j < out.cols(); j++) {
                double sum = 0, error = 0, magnitude = 0;
                for (int k = 0; k < inner; k++) {
                    double p = (xT ? x.get(k, i) : x.get(i, k)) * (yT ? y.get(j, k) : y.get(k, j));
                    double pError = Math.fma(xT ? x.get(k, i) : x.get(i, k), yT ? y.get(j, k) : y.get(k, j), -p);
                    double s = sum + p, z = s - sum;
                    error += (sum - (s - z)) + (p - z) + pError;
                    sum = s;
                    magnitude += Math.abs(p);
                }
                double exact = sum + error;
                assertTrue(Math.abs(out.get(i, j) - exact) <= 1e-12 * magnitude,
                        what + ", entry (" + i + ", " + j + "): " + out.get(i, j) + " vs " + exact);
            }
        }
    }

    /** The strides {@link Products} hands the kernel are the ones the test above holds to the reference. */
    @Test
    void theProductsInUseEqualTheReferenceBitForBit() {
        Random random = new Random(7);
        try (Team team = new Team(2)) {
            for (Team t : new Team[] {null, team}) {
                Matrix a = random(37, 61, random), b = random(61, 41, random), d = random(37, 41, random);
                Matrix reference = garbage(37, 41), fast = garbage(37, 41);
                Matrix.multiplyInto(a, b, reference);
                multiply(a, b, fast, t);
                assertEquals(reference, fast, "a · b");
                reference = garbage(61, 41);
                fast = garbage(61, 41);
                Matrix.transposeMultiplyInto(a, d, reference);
                transposeMultiply(a, d, fast, t);
                assertEquals(reference, fast, "aᵀ · b");
                reference = garbage(37, 61);
                fast = garbage(37, 61);
                Matrix.multiplyTransposeInto(d, b, reference);
                multiplyTranspose(d, b, fast, t);
                assertEquals(reference, fast, "a · bᵀ");
            }
        }
    }

    @Test
    void referenceMatchesAProductWorkedByHandOnAnOddShape() {
        Matrix a = Matrix.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6});
        Matrix b = Matrix.of(new double[] {1, 0, -1}, new double[] {2, 1, 0});
        Matrix ab = Matrix.zeros(3, 3);
        multiply(a, b, ab, null);
        assertEquals(Matrix.of(new double[] {5, 2, -1}, new double[] {11, 4, -3}, new double[] {17, 6, -5}), ab);
        Matrix atc = Matrix.zeros(2, 3);
        transposeMultiply(a, Matrix.of(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1}),
                atc, null);
        assertEquals(Matrix.of(new double[] {1, 3, 5}, new double[] {2, 4, 6}), atc);
    }

    /**
     * The kernel is chosen by what the JVM has: the vector one with the module and C2 (as in this build's
     * tests), the plain one without the module — and then nothing is printed on stderr — or under C1 alone
     * (the notebook kernel's default). Each case runs in a fresh JVM.
     */
    @Test
    void theVectorKernelIsUsedOnlyWithItsModuleAndTheOptimizingCompiler() throws IOException, InterruptedException {
        assertEquals("vector", Products.kernel(), "the tests run with --add-modules jdk.incubator.vector (pom.xml)");
        assertEquals(List.of("plain", ""), kernelIn());
        assertEquals("plain", kernelIn("--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1").get(0));
        List<String> vector = kernelIn("--add-modules", "jdk.incubator.vector");
        assertEquals("vector", vector.get(0));
        assertNotEquals("", vector.get(1), "the JVM warns about the incubating module on stderr");
    }

    /** Runs {@link KernelName} in a new JVM with these options: its stdout line and its stderr. */
    private static List<String> kernelIn(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KernelName.class.getName()));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), err);
        return List.of(out, err);
    }

    /** Prints the name of the kernel in use. */
    static final class KernelName {
        public static void main(String[] args) {
            System.out.println(Products.kernel());
        }
    }
}
