package org.backpropkit.check;

import org.backpropkit.core.Format;
import org.backpropkit.core.Require;

/**
 * The checks a lesson runs after each derivation. Each returns a line starting with ✓ when it holds
 * and throws {@link CheckFailed} with a clear message when it does not — unlike Java's
 * {@code assert}, which does nothing unless the JVM runs with {@code -ea}.
 *
 * <pre>{@code
 * Check.close("∂L/∂u₂₁", g.of("u21"), d.value());   // ✓ ∂L/∂u₂₁ = -0.0286865 (expected -0.0286865)
 * Check.gradients(GradientCheck.run(net, x, t));     // ✓ 17 parameters: 17 correct, …
 * }</pre>
 */
public final class Check {

    /** The default tolerance of {@link #close}: a relative difference of {@code 1e-9}. */
    public static final double TOLERANCE = 1e-9;

    private Check() {
    }

    /** Checks that {@code actual} equals {@code expected} to a relative difference of {@value #TOLERANCE}. */
    public static String close(String what, double actual, double expected) {
        return close(what, actual, expected, TOLERANCE, null);
    }

    /**
     * Checks that {@code actual} equals {@code expected} to the relative difference {@code tolerance}
     * (absolute, where {@code expected} is smaller than 1); the hint, if any, is shown on failure.
     */
    public static String close(String what, double actual, double expected, double tolerance, String hint) {
        Require.notNull("what", what, "say what is checked, e.g. \"∂L/∂u₂₁\"");
        double difference = Math.abs(actual - expected);
        if (difference <= tolerance * Math.max(1, Math.abs(expected))) {
            return "✓ " + what + " = " + Format.number(actual) + " (expected " + Format.number(expected) + ")";
        }
        throw new CheckFailed("✗ " + what + ": got " + Format.number(actual) + ", expected " + Format.number(expected)
                + " (difference " + Format.scientific(difference) + ", tolerance " + Format.scientific(tolerance) + ")"
                + (hint == null ? "" : ". Hint: " + hint));
    }

    /** Checks a condition; {@code hint} says what to look at when it fails. */
    public static String that(String what, boolean holds, String hint) {
        Require.notNull("what", what, "say what is checked");
        if (holds) {
            return "✓ " + what;
        }
        throw new CheckFailed("✗ " + what + " does not hold. Hint: " + hint);
    }

    /** Checks that every gradient in {@code report} is correct; the failure names the worst parameter. */
    public static String gradients(GradientReport report) {
        Require.notNull("report", report, "give the result of GradientCheck.run(net, x, t)");
        if (report.passed()) {
            return "✓ " + report.summary();
        }
        if (report.count(Verdict.WRONG) + report.count(Verdict.SUSPICIOUS) == 0) {
            throw new CheckFailed("✗ gradient check inconclusive, not failed: " + report.summary() + ". " + report.kinks()
                    + ".");
        }
        GradientReport.Result worst = report.worst();
        throw new CheckFailed("✗ gradient check failed: " + report.summary() + ". At " + worst.parameter().symbol()
                + " the analytic gradient is " + Format.number(worst.analytic()) + " but the loss's slope is "
                + Format.number(worst.numeric()) + ". Hint: compare that parameter's derivation factor by factor."
                + (report.count(Verdict.KINK) == 0 ? "" : " " + report.kinks() + "."));
    }
}
