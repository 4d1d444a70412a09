package org.backpropkit.explain;

import java.util.ArrayList;
import java.util.List;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Format;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Network;
import org.backpropkit.core.Notation;
import org.backpropkit.core.Parameter;
import org.backpropkit.core.RichText;

/**
 * The chain rule for one parameter, written out factor by factor as the article does, with the
 * number each factor takes for one sample.
 *
 * <p>For a weight of the output layer (the article's {@code u}):
 * <pre>  ∂L/∂u_ij = ∂L/∂y_j · ∂y_j/∂a⁽²⁾_j · ∂a⁽²⁾_j/∂u_ij = (y_j − t_j) · y_j(1 − y_j) · h_i = δ_j h_i</pre>
 * For a weight of a hidden layer (the article's {@code w}), the first factor is a sum over the
 * units {@code k} of the next layer, each term listed:
 * <pre>  ∂L/∂w_ij = ∂L/∂h_j · ∂h_j/∂a⁽¹⁾_j · ∂a⁽¹⁾_j/∂w_ij,   ∂L/∂h_j = Σ_k ∂L/∂y_k · ∂y_k/∂a⁽²⁾_k · u_jk</pre>
 * Deeper layers follow the same recursion: there each term is {@code δ⁽ˡ⁺¹⁾_k w⁽ˡ⁺¹⁾_jk}, the
 * next layer's error (itself derived the same way) times the weight it travels back through.
 * A bias is the same with {@code ∂a_j/∂b_j = 1}. With a softmax output and cross-entropy the first
 * two factors fold into one, {@code ∂L/∂a_j = y_j − t_j}.
 *
 * <p>{@link #value()} is the product of the factors, computed here on its own, so it can be held
 * against backpropagation's answer and against a numeric slope.
 */
public final class Derivation implements RichText {

    /** One factor of a product: its symbol ({@code ∂L/∂y₁}), its formula ({@code (y₁ − t₁)}), its value. */
    public record Factor(String symbol, String symbolLatex, String formula, String formulaLatex, double value) {

        String symbol(boolean latex) {
            return latex ? symbolLatex : symbol;
        }

        String formula(boolean latex) {
            return latex ? formulaLatex : formula;
        }
    }

    /** One term of the sum {@code ∂L/∂h_j = Σ_k …}: the factors for unit {@code k} of the next layer. */
    public record Term(List<Factor> factors) {

        /** The product of this term's factors. */
        public double value() {
            return product(factors);
        }
    }

    private final Parameter parameter;
    private final List<Factor> factors;
    private final List<Term> sum;

    private Derivation(Parameter parameter, List<Factor> factors, List<Term> sum) {
        this.parameter = parameter;
        this.factors = List.copyOf(factors);
        this.sum = List.copyOf(sum);
    }

    /** Derives {@code ∂L/∂θ} for the named parameter ({@code "u21"}, {@code "w11"}, {@code "b(1)3"}) at one sample. */
    public static Derivation of(Network net, double[] x, double[] t, String parameter) {
        return of(net, x, t, net.parameter(parameter));
    }

    /** Derives {@code ∂L/∂θ} for parameter {@code p} at one sample. */
    public static Derivation of(Network net, double[] x, double[] t, Parameter p) {
        return new Builder(net, net.gradients(x, t), t, p).build();
    }

    /** The parameter derived. */
    public Parameter parameter() {
        return parameter;
    }

    /** The chain-rule factors, outermost first. */
    public List<Factor> factors() {
        return factors;
    }

    /** For a hidden layer, the terms of {@code ∂L/∂h_j} (one per unit of the next layer); empty for the output layer. */
    public List<Term> sum() {
        return sum;
    }

    /** {@code ∂L/∂θ}: the product of the factors. */
    public double value() {
        return product(factors);
    }

    private static double product(List<Factor> factors) {
        double p = 1;
        for (Factor f : factors) {
            p *= f.value();
        }
        return p;
    }

    /** Builds the factors from a backward pass's values, naming everything with the network's {@link Notation}. */
    private static final class Builder {
        private final Network net;
        private final Gradients g;
        private final double[] t;
        private final ForwardPass fp;
        private final Notation n;
        private final Parameter p;
        private final int depth;

        Builder(Network net, Gradients g, double[] t, Parameter p) {
            this.net = net;
            this.g = g;
            this.t = t;
            this.fp = g.forward();
            this.n = net.notation();
            this.p = p;
            this.depth = net.depth();
        }

        Derivation build() {
            int l = p.layer(), j = p.col();
            List<Factor> factors = new ArrayList<>();
            List<Term> sum = new ArrayList<>();
            if (l == depth) {
                factors.addAll(outputError(j));
            } else {
                for (int k = 0; k < net.layer(l + 1).units(); k++) {
                    sum.add(term(l, j, k));
                }
                factors.add(new Factor(partial("L", unit(n.h(l, false), j, false), false),
                        partial("L", unit(n.h(l, true), j, true), true),
                        "Σₖ", "\\sum_k", sumValue(sum)));
                factors.add(activationFactor(l, j));
            }
            factors.add(inputFactor(l));
            return new Derivation(p, factors, sum);
        }

        /** {@code ∂L/∂y_j · ∂y_j/∂a_j}, or the fused {@code ∂L/∂a_j = y_j − t_j} after a softmax. */
        private List<Factor> outputError(int j) {
            Activation f = net.layer(depth).activation();
            Loss loss = net.loss();
            if (f == Activation.SOFTMAX) {
                double delta = g.delta(depth).get(0, j);
                return List.of(new Factor(partial("L", unit(n.a(depth, false), j, false), false),
                        partial("L", unit(n.a(depth, true), j, true), true),
                        "(" + unit("y", j, false) + " − " + unit("t", j, false) + ")",
                        "(" + unit("y", j, true) + " - " + unit("t", j, true) + ")", delta));
            }
            double y = fp.y().get(0, j);
            return List.of(
                    new Factor(partial("L", unit("y", j, false), false), partial("L", unit("y", j, true), true),
                            loss.derivativeFormula(unit("y", j, false), unit("t", j, false), false),
                            loss.derivativeFormula(unit("y", j, true), unit("t", j, true), true),
                            loss.derivative(y, t[j])),
                    activationFactor(depth, j));
        }

        /** {@code ∂h_j/∂a_j = f'(a_j)} for layer {@code l}. */
        private Factor activationFactor(int l, int j) {
            Activation f = net.layer(l).activation();
            double a = fp.a(l).get(0, j), h = fp.h(l).get(0, j);
            return new Factor(partial(unit(n.h(l, false), j, false), unit(n.a(l, false), j, false), false),
                    partial(unit(n.h(l, true), j, true), unit(n.a(l, true), j, true), true),
                    f.derivativeFormula(unit(n.h(l, false), j, false), unit(n.a(l, false), j, false), false),
                    f.derivativeFormula(unit(n.h(l, true), j, true), unit(n.a(l, true), j, true), true),
                    f.derivative(a, h));
        }

        /** {@code ∂a_j/∂w_ij = h_i} (the input {@code x_i} for the first layer), or {@code ∂a_j/∂b_j = 1}. */
        private Factor inputFactor(int l) {
            int i = p.row(), j = p.col();
            String aj = unit(n.a(l, false), j, false), ajLatex = unit(n.a(l, true), j, true);
            if (p.isBias()) {
                return new Factor(partial(aj, p.symbol(), false), partial(ajLatex, p.latex(), true), "1", "1", 1);
            }
            return new Factor(partial(aj, p.symbol(), false), partial(ajLatex, p.latex(), true),
                    unit(n.h(l - 1, false), i, false), unit(n.h(l - 1, true), i, true), fp.h(l - 1).get(0, i));
        }

        /**
         * Term {@code k} of {@code ∂L/∂h_j}: next to the output layer the article's
         * {@code ∂L/∂y_k · ∂y_k/∂a_k · u_jk}; deeper down {@code δ⁽ˡ⁺¹⁾_k · w⁽ˡ⁺¹⁾_jk}.
         */
        private Term term(int l, int j, int k) {
            List<Factor> factors = new ArrayList<>();
            if (l + 1 == depth) {
                factors.addAll(outputError(k));
            } else {
                String dk = unit("δ" + superscript(l + 1, false), k, false);
                String dkLatex = unit("\\delta" + superscript(l + 1, true), k, true);
                factors.add(new Factor(dk, dkLatex, dk, dkLatex, g.delta(l + 1).get(0, k)));
            }
            String weight = n.weight(l + 1, false), weightLatex = n.weight(l + 1, true);
            factors.add(new Factor(partial(unit(n.a(l + 1, false), k, false), unit(n.h(l, false), j, false), false),
                    partial(unit(n.a(l + 1, true), k, true), unit(n.h(l, true), j, true), true),
                    Notation.indexed(weight, false, j + 1, k + 1), Notation.indexed(weightLatex, true, j + 1, k + 1),
                    net.layer(l + 1).w().get(j, k)));
            return new Term(factors);
        }

        private String superscript(int l, boolean latex) {
            return depth == 1 ? "" : n.a(l, latex).substring(1);
        }

        private static double sumValue(List<Term> terms) {
            double s = 0;
            for (Term t : terms) {
                s += t.value();
            }
            return s;
        }
    }

    /** {@code symbol} with unit index {@code j} (counted from 0, printed from 1). */
    static String unit(String symbol, int j, boolean latex) {
        return Notation.indexed(symbol, latex, j + 1);
    }

    /** {@code ∂top/∂bottom} as text or as a LaTeX fraction. */
    static String partial(String top, String bottom, boolean latex) {
        return latex ? "\\frac{\\partial " + top + "}{\\partial " + bottom + "}" : "∂" + top + "/∂" + bottom;
    }

    /** The derivation as lines of plain text, e.g. for a terminal. */
    @Override
    public String toString() {
        return String.join("\n", lines(false));
    }

    /** The derivation as a LaTeX {@code aligned} block (MathJax-compatible), without the {@code $$}. */
    public String toLatex() {
        return "\\begin{aligned}\n" + String.join(" \\\\\n", lines(true)) + "\n\\end{aligned}";
    }

    /** The derivation as Markdown: a display-math block. */
    @Override
    public String toMarkdown() {
        return "$$\n" + toLatex() + "\n$$";
    }

    private List<String> lines(boolean latex) {
        String dot = latex ? "\\," : " · ";
        String eq = latex ? "&= " : " = ";
        String times = latex ? " \\cdot " : " · ";
        String lhs = partial("L", latex ? parameter.latex() : parameter.symbol(), latex);
        List<String> out = new ArrayList<>();
        out.add(lhs + eq + join(factors, f -> f.symbol(latex), dot));
        if (!sum.isEmpty()) {
            Factor dh = factors.get(0);
            out.add(dh.symbol(latex) + eq + join(sum, t -> join(t.factors(), f -> f.symbol(latex), dot), " + "));
            out.add(pad(latex) + join(sum, t -> join(t.factors(), f -> f.formula(latex), dot), " + "));
            out.add(pad(latex) + join(sum, t -> join(t.factors(), f -> number(f.value(), true), times), " + "));
            out.add(pad(latex) + join(sum, t -> number(t.value(), true), " + ") + " = " + number(dh.value(), false));
            for (Factor f : factors.subList(1, factors.size())) {
                String value = number(f.value(), false);
                out.add(f.symbol(latex) + eq + f.formula(latex) + (f.formula(latex).equals(value) ? "" : " = " + value));
            }
            out.add(lhs + eq + join(factors, f -> number(f.value(), true), times));
        } else {
            out.add(pad(latex) + join(factors, f -> f.formula(latex), dot));
            out.add(pad(latex) + join(factors, f -> number(f.value(), true), times));
        }
        out.add(pad(latex) + Format.number(value()));
        return out;
    }

    private static String pad(boolean latex) {
        return latex ? "&= " : "    = ";
    }

    /** A value as printed in a product; negative factors get brackets so "· −0.2" never reads as a minus. */
    private static String number(double v, boolean brackets) {
        String s = Format.number(v);
        return brackets && v < 0 ? "(" + s + ")" : s;
    }

    private static <T> String join(List<T> items, java.util.function.Function<T, String> show, String sep) {
        StringBuilder s = new StringBuilder();
        for (T item : items) {
            s.append(s.length() > 0 ? sep : "").append(show.apply(item));
        }
        return s.toString();
    }
}
