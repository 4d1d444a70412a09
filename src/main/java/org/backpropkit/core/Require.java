package org.backpropkit.core;

/**
 * The argument checks the kit shares. Each failure is an {@link IllegalArgumentException} whose
 * message names what was expected and what came, e.g. "x has 3 values, the network takes 2".
 */
public final class Require {

    private Require() {
    }

    /**
     * Requires an argument to be given: null is refused at the door, with a message that names the
     * argument, instead of a NullPointerException from deep inside or a null kept to fail later.
     */
    public static <T> T notNull(String name, T value) {
        return notNull(name, value, null);
    }

    /** The same, with a hint of what to give, e.g. "give one of SIGMOID, TANH, RELU, IDENTITY". */
    public static <T> T notNull(String name, T value, String hint) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null" + (hint == null ? "" : "; " + hint));
        }
        return value;
    }

    /** Requires an array and each of its elements to be given; the message counts elements from 1. */
    public static <T> T[] noNulls(String name, T[] values) {
        notNull(name, values);
        for (int k = 0; k < values.length; k++) {
            if (values[k] == null) {
                throw new IllegalArgumentException(name + " hold null in place " + (k + 1) + " of " + values.length);
            }
        }
        return values;
    }

    /** Requires {@code value > 0}. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    /** Requires {@code value > 0} and finite. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + value);
        }
        return value;
    }

    /** Requires every value to be a finite number (no NaN, no infinity). */
    public static void finite(String name, double... values) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k]) && values.length == 1) {
                throw new IllegalArgumentException(name + " must be a finite number, got " + values[k]);
            }
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(name + " holds " + values[k] + " in entry " + (k + 1)
                        + " (counted from 1, as in x₁); the kit needs finite numbers");
            }
        }
    }

    /** Requires every entry of {@code m} to be finite. */
    public static void finite(String name, Matrix m) {
        double[] d = m.data();
        for (int k = 0; k < d.length; k++) {
            if (!Double.isFinite(d[k])) {
                throw new IllegalArgumentException(name + " holds " + d[k] + " in row " + (k / m.cols() + 1)
                        + ", column " + (k % m.cols() + 1) + " (counted from 1); the kit needs finite numbers");
            }
        }
    }

    /** Requires a layer number {@code l} of a network with {@code depth} layers, counted from 1. */
    public static int layer(int l, int depth) {
        if (l < 1 || l > depth) {
            throw new IllegalArgumentException("layer " + l + " does not exist: layers count from 1 to " + depth);
        }
        return l;
    }

    /** Requires inputs {@code x} and targets {@code t} to hold the same number of samples (rows). */
    public static void sameRows(Matrix x, Matrix t) {
        notNull("x", x, "give the inputs, one sample per row");
        notNull("t", t, "give the targets, one sample per row");
        if (x.rows() != t.rows()) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows (samples) but t has " + t.rows());
        }
    }

    /** One sample given as an array, checked (not empty, finite) and turned into a one-row matrix. */
    public static Matrix sample(String name, double[] values) {
        notNull(name, values, "give one value per unit");
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty; give one value per unit");
        }
        finite(name, values);
        return Matrix.row(values);
    }

    /** Requires {@code m} to have {@code cols} columns; {@code what} names a row, e.g. "x", "t". */
    public static void columns(String what, Matrix m, int cols, String taker) {
        if (m.cols() != cols) {
            throw new IllegalArgumentException(what + " has " + m.cols() + (m.cols() == 1 ? " value" : " values")
                    + ", " + taker + " " + cols);
        }
    }
}
