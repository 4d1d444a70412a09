package org.backpropkit.core;

/**
 * The article's names for the quantities of a network, and the one place where the general,
 * layer-indexed form maps onto them.
 *
 * <p>Layers are counted {@code l = 1 … L}; layer {@code l} computes
 * {@code a⁽ˡ⁾ = h⁽ˡ⁻¹⁾ w⁽ˡ⁾ + b⁽ˡ⁾} and {@code h⁽ˡ⁾ = f(a⁽ˡ⁾)}, with {@code h⁽⁰⁾ = x} and
 * {@code h⁽ᴸ⁾ = y}. For the article's two-layer network the names are the article's own:
 * {@code w} (input→hidden), {@code u} (hidden→output), {@code h} for the hidden units, {@code b⁽¹⁾}
 * and {@code b⁽²⁾}. Deeper networks write every weight matrix {@code w⁽ˡ⁾} and every hidden layer
 * {@code h⁽ˡ⁾}. Unit indices count from 1, as in the article: {@code w₂₁} joins input 2 to hidden
 * unit 1.
 */
public final class Notation {

    private static final String SUB = "₀₁₂₃₄₅₆₇₈₉";
    private static final String SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private final int depth;

    /** Notation for a network of {@code depth} weight layers. */
    public Notation(int depth) {
        this.depth = Require.positive("depth", depth);
    }

    /** The weight matrix of layer {@code l}: {@code w}, {@code u}, or {@code w⁽ˡ⁾}. */
    public String weight(int l, boolean latex) {
        if (depth == 2) {
            return l == 1 ? "w" : "u";
        }
        return "w" + layer(l, latex);
    }

    /** The bias of layer {@code l}: {@code b⁽ˡ⁾} (just {@code b} in a one-layer network). */
    public String bias(int l, boolean latex) {
        return "b" + layer(l, latex);
    }

    /** The linear combination of layer {@code l}: {@code a⁽ˡ⁾}. */
    public String a(int l, boolean latex) {
        return "a" + layer(l, latex);
    }

    /** The output of layer {@code l}: {@code x} for 0, {@code y} for L, {@code h} or {@code h⁽ˡ⁾} between. */
    public String h(int l, boolean latex) {
        if (l == 0) {
            return "x";
        }
        if (l == depth) {
            return "y";
        }
        return depth == 2 ? "h" : "h" + layer(l, latex);
    }

    /** Writes {@code symbol} with unit subscripts counted from 1, e.g. {@code u₂₁} or {@code u_{21}}. */
    public static String indexed(String symbol, boolean latex, int... units) {
        boolean wide = false;
        for (int u : units) {
            wide |= u >= 10;
        }
        StringBuilder idx = new StringBuilder();
        for (int k = 0; k < units.length; k++) {
            idx.append(k > 0 && wide ? "," : "").append(units[k]);
        }
        if (latex) {
            return symbol + "_{" + idx + "}";
        }
        return wide ? symbol + "[" + idx + "]" : symbol + digits(idx.toString(), SUB);
    }

    /** The layer superscript {@code ⁽ˡ⁾}, empty for a one-layer network. */
    private String layer(int l, boolean latex) {
        if (depth == 1) {
            return "";
        }
        return latex ? "^{(" + l + ")}" : "⁽" + digits(Integer.toString(l), SUP) + "⁾";
    }

    private static String digits(String ascii, String table) {
        StringBuilder s = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            s.append(table.charAt(c - '0'));
        }
        return s.toString();
    }

    /**
     * Turns the subscripts and superscripts a learner may paste ({@code u₂₁}, {@code b⁽¹⁾₃},
     * {@code w^{(3)}_{12}}) into the plain form the parser reads ({@code u21}, {@code b(1)3}, {@code w(3)12}).
     */
    static String plain(String name) {
        StringBuilder s = new StringBuilder();
        for (char c : name.strip().toCharArray()) {
            int sub = SUB.indexOf(c), sup = SUP.indexOf(c);
            if (sub >= 0 || sup >= 0) {
                s.append((char) ('0' + Math.max(sub, sup)));
            } else if (c == '⁽') {
                s.append('(');
            } else if (c == '⁾') {
                s.append(')');
            } else if ("_^{}[] ".indexOf(c) < 0) {
                s.append(c);
            }
        }
        return s.toString();
    }
}
