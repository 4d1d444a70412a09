package org.backpropkit.check;

import java.util.List;
import org.backpropkit.core.Format;
import org.backpropkit.core.Notation;
import org.backpropkit.core.Parameter;
import org.backpropkit.core.Require;
import org.backpropkit.core.RichText;

/**
 * The outcome of a {@link GradientCheck}: for every parameter the analytic and the numeric
 * gradient, their relative error and its {@link Verdict}, and a one-line summary.
 */
public final class GradientReport implements RichText {

    /**
     * A kink the central difference straddled: moving the parameter from {@code θ − ε} to {@code θ + ε}
     * carried the input {@code a} of a unit with a kinked activation (ReLU) across the kink at 0, for one
     * sample (counted from 1), from {@code from} to {@code to}.
     */
    public record Kink(String unit, int sample, double from, double to) {

        /** E.g. {@code a⁽¹⁾₁ of sample 1 (from -1e-05 to 1e-05)}. */
        @Override
        public String toString() {
            return unit + " of sample " + sample + " (from " + Format.number(from) + " to " + Format.number(to) + ")";
        }
    }

    /**
     * One parameter's comparison; {@code resolution} is the smallest difference the numeric slope can
     * resolve (see {@link GradientCheck}); {@code kink} is the kink its central difference straddled, or
     * null.
     */
    public record Result(Parameter parameter, double analytic, double numeric, double relativeError,
            double resolution, Kink kink) {

        /**
         * Correct when the difference is below the resolution, otherwise judged by the relative error; a
         * disagreement across a kink is {@link Verdict#KINK}: there the numeric slope is not the derivative.
         */
        public Verdict verdict() {
            Verdict v = belowResolution() ? Verdict.CORRECT : Verdict.of(relativeError);
            return v != Verdict.CORRECT && kink != null ? Verdict.KINK : v;
        }

        /** True when analytic and numeric differ by less than the numeric slope can resolve. */
        public boolean belowResolution() {
            return Math.abs(analytic - numeric) <= resolution && Verdict.of(relativeError) != Verdict.CORRECT;
        }
    }

    private final List<Result> results;
    private final double step;
    private final Notation notation;
    private final int total;
    private final String which;

    /** {@code results} for {@code results.size()} of the network's {@code total} parameters, chosen as {@code which} says. */
    GradientReport(List<Result> results, double step, Notation notation, int total, String which) {
        this.results = List.copyOf(results);
        this.step = step;
        this.notation = notation;
        this.total = total;
        this.which = which;
    }

    public List<Result> results() {
        return results;
    }

    /** The result for the named parameter, in any spelling the network reads ({@code "w11"}, {@code "w₁₁"}). */
    public Result result(String name) {
        Parameter wanted = notation.parameter(name);
        for (Result r : results) {
            if (r.parameter().equals(wanted)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "' in this report; it has "
                + results.get(0).parameter().name() + " … " + results.get(results.size() - 1).parameter().name());
    }

    /** True if every parameter's gradient is {@link Verdict#CORRECT} (a parameter at a kink is not). */
    public boolean passed() {
        return count(Verdict.CORRECT) == results.size();
    }

    public int count(Verdict verdict) {
        Require.notNull("verdict", verdict, "give one of CORRECT, SUSPICIOUS, WRONG");
        int c = 0;
        for (Result r : results) {
            c += r.verdict() == verdict ? 1 : 0;
        }
        return c;
    }

    /** The result with the largest relative error, not counting differences below the resolution. */
    public Result worst() {
        Result worst = results.get(0);
        for (Result r : results) {
            if (!(badness(r) <= badness(worst))) {
                worst = r;
            }
        }
        return worst;
    }

    private static double badness(Result r) {
        return r.belowResolution() || r.verdict() == Verdict.KINK ? 0 : r.relativeError();
    }

    /**
     * E.g. {@code 17 parameters: 17 correct, 0 suspicious, 0 wrong; largest relative error 3.1e-11 (u₂₁)}. The
     * largest relative error leaves out the parameters at a kink; {@link #kinks()} says what those mean.
     */
    public String summary() {
        long tiny = results.stream().filter(Result::belowResolution).count();
        int kinks = count(Verdict.KINK);
        return (results.size() < total ? results.size() + " of " + total : results.size()) + " parameters" + which
                + ": " + count(Verdict.CORRECT) + " correct, " + count(Verdict.SUSPICIOUS)
                + " suspicious, " + count(Verdict.WRONG) + " wrong" + (kinks == 0 ? "" : ", " + kinks + " at a kink")
                + "; largest relative error " + Format.scientific(worst().relativeError()) + " ("
                + worst().parameter().symbol() + ")"
                + (tiny == 0 ? "" : "; " + tiny + " tiny gradient" + (tiny == 1 ? "" : "s") + " agree within the numeric"
                + " slope's resolution " + Format.scientific(results.get(0).resolution()));
    }

    /**
     * What the parameters at a kink mean, as CS231n teaches it: not a mistake in the derivation, but a
     * numeric slope taken across a point where the slope jumps. Empty when there are none.
     */
    public String kinks() {
        List<Result> at = results.stream().filter(r -> r.verdict() == Verdict.KINK).toList();
        if (at.isEmpty()) {
            return "";
        }
        List<String> names = at.stream().limit(6).map(r -> r.parameter().symbol()).toList();
        return "At a kink: " + String.join(", ", names) + (at.size() > names.size() ? " and " + (at.size() - names.size())
                + " more" : "") + (at.size() == 1 ? " moves" : " move") + " a ReLU's input across 0 by ±ε (e.g. "
                + at.get(0).kink() + "), where its slope jumps from 0 to 1, so the central difference averages the two"
                + " sides and says nothing about the derivation. Check at inputs or biases that keep every ReLU input"
                + " away from 0";
    }

    /** A table, one parameter per line, then the summary. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format("%-10s %14s %14s %10s  %s%n", "parameter", "analytic",
                "numeric", "rel. error", ""));
        for (Result r : results) {
            s.append(String.format("%-10s %14s %14s %10s  %s%n", r.parameter().symbol(), Format.number(r.analytic()),
                    Format.number(r.numeric()), Format.scientific(r.relativeError()), r.verdict().mark()));
        }
        s.append(summary()).append(" (central differences, ε = ").append(Format.number(step)).append(")\n");
        return count(Verdict.KINK) == 0 ? s.toString() : s.append(kinks()).append(".\n").toString();
    }

    /** The same table in Markdown, parameter names in LaTeX. */
    @Override
    public String toMarkdown() {
        StringBuilder s = new StringBuilder("| parameter | analytic | numeric | relative error | |\n|---|---:|---:|---:|---|\n");
        for (Result r : results) {
            s.append("| $").append(r.parameter().latex()).append("$ | ").append(Format.number(r.analytic()))
                    .append(" | ").append(Format.number(r.numeric())).append(" | ")
                    .append(Format.scientific(r.relativeError())).append(" | ").append(r.verdict().mark()).append(" |\n");
        }
        s.append("\n").append(summary()).append(" (central differences, $\\varepsilon = ")
                .append(Format.number(step)).append("$)\n");
        return count(Verdict.KINK) == 0 ? s.toString() : s.append("\n").append(kinks()).append(".\n").toString();
    }
}
