package org.backpropkit.explain;

import java.util.ArrayList;
import java.util.List;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Format;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
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
 * A bias is the same with {@code ∂a_j/∂b_j = 1}. Where the loss and the output activation are fused
 * ({@link Loss#fusedWith}: cross-entropy after a softmax or a sigmoid) the first two factors fold into
 * one, {@code ∂L/∂a_j = y_j − t_j}.
 *
 * <p>An independent witness: every factor, the errors {@code δ} of deeper layers included, is built
 * here from the forward pass's values and the formulas of {@link Loss} and {@link Activation}, never
 * read from backpropagation. So {@link #value()}, the product of the factors, can be held against
 * backpropagation's answer (and against a numeric slope), and agreement means something.
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
        net.loss(x, t); // checks x and t against the network, with the kit's messages
        return new Builder(net, net.forward(x), t, p).build();
    }

    /** Derives {@code ∂L/∂θ} for the named parameter at one sample given as a one-row matrix. */
    public static Derivation of(Network net, Matrix x, Matrix t, String parameter) {
        return of(net, x, t, net.parameter(parameter));
    }

    /** Derives {@code ∂L/∂θ} for parameter {@code p} at one sample given as a one-row matrix. */
    public static Derivation of(Network net, Matrix x, Matrix t, Parameter p) {
        if (x.rows() != 1 || t.rows() != 1) {
            throw new IllegalArgumentException("a derivation follows one sample, but x has " + x.rows() + " rows and t has "
                    + t.rows() + "; pass one of them, e.g. x.row(0) and t.row(0)");
        }
        return of(net, x.row(0), t.row(0), p);
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

    /** Builds the factors from a forward pass's values, naming everything with the network's {@link Notation}. */
    private static final class Builder {
        private final Network network;
        private final ForwardPass forward;
        private final double[] t;
        private final Notation notation;
        private final Parameter parameter;
        private final int depth;
        /** {@code δ⁽ˡ⁾_k = ∂L/∂a⁽ˡ⁾_k} of every layer, derived below from the forward values alone. */
        private final double[][] delta;

        Builder(Network network, ForwardPass forward, double[] t, Parameter parameter) {
            this.network = network;
            this.forward = forward;
            this.t = t;
            this.notation = network.notation();
            this.parameter = parameter;
            this.depth = network.depth();
            this.delta = errors();
        }

        Derivation build() {
            int l = parameter.layer(), j = parameter.col();
            List<Factor> factors = new ArrayList<>();
            List<Term> sum = new ArrayList<>();
            if (l == depth) {
                factors.addAll(outputError(j));
            } else {
                for (int k = 0; k < network.layer(l + 1).units(); k++) {
                    sum.add(term(l, j, k));
                }
                factors.add(new Factor(partial("L", unit(notation.h(l, false), j, false), false),
                        partial("L", unit(notation.h(l, true), j, true), true),
                        "Σₖ", "\\sum_k", sumValue(sum)));
                factors.add(activationFactor(l, j));
            }
            factors.add(inputFactor(l));
            return new Derivation(parameter, factors, sum);
        }

        /**
         * The errors of every layer by the chain rule, top down: {@code δ⁽ᴸ⁾_k} is the product of the
         * output-error factors, and {@code δ⁽ˡ⁾_j = (Σ_k δ⁽ˡ⁺¹⁾_k w⁽ˡ⁺¹⁾_jk) f'(a⁽ˡ⁾_j)}.
         */
        private double[][] errors() {
            double[][] errors = new double[depth + 1][];
            int outputs = network.outputs();
            errors[depth] = new double[outputs];
            for (int k = 0; k < outputs; k++) {
                errors[depth][k] = product(outputError(k));
            }
            for (int l = depth - 1; l >= 1; l--) {
                int units = network.layer(l).units();
                errors[l] = new double[units];
                for (int j = 0; j < units; j++) {
                    double back = 0;
                    for (int k = 0; k < errors[l + 1].length; k++) {
                        back += errors[l + 1][k] * network.layer(l + 1).w().get(j, k);
                    }
                    errors[l][j] = back * activationFactor(l, j).value();
                }
            }
            return errors;
        }

        /** {@code ∂L/∂y_j · ∂y_j/∂a_j}, or the fused {@code ∂L/∂a_j = y_j − t_j}. */
        private List<Factor> outputError(int j) {
            Activation f = network.layer(depth).activation();
            Loss loss = network.loss();
            double y = forward.y().get(0, j);
            if (loss.fusedWith(f)) {
                return List.of(new Factor(partial("L", unit(notation.a(depth, false), j, false), false),
                        partial("L", unit(notation.a(depth, true), j, true), true),
                        "(" + unit("y", j, false) + " − " + unit("t", j, false) + ")",
                        "(" + unit("y", j, true) + " - " + unit("t", j, true) + ")", y - t[j]));
            }
            return List.of(
                    new Factor(partial("L", unit("y", j, false), false), partial("L", unit("y", j, true), true),
                            loss.derivativeFormula(unit("y", j, false), unit("t", j, false), false),
                            loss.derivativeFormula(unit("y", j, true), unit("t", j, true), true),
                            loss.derivative(y, t[j])),
                    activationFactor(depth, j));
        }

        /** {@code ∂h_j/∂a_j = f'(a_j)} for layer {@code l}. */
        private Factor activationFactor(int l, int j) {
            Activation f = network.layer(l).activation();
            double a = forward.a(l).get(0, j), h = forward.h(l).get(0, j);
            return new Factor(partial(unit(notation.h(l, false), j, false), unit(notation.a(l, false), j, false), false),
                    partial(unit(notation.h(l, true), j, true), unit(notation.a(l, true), j, true), true),
                    f.derivativeFormula(unit(notation.h(l, false), j, false), unit(notation.a(l, false), j, false), false),
                    f.derivativeFormula(unit(notation.h(l, true), j, true), unit(notation.a(l, true), j, true), true),
                    f.derivative(a, h));
        }

        /** {@code ∂a_j/∂w_ij = h_i} (the input {@code x_i} for the first layer), or {@code ∂a_j/∂b_j = 1}. */
        private Factor inputFactor(int l) {
            int i = parameter.row(), j = parameter.col();
            String aj = unit(notation.a(l, false), j, false), ajLatex = unit(notation.a(l, true), j, true);
            if (parameter.isBias()) {
                return new Factor(partial(aj, parameter.symbol(), false), partial(ajLatex, parameter.latex(), true),
                        "1", "1", 1);
            }
            return new Factor(partial(aj, parameter.symbol(), false), partial(ajLatex, parameter.latex(), true),
                    unit(notation.h(l - 1, false), i, false), unit(notation.h(l - 1, true), i, true),
                    forward.h(l - 1).get(0, i));
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
                factors.add(new Factor(dk, dkLatex, dk, dkLatex, delta[l + 1][k]));
            }
            String weight = notation.weight(l + 1, false), weightLatex = notation.weight(l + 1, true);
            factors.add(new Factor(
                    partial(unit(notation.a(l + 1, false), k, false), unit(notation.h(l, false), j, false), false),
                    partial(unit(notation.a(l + 1, true), k, true), unit(notation.h(l, true), j, true), true),
                    Notation.indexed(weight, false, j + 1, k + 1), Notation.indexed(weightLatex, true, j + 1, k + 1),
                    network.layer(l + 1).w().get(j, k)));
            return new Term(factors);
        }

        private String superscript(int l, boolean latex) {
            return depth == 1 ? "" : notation.a(l, latex).substring(1);
        }

        private static double sumValue(List<Term> terms) {
            double s = 0;
            for (Term term : terms) {
                s += term.value();
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
