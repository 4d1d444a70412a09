package org.backpropkit.core;

/**
 * Everything a forward pass computed: the input {@code x}, and for every layer {@code l = 1 … L}
 * the linear combination {@code a⁽ˡ⁾ = h⁽ˡ⁻¹⁾ w⁽ˡ⁾ + b⁽ˡ⁾} and the output {@code h⁽ˡ⁾ = f(a⁽ˡ⁾)};
 * the last output is {@code y}.
 *
 * <p>Each quantity is a matrix with one row per sample. {@link #value(String)} reads one number by
 * the article's name ({@code "h2"}, {@code "a(2)1"}, {@code "y1"}) for the first sample.
 *
 * <p>A pass made by {@link Network#forward} is the caller's; one made inside a {@link Backprop}
 * workspace shares its buffers and changes with that workspace's next run.
 */
public final class ForwardPass implements RichText {

    private final Notation notation;
    private final Matrix x;
    private final Matrix[] a;
    private final Matrix[] h;

    ForwardPass(Notation notation, Matrix x, Matrix[] a, Matrix[] h) {
        this.notation = notation;
        this.x = x;
        this.a = a;
        this.h = h;
    }

    /** The input {@code x}, one row per sample. */
    public Matrix x() {
        return x;
    }

    /** The linear combination {@code a⁽ˡ⁾} of layer {@code l} (1 … L). */
    public Matrix a(int l) {
        return a[Require.layer(l, depth())];
    }

    /** The output {@code h⁽ˡ⁾} of layer {@code l} (0 gives x, L gives y). */
    public Matrix h(int l) {
        return l == 0 ? x : h[Require.layer(l, depth())];
    }

    /** The network's output {@code y = h⁽ᴸ⁾}. */
    public Matrix y() {
        return h[h.length - 1];
    }

    /** The number of layers {@code L}. */
    public int depth() {
        return a.length - 1;
    }

    /**
     * One number of the first sample by its name, units counted from 1: {@code x2}, {@code a(1)3},
     * {@code h1}, {@code y2}; deeper networks write {@code h(2)1} (names are read by {@link Notation}).
     */
    public double value(String name) {
        Notation.Value v = notation.value(name);
        return (v.linear() ? a(v.layer()) : h(v.layer())).get(0, v.unit());
    }

    /** Lists every value of the first sample, layer by layer, e.g. {@code a⁽¹⁾₁ = 0.35}. */
    @Override
    public String toString() {
        return render(false);
    }

    /** The same list as a Markdown table with LaTeX names. */
    @Override
    public String toMarkdown() {
        return render(true);
    }

    private String render(boolean md) {
        StringBuilder s = new StringBuilder(md ? "| quantity | values |\n|---|---|\n" : "");
        line(s, md, notation.h(0, md), x);
        for (int l = 1; l <= depth(); l++) {
            line(s, md, notation.a(l, md), a[l]);
            line(s, md, notation.h(l, md), h[l]);
        }
        return s.toString();
    }

    private static void line(StringBuilder s, boolean md, String symbol, Matrix m) {
        StringBuilder values = new StringBuilder();
        for (int j = 0; j < m.cols(); j++) {
            String name = Notation.indexed(symbol, md, j + 1);
            values.append(j > 0 ? (md ? ", " : "   ") : "")
                    .append(md ? "$" + name + " = " + Format.number(m.get(0, j)) + "$"
                            : name + " = " + Format.number(m.get(0, j)));
        }
        s.append(md ? "| $" + symbol + "$ | " + values + " |\n" : symbol + ":  " + values + "\n");
    }
}
