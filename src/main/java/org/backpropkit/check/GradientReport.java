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
     * One parameter's comparison; {@code resolution} is the smallest difference the numeric slope can
     * resolve (see {@link GradientCheck}).
     */
    public record Result(Parameter parameter, double analytic, double numeric, double relativeError,
            double resolution) {

        /** Correct when the difference is below the resolution, otherwise judged by the relative error. */
        public Verdict verdict() {
            return belowResolution() ? Verdict.CORRECT : Verdict.of(relativeError);
        }

        /** True when analytic and numeric differ by less than the numeric slope can resolve. */
        public boolean belowResolution() {
            return Math.abs(analytic - numeric) <= resolution && Verdict.of(relativeError) != Verdict.CORRECT;
        }
    }

    private final List<Result> results;
    private final double step;
    private final Notation notation;

    GradientReport(List<Result> results, double step, Notation notation) {
        this.results = List.copyOf(results);
        this.step = step;
        this.notation = notation;
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

    /** True if every parameter's gradient is {@link Verdict#CORRECT}. */
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
        return r.belowResolution() ? 0 : r.relativeError();
    }

    /** E.g. {@code 17 parameters: 17 correct, 0 suspicious, 0 wrong; largest relative error 3.1e-11 (u₂₁)}. */
    public String summary() {
        long tiny = results.stream().filter(Result::belowResolution).count();
        return results.size() + " parameters: " + count(Verdict.CORRECT) + " correct, " + count(Verdict.SUSPICIOUS)
                + " suspicious, " + count(Verdict.WRONG) + " wrong; largest relative error "
                + Format.scientific(worst().relativeError()) + " (" + worst().parameter().symbol() + ")"
                + (tiny == 0 ? "" : "; " + tiny + " tiny gradient" + (tiny == 1 ? "" : "s") + " agree within the numeric"
                + " slope's resolution " + Format.scientific(results.get(0).resolution()));
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
        return s.append(summary()).append(" (central differences, ε = ").append(Format.number(step)).append(")\n")
                .toString();
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
        return s.append("\n").append(summary()).append(" (central differences, $\\varepsilon = ")
                .append(Format.number(step)).append("$)\n").toString();
    }
}
