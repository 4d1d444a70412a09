package org.backpropkit.check;

/**
 * What a relative error between an analytic and a numeric gradient says, by the thresholds of
 * {@link GradientCheck}: below {@code 1e-7} the two agree; above {@code 1e-4} the analytic gradient
 * is wrong; between lies a grey zone (a very small gradient, say). A disagreement where the central
 * difference straddles a kink (ReLU's at 0) is {@link #KINK}, whatever its size.
 */
public enum Verdict {
    CORRECT("✓"),
    SUSPICIOUS("?"),
    WRONG("✗"),
    /**
     * Not comparable: moving the parameter by ±ε carried a ReLU's input across its kink at 0, so the
     * numeric slope averages two different slopes. Says nothing about the derivation either way.
     */
    KINK("∧");

    private final String mark;

    Verdict(String mark) {
        this.mark = mark;
    }

    /** A one-character mark for tables: ✓, ?, ✗ or ∧. */
    public String mark() {
        return mark;
    }

    /** The verdict for a relative error. */
    public static Verdict of(double relativeError) {
        if (relativeError < GradientCheck.CORRECT) {
            return CORRECT;
        }
        return relativeError > GradientCheck.WRONG || Double.isNaN(relativeError) ? WRONG : SUSPICIOUS;
    }
}
