package org.backpropkit.core;

import java.util.Arrays;
import java.util.Random;

/**
 * A dense matrix of doubles stored row by row in one contiguous array: element (i, j) sits at
 * {@code data[i * cols + j]}. Indices are Java's, counted from 0; the article's names, counted
 * from 1, live in {@link Parameter}.
 *
 * <p>The kit follows the article's row-vector convention: a sample is a row, so a batch of
 * {@code n} samples with {@code m} features is an {@code n × m} matrix and a layer computes
 * {@code a = x·w + b} with {@code w} of shape {@code inputs × units}.
 *
 * <p>Mutable on purpose: training updates weights in place and reuses its buffers, so a
 * training step allocates nothing. Methods that write say so in their name ({@code set},
 * {@code …Into}); every other method leaves the matrix alone.
 *
 * <p>Cost: each of the three products below takes {@code rows × inner × cols} multiply-adds. They are
 * the plain reference; training runs them through {@link Products}, which gives the same numbers faster.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** The most entries a matrix holds: Java's largest array. */
    public static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;

    /**
     * Returns a {@code rows × cols} matrix of zeros.
     *
     * @throws IllegalArgumentException if {@code rows × cols} is more than {@link #MAX_ENTRIES}, or needs
     *     more memory than the JVM may ever use (so it would certainly fail with OutOfMemoryError)
     */
    public static Matrix zeros(int rows, int cols) {
        Require.positive("rows", rows);
        Require.positive("cols", cols);
        return new Matrix(rows, cols, new double[entries(rows, cols)]);
    }

    /** {@code rows × cols}, computed without overflow and refused when no array of doubles can hold it. */
    private static int entries(int rows, int cols) {
        long entries = (long) rows * cols;
        if (entries > MAX_ENTRIES) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix has " + entries + " entries; one"
                    + " Java array holds at most " + MAX_ENTRIES + " (and it would need " + gigabytes(8 * entries)
                    + " GB of memory)");
        }
        long maximum = Runtime.getRuntime().maxMemory();
        if (8 * entries > maximum) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix needs " + gigabytes(8 * entries)
                    + " GB of memory, more than the " + gigabytes(maximum) + " GB this JVM may use (its -Xmx)");
        }
        return (int) entries;
    }

    private static String gigabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1e9);
    }

    /**
     * Returns a matrix holding a copy of {@code values}, one inner array per row.
     *
     * @throws IllegalArgumentException if the rows differ in length (NaN is allowed here; the network refuses it)
     */
    public static Matrix of(double[]... values) {
        Require.noNulls("the rows of the matrix", values);
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column, got "
                    + values.length + " rows");
        }
        int cols = values[0].length;
        double[] data = new double[values.length * cols];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != cols) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + values[i].length
                        + " values, row 1 has " + cols + " (rows counted from 1)");
            }
            System.arraycopy(values[i], 0, data, i * cols, cols);
        }
        return new Matrix(values.length, cols, data);
    }

    /** Returns a one-row matrix: a single sample in the row-vector convention. */
    public static Matrix row(double... values) {
        return of(Require.notNull("the row's values", values));
    }

    /**
     * Returns a matrix with entries drawn uniformly from {@code [-limit, limit]}, the same
     * entries for the same {@code random} state.
     */
    static Matrix uniform(int rows, int cols, double limit, Random random) {
        Matrix m = zeros(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = (2 * random.nextDouble() - 1) * limit;
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Returns element (i, j), counted from 0. */
    public double get(int i, int j) {
        checkIndex(i, j);
        return data[i * cols + j];
    }

    /** Sets element (i, j), counted from 0. */
    public void set(int i, int j, double value) {
        checkIndex(i, j);
        data[i * cols + j] = value;
    }

    /** Returns a copy of row {@code i}. */
    public double[] row(int i) {
        checkIndex(i, 0);
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** Returns a copy as an array of rows. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** Returns an independent copy. */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** Returns true if both matrices have the same shape and exactly the same entries. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** Returns the shape as the kit writes it in messages, e.g. {@code 2×3}. */
    public String shape() {
        return rows + "×" + cols;
    }

    /** The most entries {@link #toString} prints in full; a larger matrix shows its corners. */
    public static final int PRINTED_ENTRIES = 1000;
    /** The rows and the columns a large matrix shows at each end. */
    private static final int EDGE = 3;

    /**
     * Prints the rows with six significant digits, e.g. {@code [[0.1, -0.2], [0.3, 0.4]]}. A matrix of more
     * than {@value #PRINTED_ENTRIES} entries shows its first and last three rows and columns, {@code …} for
     * the others, and its shape, as NumPy prints a large array: {@code [[0.1, 0.2, 0.3, …, 0.9], …] (2048×784)}.
     */
    @Override
    public String toString() {
        boolean whole = (long) rows * cols <= PRINTED_ENTRIES;
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            if (!whole && i == EDGE && rows > 2 * EDGE) {
                s.append(", …");
                i = rows - EDGE - 1;
                continue;
            }
            s.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < cols; j++) {
                if (!whole && j == EDGE && cols > 2 * EDGE) {
                    s.append(", …");
                    j = cols - EDGE - 1;
                    continue;
                }
                s.append(j == 0 ? "" : ", ").append(Format.number(data[i * cols + j]));
            }
            s.append(']');
        }
        s.append(']');
        return whole ? s.toString() : s.append(" (").append(shape()).append(')').toString();
    }

    /** {@code this ← this + s · m}, entry by entry; the update {@code θ ← θ − η∇L} is {@code addScaled(−η, ∇L)}. */
    public void addScaled(double s, Matrix m) {
        addScaled(s, m, 0, rows);
    }

    /**
     * {@code this ← this + s · m} on the rows {@code from … to − 1} only, the others untouched: one thread's
     * share when the threads of a training call update a large layer.
     */
    public void addScaled(double s, Matrix m, int from, int to) {
        requireSameShape(m);
        requireRows(from, to);
        double[] z = m.data;
        for (int k = from * cols, end = to * cols; k < end; k++) {
            data[k] += s * z[k];
        }
    }

    /** {@code this ← c · this}, entry by entry. */
    public void scale(double c) {
        scale(c, 0, rows);
    }

    /** {@code this ← c · this} on the rows {@code from … to − 1} only, as {@link #addScaled(double, Matrix, int, int)}. */
    public void scale(double c, int from, int to) {
        requireRows(from, to);
        for (int k = from * cols, end = to * cols; k < end; k++) {
            data[k] *= c;
        }
    }

    /** Overwrites every entry with the entries of {@code m}, which must have the same shape. */
    public void setAll(Matrix m) {
        requireSameShape(m);
        System.arraycopy(m.data, 0, data, 0, data.length);
    }

    /** Returns the Euclidean norm {@code √(Σ m_ij²)}. */
    public double norm() {
        double sum = 0;
        for (double v : data) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private void requireRows(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IllegalArgumentException("rows from " + from + " to " + to + " (exclusive) are not rows of a "
                    + shape() + " matrix: expected 0 ≤ from ≤ to ≤ " + rows);
        }
    }

    private void requireSameShape(Matrix m) {
        Require.notNull("the matrix", m);
        if (m.rows != rows || m.cols != cols) {
            throw new IllegalArgumentException("expected a " + shape() + " matrix, got " + m.shape());
        }
    }

    // ---- The three products of a training step, written plainly: the reference a reader checks the
    // ---- formulas against. The passes run them through Products, which gives the same numbers faster.
    // ---- They write into `out` and allocate nothing.

    /**
     * {@code out = a · b}, i.e. {@code out_ij = Σ_k a_ik b_kj}: the forward product {@code h⁽ˡ⁻¹⁾ · w⁽ˡ⁾}.
     * One row of {@code out} at a time; within it the sum runs over {@code k} in order, each step adding
     * {@code a_ik} times row {@code k} of {@code b}, so every loop reads memory in a row.
     */
    static void multiplyInto(Matrix a, Matrix b, Matrix out) {
        double[] x = a.data, y = b.data, z = out.data;
        int n = a.cols, m = b.cols;
        Arrays.fill(z, 0, a.rows * m, 0.0);
        for (int i = 0; i < a.rows; i++) {
            for (int k = 0; k < n; k++) {
                double aik = x[i * n + k];
                for (int j = 0; j < m; j++) {
                    z[i * m + j] += aik * y[k * m + j];
                }
            }
        }
    }

    /**
     * {@code out = aᵀ · b}, i.e. {@code out_ij = Σ_s a_si b_sj}: the weight gradient {@code h⁽ˡ⁻¹⁾ᵀ · δ⁽ˡ⁾},
     * summed over the samples {@code s} of a batch. One sample at a time, in order: sample {@code s} adds
     * {@code a_si b_sj} to every entry.
     */
    static void transposeMultiplyInto(Matrix a, Matrix b, Matrix out) {
        double[] x = a.data, y = b.data, z = out.data;
        int n = a.cols, m = b.cols;
        Arrays.fill(z, 0, n * m, 0.0);
        for (int s = 0; s < a.rows; s++) {
            for (int i = 0; i < n; i++) {
                double asi = x[s * n + i];
                for (int j = 0; j < m; j++) {
                    z[i * m + j] += asi * y[s * m + j];
                }
            }
        }
    }

    /**
     * {@code out = a · bᵀ}, i.e. {@code out_ij = Σ_k a_ik b_jk}: the error sent back, {@code δ⁽ˡ⁾ · w⁽ˡ⁾ᵀ}.
     * Each entry is the dot product of row {@code i} of {@code a} with row {@code j} of {@code b}.
     */
    static void multiplyTransposeInto(Matrix a, Matrix b, Matrix out) {
        double[] x = a.data, y = b.data, z = out.data;
        int n = a.cols, m = b.rows;
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += x[i * n + k] * y[j * n + k];
                }
                z[i * m + j] = sum;
            }
        }
    }

    /** {@code out} row r ← {@code src} row {@code order[start + r]}, for the rows {@code from ≤ r < to} of {@code out}. */
    static void gatherRowsInto(Matrix src, int[] order, int start, Matrix out, int from, int to) {
        for (int r = from; r < to; r++) {
            System.arraycopy(src.data, order[start + r] * src.cols, out.data, r * out.cols, out.cols);
        }
    }

    /** Direct access for the passes of this package; the array is the matrix's own storage. */
    double[] data() {
        return data;
    }

    private void checkIndex(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") lies outside a " + shape()
                    + " matrix (indices count from 0)");
        }
    }
}
