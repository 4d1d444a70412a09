package org.backpropkit.exercise;

import org.backpropkit.core.Format;

/**
 * Karpathy's {@code cmp}: how a learner's numbers compare with the expected ones, in three words —
 * <em>exact</em> (every entry bit for bit), <em>approximate</em> (every entry within the tolerance
 * below) and the <em>max difference</em> {@code max |yours − expected|}.
 *
 * <pre>{@code
 * Comparison.of(new double[] {0.1 + 0.2, 0.5}, new double[] {0.3, 0.5})
 * // exact: no | approximate: yes | max difference 5.6e-17
 * }</pre>
 *
 * Two entries are <em>close</em> when {@code |yours − expected| ≤ 1e-8 · max(|yours|, |expected|) + 1e-14}:
 * a relative difference of {@code 1e-8} (hand-written arithmetic in doubles agrees with the kit to about
 * {@code 1e-15}; a wrong formula misses by percent), and an absolute floor so that two values both
 * within rounding of 0 count as equal.
 */
public record Comparison(boolean exact, boolean approximate, double maxDifference, int entries) {

    /** The relative part of {@link #close}. */
    public static final double RELATIVE = 1e-8;
    /** The absolute part of {@link #close}: differences below it are rounding around 0. */
    public static final double ABSOLUTE = 1e-14;

    /** Compares {@code yours} with {@code expected} entry by entry; both must have the same length. */
    public static Comparison of(double[] yours, double[] expected) {
        if (yours.length != expected.length) {
            throw new IllegalArgumentException("yours has " + yours.length + " values, expected has " + expected.length);
        }
        boolean exact = true, approximate = true;
        double max = 0;
        for (int k = 0; k < yours.length; k++) {
            exact &= yours[k] == expected[k];
            approximate &= close(yours[k], expected[k]);
            max = Math.max(max, Math.abs(yours[k] - expected[k]));
        }
        return new Comparison(exact, approximate, max, yours.length);
    }

    /** True when {@code |yours − expected| ≤ }{@value #RELATIVE}{@code · max(|yours|, |expected|) + }{@value #ABSOLUTE}. */
    public static boolean close(double yours, double expected) {
        return Math.abs(yours - expected) <= RELATIVE * Math.max(Math.abs(yours), Math.abs(expected)) + ABSOLUTE;
    }

    /** E.g. {@code exact: no | approximate: yes | max difference 1.1e-16}. */
    @Override
    public String toString() {
        return "exact: " + (exact ? "yes" : "no") + " | approximate: " + (approximate ? "yes" : "no")
                + " | max difference " + (maxDifference == 0 ? "0" : Format.scientific(maxDifference));
    }
}
