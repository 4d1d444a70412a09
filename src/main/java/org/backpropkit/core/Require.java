package org.backpropkit.core;

/**
 * The argument checks the kit shares. Each failure is an {@link IllegalArgumentException} whose
 * message names what was expected and what came, e.g. "x has 3 values, the network takes 2".
 */
public final class Require {

    private Require() {
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

    /** Requires {@code m} to have {@code cols} columns; {@code what} names a row, e.g. "x", "t". */
    public static void columns(String what, Matrix m, int cols, String taker) {
        if (m.cols() != cols) {
            throw new IllegalArgumentException(what + " has " + m.cols() + (m.cols() == 1 ? " value" : " values")
                    + ", " + taker + " " + cols);
        }
    }
}
