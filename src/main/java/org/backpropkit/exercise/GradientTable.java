package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backpropkit.check.GradientCheck;
import org.backpropkit.check.GradientReport;
import org.backpropkit.check.Verdict;
import org.backpropkit.core.Format;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.backpropkit.core.RichText;

/**
 * Your gradients beside backpropagation's and the loss's numeric slopes, one row per parameter — or one
 * row per matrix for a network too big to read entry by entry. Karpathy's {@code cmp} grown into a table:
 * <pre>{@code
 * GradientTable.of(net, x, t, backward(net, x, t))              // a map "w11" → ∂L/∂w₁₁, one row each
 * GradientTable.ofMatrices(net, X, T, backward(net, X, T))      // a map "W(1)" → ∂L/∂W⁽¹⁾, one row per matrix
 * }</pre>
 * Each row says:
 * <ul>
 *   <li>against backpropagation ({@code net.gradients}): whether yours is <em>exact</em> (bit for bit), or
 *       <em>close</em> ({@link Comparison#close}: a relative difference below {@code 1e-8}), and the largest
 *       difference;</li>
 *   <li>against the numeric slope {@code (L(θ + ε) − L(θ − ε)) / 2ε} ({@link GradientCheck}): the ratio
 *       yours ÷ slope — {@code −1} is a sign, {@code n} a sum where the mean belongs, a value of the forward
 *       pass a factor too many — the relative error {@code |yours − slope| / max(|yours|, |slope|)}, and the
 *       verdict by the kit's thresholds: below {@code 1e-7} correct ✓, above {@code 1e-4} wrong ✗, between
 *       suspicious ?.</li>
 * </ul>
 * Reading it: which parameters are wrong tells where the bug is. The layer nearest the loss has the fewest
 * factors, and a wrong error signal there spreads into every layer below it; a bias's gradient is its
 * unit's error signal alone, so a wrong bias row blames the error signal and a wrong weight row beside a
 * right bias row blames what the weight multiplies.
 *
 * <p>Cost: one backward pass and two forward passes per parameter on the given batch.
 */
public final class GradientTable implements RichText {

    /** One parameter: your gradient, backpropagation's, the numeric slope, and how they compare. */
    public record Row(Parameter parameter, double yours, double backprop, double numeric, double relativeError,
            Verdict verdict) {

        /** Yours equals backpropagation's bit for bit. */
        public boolean exact() {
            return yours == backprop;
        }

        /** Yours agrees with backpropagation's within {@link Comparison#close}. */
        public boolean close() {
            return Comparison.close(yours, backprop);
        }

        /** {@code yours ÷ numeric slope}: 1 when right; NaN when the slope is 0. */
        public double ratio() {
            return numeric == 0 ? Double.NaN : yours / numeric;
        }
    }

    private final List<Row> rows;
    private final boolean perMatrix;
    private final String where;

    private GradientTable(List<Row> rows, boolean perMatrix, String where) {
        this.rows = List.copyOf(rows);
        this.perMatrix = perMatrix;
        this.where = where;
    }

    /** One row per parameter, for one sample; {@code yours} maps each parameter's name to its gradient. */
    public static GradientTable of(Network net, double[] x, double[] t, Map<String, Double> yours) {
        return of(net, Matrix.row(x), Matrix.row(t), yours);
    }

    /** One row per parameter, for a batch (one sample per row, the mean loss). */
    public static GradientTable of(Network net, Matrix x, Matrix t, Map<String, Double> yours) {
        return build(net, x, t, Answers.ofParameters(net, yours), false);
    }

    /** One row per matrix; {@code yours} maps {@code "W(l)"} and {@code "b(l)"} to {@code ∂L/∂W⁽ˡ⁾} and {@code ∂L/∂b⁽ˡ⁾}. */
    public static GradientTable ofMatrices(Network net, Matrix x, Matrix t, Map<String, Matrix> yours) {
        return build(net, x, t, Answers.ofMatrices(net, yours), true);
    }

    static GradientTable build(Network net, Matrix x, Matrix t, double[] yours, boolean perMatrix) {
        List<Parameter> parameters = net.parameters();
        Map<Parameter, Double> mine = new LinkedHashMap<>();
        for (int k = 0; k < parameters.size(); k++) {
            mine.put(parameters.get(k), yours[k]);
        }
        Gradients kit = net.gradients(x, t);
        GradientReport report = GradientCheck.claimed(net, x, t, mine::get);
        List<Row> rows = new ArrayList<>();
        for (GradientReport.Result r : report.results()) {
            rows.add(new Row(r.parameter(), r.analytic(), kit.of(r.parameter()), r.numeric(), r.relativeError(), r.verdict()));
        }
        String where = net.shape() + " network, " + x.rows() + (x.rows() == 1 ? " sample" : " samples");
        return new GradientTable(rows, perMatrix, where);
    }

    /** Every parameter's row, in {@link Network#parameters()} order (also when printed per matrix). */
    public List<Row> rows() {
        return rows;
    }

    /** The row of the named parameter ({@code "u21"}, {@code "b(1)3"}, or as printed). */
    public Row row(String name) {
        for (Row r : rows) {
            if (r.parameter().name().equals(name) || r.parameter().symbol().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "' in this table; it has " + rows.get(0).parameter().name()
                + " … " + rows.get(rows.size() - 1).parameter().name());
    }

    /** The names of the parameters whose verdict is wrong (✗), e.g. {@code [u21, u31, b(2)1]}. */
    public List<String> wrong() {
        List<String> names = new ArrayList<>();
        for (Row r : rows) {
            if (r.verdict() == Verdict.WRONG) {
                names.add(r.parameter().name());
            }
        }
        return names;
    }

    /** True when every parameter's verdict is correct. */
    public boolean passed() {
        return count(Verdict.CORRECT) == rows.size();
    }

    public int count(Verdict verdict) {
        return (int) rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** Karpathy's line against backpropagation, e.g. {@code exact: no | approximate: yes | max difference 5.6e-17}. */
    public Comparison comparison() {
        double[] yours = rows.stream().mapToDouble(Row::yours).toArray();
        double[] kit = rows.stream().mapToDouble(Row::backprop).toArray();
        return Comparison.of(yours, kit);
    }

    /** The verdicts and the worst relative error, then the comparison with backpropagation. */
    public String summary() {
        Row worst = rows.get(0);
        for (Row r : rows) {
            worst = badness(r) > badness(worst) ? r : worst;
        }
        return rows.size() + " parameters (" + where + "): " + count(Verdict.CORRECT) + " correct, "
                + count(Verdict.SUSPICIOUS) + " suspicious, " + count(Verdict.WRONG) + " wrong"
                + (count(Verdict.KINK) == 0 ? "" : ", " + count(Verdict.KINK) + " at a ReLU's kink (∧, not comparable)")
                + " against the numeric slopes"
                + " (largest relative error " + Format.scientific(worst.relativeError()) + " at " + worst.parameter().symbol()
                + "); against backpropagation " + comparison();
    }

    /** Wrong before suspicious before correct; within a verdict, the larger relative error (NaN the worst). */
    private static double badness(Row r) {
        double within = Double.isNaN(r.relativeError()) ? 0.999 : Math.min(r.relativeError(), 0.999);
        return (r.verdict() == Verdict.WRONG ? 2 : r.verdict() == Verdict.SUSPICIOUS ? 1 : 0) + within;
    }

    /** One line per parameter (or per matrix), then the summary. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (perMatrix) {
            s.append(String.format("%-10s %-8s %-12s %-12s %10s %22s  %s%n", "gradient", "shape", "exact", "approximate",
                    "max diff", "worst rel. error", "verdicts"));
            for (Block b : blocks()) {
                s.append(String.format("%-10s %-8s %-12s %-12s %10s %22s  %s%n", "∂L/∂" + b.name, b.shape,
                        b.exact + " of " + b.rows.size(), b.close + " of " + b.rows.size(), Format.scientific(b.maxDifference),
                        Format.scientific(b.worst.relativeError()) + " (" + b.worst.parameter().symbol() + ")", b.verdicts()));
            }
        } else {
            s.append(String.format("%-9s %13s %13s %13s %10s %9s  %-6s %s%n", "parameter", "yours", "backprop", "slope",
                    "yours÷slope", "rel.error", "=kit", ""));
            for (Row r : rows) {
                s.append(String.format("%-9s %13s %13s %13s %10s %9s  %-6s %s%n", r.parameter().symbol(), Format.number(r.yours()),
                        Format.number(r.backprop()), Format.number(r.numeric()), ratio(r), Format.scientific(r.relativeError()),
                        agreement(r), r.verdict().mark()));
            }
        }
        return s.append(summary()).append('\n').toString();
    }

    /** The same as a Markdown table, names in LaTeX. */
    @Override
    public String toMarkdown() {
        StringBuilder s = new StringBuilder();
        if (perMatrix) {
            s.append("| gradient | shape | exact | approximate | max difference | worst relative error | verdicts |\n")
                    .append("|---|---|---:|---:|---:|---:|---|\n");
            for (Block b : blocks()) {
                s.append("| $\\partial L/\\partial ").append(b.latex).append("$ | ").append(b.shape).append(" | ")
                        .append(b.exact).append(" of ").append(b.rows.size()).append(" | ").append(b.close).append(" of ")
                        .append(b.rows.size()).append(" | ").append(Format.scientific(b.maxDifference)).append(" | ")
                        .append(Format.scientific(b.worst.relativeError())).append(" ($").append(b.worst.parameter().latex())
                        .append("$) | ").append(b.verdicts()).append(" |\n");
            }
        } else {
            s.append("| parameter | yours | backprop | numeric slope | yours ÷ slope | relative error | = backprop | |\n")
                    .append("|---|---:|---:|---:|---:|---:|---|---|\n");
            for (Row r : rows) {
                s.append("| $").append(r.parameter().latex()).append("$ | ").append(Format.number(r.yours())).append(" | ")
                        .append(Format.number(r.backprop())).append(" | ").append(Format.number(r.numeric())).append(" | ")
                        .append(ratio(r)).append(" | ").append(Format.scientific(r.relativeError())).append(" | ")
                        .append(agreement(r)).append(" | ").append(r.verdict().mark()).append(" |\n");
            }
        }
        return s.append("\n").append(summary()).append("\n").toString();
    }

    private static String ratio(Row r) {
        return Double.isNaN(r.ratio()) ? "—" : String.format(java.util.Locale.ROOT, "%.4f", r.ratio());
    }

    private static String agreement(Row r) {
        return r.exact() ? "exact" : r.close() ? "close" : "no";
    }

    /** The rows of one weight matrix or bias row. */
    private static final class Block {
        final String name;
        final String latex;
        final String shape;
        final List<Row> rows = new ArrayList<>();
        int exact;
        int close;
        double maxDifference;
        Row worst;

        Block(String name, String latex, String shape) {
            this.name = name;
            this.latex = latex;
            this.shape = shape;
        }

        void add(Row r) {
            rows.add(r);
            exact += r.exact() ? 1 : 0;
            close += r.close() ? 1 : 0;
            maxDifference = Math.max(maxDifference, Math.abs(r.yours() - r.backprop()));
            worst = worst == null || badness(r) > badness(worst) ? r : worst;
        }

        String verdicts() {
            StringBuilder s = new StringBuilder();
            for (Verdict v : new Verdict[] {Verdict.WRONG, Verdict.SUSPICIOUS, Verdict.KINK, Verdict.CORRECT}) {
                long n = rows.stream().filter(r -> r.verdict() == v).count();
                if (n > 0) {
                    s.append(s.length() > 0 ? ", " : "").append(n).append(' ').append(v.mark());
                }
            }
            return s.toString();
        }
    }

    private List<Block> blocks() {
        Map<String, Block> blocks = new LinkedHashMap<>();
        for (Row r : rows) {
            Parameter p = r.parameter();
            String key = (p.isBias() ? "b" : "W") + p.layer();
            blocks.computeIfAbsent(key, k -> {
                int inputs = 0, units = 0;
                for (Row q : rows) {
                    if (q.parameter().layer() == p.layer() && q.parameter().isBias() == p.isBias()) {
                        inputs = Math.max(inputs, q.parameter().row() + 1);
                        units = Math.max(units, q.parameter().col() + 1);
                    }
                }
                return new Block(Answers.name(p.isBias(), p.layer()),
                        (p.isBias() ? "b" : "W") + "^{(" + p.layer() + ")}", inputs + " × " + units);
            }).add(r);
        }
        return new ArrayList<>(blocks.values());
    }
}
