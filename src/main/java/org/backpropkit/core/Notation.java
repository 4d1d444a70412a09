package org.backpropkit.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article's names for the quantities of one network, in both directions: how the kit prints them
 * and how it reads what a learner types. Every name in the kit goes through here.
 *
 * <p>Layers are counted {@code l = 1 … L}; layer {@code l} computes
 * {@code a⁽ˡ⁾ = h⁽ˡ⁻¹⁾ w⁽ˡ⁾ + b⁽ˡ⁾} and {@code h⁽ˡ⁾ = f(a⁽ˡ⁾)}, with {@code h⁽⁰⁾ = x} and
 * {@code h⁽ᴸ⁾ = y}. For the article's two-layer network the names are the article's own:
 * {@code w} (input→hidden), {@code u} (hidden→output), {@code h} for the hidden units, {@code b⁽¹⁾}
 * and {@code b⁽²⁾}. Deeper networks write every weight matrix {@code w⁽ˡ⁾} and every hidden layer
 * {@code h⁽ˡ⁾}; a one-layer network writes {@code w}, {@code b}, {@code a}. Unit indices count from 1,
 * as in the article: {@code w₂₁} joins input 2 to hidden unit 1.
 *
 * <p>A name as typed, once subscripts and superscripts are read as plain digits ({@code u₂₁ → u21},
 * {@code b⁽¹⁾₃ → b(1)3}, {@code w^{(3)}_{12} → w(3)12}), follows one grammar:
 * <pre>  letter [ "(" layer ")" ] digits [ "," digits ]</pre>
 * A weight has two indices: two digits ({@code w12}), or any two numbers with a comma ({@code w12,3}).
 * A bias or a value has one ({@code b(1)3}, {@code h2}, {@code y10}).
 */
public final class Notation {

    private static final Pattern NAME = Pattern.compile("([a-z])(?:\\((\\d+)\\))?(\\d+)(?:,(\\d+))?");
    private static final String SUB = "₀₁₂₃₄₅₆₇₈₉";
    private static final String SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** A value of a forward pass, as {@link #value} reads its name: {@code a⁽ˡ⁾_j} or {@code h⁽ˡ⁾_j}, j from 0. */
    record Value(int layer, boolean linear, int unit) {
    }

    private final int[] sizes;

    /** Notation for a network with these layer sizes, inputs first ({@code 2, 3, 2} for the article's). */
    Notation(int[] sizes) {
        this.sizes = sizes.clone();
    }

    /** The number of weight layers {@code L}. */
    public int depth() {
        return sizes.length - 1;
    }

    // ---- Printing

    /** The weight matrix of layer {@code l}: {@code w}, {@code u}, or {@code w⁽ˡ⁾}. */
    public String weight(int l, boolean latex) {
        if (depth() == 2) {
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
        if (l == depth()) {
            return "y";
        }
        return depth() == 2 ? "h" : "h" + layer(l, latex);
    }

    /** A parameter as printed, e.g. {@code u₂₁}, {@code b⁽¹⁾₃}; in LaTeX {@code u_{21}}, {@code b^{(1)}_{3}}. */
    public String symbol(Parameter p, boolean latex) {
        Require.notNull("the parameter p", p);
        return p.isBias() ? indexed(bias(p.layer(), latex), latex, p.col() + 1)
                : indexed(weight(p.layer(), latex), latex, p.row() + 1, p.col() + 1);
    }

    /** A parameter as a learner types it, e.g. {@code u21}, {@code b(1)3}, {@code w(3)12}, {@code w(1)12,3}. */
    public String name(Parameter p) {
        return plain(symbol(p, true));
    }

    /** Writes {@code symbol} with unit subscripts counted from 1, e.g. {@code u₂₁} or {@code u_{21}}. */
    public static String indexed(String symbol, boolean latex, int... units) {
        Require.notNull("symbol", symbol);
        Require.notNull("units", units);
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
        if (depth() == 1) {
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

    // ---- Reading

    /**
     * The parameter with this name: {@code w21}, {@code u12}, {@code b(2)1} in the article's two-layer
     * network; {@code w(3)12} in a deeper one; {@code w(1)12,3} when an index has two digits. Subscripts
     * as printed ({@code u₂₁}, {@code b⁽¹⁾₃}) work too.
     *
     * @throws IllegalArgumentException naming what is wrong and the parameters this network has
     */
    public Parameter parameter(String name) {
        Require.notNull("the parameter name", name, "give a name such as "
                + name(new Parameter(1, false, 0, 0, this)));
        Matcher m = NAME.matcher(plain(name));
        if (!m.matches()) {
            throw unknown(name, "it does not look like a parameter name");
        }
        String letter = m.group(1);
        int l;
        if (m.group(2) != null) {
            l = index(m.group(2));
            if (!letter.equals("w") && !letter.equals("b")) {
                throw unknown(name, "with a layer number, write w(l) or b(l)");
            }
        } else if (depth() == 1 && (letter.equals("w") || letter.equals("b"))) {
            l = 1;
        } else if (depth() == 2 && letter.equals("w")) {
            l = 1;
        } else if (depth() == 2 && letter.equals("u")) {
            l = 2;
        } else {
            throw unknown(name, letter.equals("b") ? "say which layer's bias, e.g. b(1)1"
                    : depth() == 2 ? "a two-layer network calls its weights w (inputs → hidden) and u (hidden → outputs)"
                    : "this network has " + depth() + " layers; name a weight w(l)ij with its layer l");
        }
        if (l < 1 || l > depth()) {
            throw unknown(name, "layers count from 1 to " + depth());
        }
        boolean bias = letter.equals("b");
        int i, j;
        if (bias) {
            if (m.group(4) != null) {
                throw unknown(name, "a bias has one index, e.g. b(" + l + ")1");
            }
            i = 1;
            j = index(m.group(3));
        } else if (m.group(4) != null) {
            i = index(m.group(3));
            j = index(m.group(4));
        } else if (m.group(3).length() == 2) {
            i = m.group(3).charAt(0) - '0';
            j = m.group(3).charAt(1) - '0';
        } else {
            throw unknown(name, "a weight has two indices: write them as two digits (w12) or with a comma (w12,3)");
        }
        int inputs = sizes[l - 1], units = sizes[l];
        if (i < 1 || i > (bias ? 1 : inputs) || j < 1 || j > units) {
            throw new IllegalArgumentException("'" + name + "' lies outside " + plain(bias ? bias(l, true) : weight(l, true))
                    + ", which has " + (bias ? units + " entries (1 to " + units + ")"
                    : inputs + " rows (i = 1 to " + inputs + ") and " + units + " columns (j = 1 to " + units + ")"));
        }
        return new Parameter(l, bias, i - 1, j - 1, this);
    }

    /**
     * A layer or unit number as typed. Numbers too large for an {@code int} ({@code w(99999999999)11}) are
     * read as {@link Integer#MAX_VALUE}: no network has that many layers or units, so the range checks
     * that follow say what this network has, instead of Java's NumberFormatException.
     */
    private static int index(String digits) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(significant);
    }

    private IllegalArgumentException unknown(String name, String why) {
        StringBuilder have = new StringBuilder();
        for (int l = 1; l <= depth(); l++) {
            have.append(l > 1 ? ", " : "").append(plain(weight(l, true))).append(" (").append(sizes[l - 1]).append('×')
                    .append(sizes[l]).append("), ").append(plain(bias(l, true))).append(" (").append(sizes[l]).append(")");
        }
        Parameter first = new Parameter(1, false, 0, 0, this);
        Parameter last = new Parameter(depth(), true, 0, sizes[depth()] - 1, this);
        return new IllegalArgumentException("unknown parameter '" + name + "': " + why + ". This network has "
                + have + "; for example " + name(first) + " or " + name(last));
    }

    /**
     * Which value of a forward pass this name means, units counted from 1: {@code x2}, {@code y1},
     * {@code a(1)3}, {@code h1} in the article's network, {@code h(2)1} in a deeper one ({@code a1}
     * and {@code h} without a layer where the network has only one such layer).
     */
    Value value(String name) {
        Require.notNull("the value's name", name, "give a name such as x1, " + plain(a(1, true)) + "1");
        Matcher m = NAME.matcher(plain(name));
        if (m.matches() && m.group(4) == null) {
            String letter = m.group(1);
            Integer given = m.group(2) == null ? null : index(m.group(2));
            int unit = index(m.group(3)) - 1;
            int l = switch (letter) {
                case "x" -> given == null ? 0 : -1;
                case "y" -> given == null ? depth() : -1;
                case "h" -> given != null ? given : depth() == 2 ? 1 : -1;
                case "a" -> given != null ? given : depth() == 1 ? 1 : -1;
                default -> -1;
            };
            boolean linear = letter.equals("a");
            if (l >= (linear ? 1 : 0) && l <= depth() && unit >= 0 && unit < sizes[l]) {
                return new Value(l, linear, unit);
            }
        }
        throw new IllegalArgumentException("no value named '" + name + "' in this forward pass; names look like "
                + "x1, " + plain(a(1, true)) + "1, " + plain(h(depth(), true)) + "1");
    }

    /**
     * Turns the subscripts and superscripts a learner may paste ({@code u₂₁}, {@code b⁽¹⁾₃},
     * {@code w^{(3)}_{12}}) into the plain form the grammar reads ({@code u21}, {@code b(1)3}, {@code w(3)12}).
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
