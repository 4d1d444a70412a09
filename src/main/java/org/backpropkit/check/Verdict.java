package org.backpropkit.check;

/**
 * What a relative error between an analytic and a numeric gradient says, by the thresholds of
 * {@link GradientCheck}: below {@code 1e-7} the two agree; above {@code 1e-4} the analytic gradient
 * is wrong; between lies a grey zone (a kink such as ReLU's at 0, or a very small gradient).
 */
public enum Verdict {
    CORRECT("✓"),
    SUSPICIOUS("?"),
    WRONG("✗");

    private final String mark;

    Verdict(String mark) {
        this.mark = mark;
    }

    /** A one-character mark for tables: ✓, ? or ✗. */
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
