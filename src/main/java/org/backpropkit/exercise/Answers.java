package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;

/**
 * A learner's gradients as the checkers read them: a map from parameter names to numbers
 * ({@code "w11" → ∂L/∂w₁₁}, any spelling the network reads, {@code "u₂₁"} too), or from matrix names to
 * matrices ({@code "W(1)" → ∂L/∂W⁽¹⁾}, {@code "b(1)" → ∂L/∂b⁽¹⁾}, also {@code "W⁽¹⁾"}) — turned into one
 * number per parameter in {@link Network#parameters()} order. A map that lacks a name, has one the network
 * does not know, or a matrix of the wrong shape is refused with {@link NotAnAnswer}, which says what was
 * expected and what came.
 */
final class Answers {

    private static final Pattern MATRIX = Pattern.compile("([Wwb])\\(?(\\d+)\\)?");

    /** A learner's map that does not hold one gradient per parameter (or per matrix) of the network. */
    static final class NotAnAnswer extends IllegalArgumentException {
        NotAnAnswer(String message) {
            super(message);
        }
    }

    private Answers() {
    }

    /** One number per parameter, from a map keyed by the parameters' names. */
    static double[] ofParameters(Network net, Map<String, Double> yours) {
        if (yours == null) {
            throw new NotAnAnswer("your method returned null instead of a map from parameter names to gradients");
        }
        Map<Parameter, Double> read = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : yours.entrySet()) {
            Parameter p;
            try {
                p = net.parameter(e.getKey());
            } catch (IllegalArgumentException unknown) {
                throw new NotAnAnswer("your gradients have an entry \"" + e.getKey() + "\" that names no parameter of the "
                        + net.inputs() + "-…-" + net.outputs() + " network (" + unknown.getMessage() + ")");
            }
            if (read.containsKey(p)) {
                throw new NotAnAnswer("your gradients name " + p.symbol() + " twice (once as \"" + e.getKey() + "\")");
            }
            if (e.getValue() == null) {
                throw new NotAnAnswer("your gradient for " + p.symbol() + " is null");
            }
            read.put(p, e.getValue());
        }
        List<String> missing = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            if (!read.containsKey(p)) {
                missing.add(p.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new NotAnAnswer("your gradients have " + read.size() + " of the " + net.parameters().size()
                    + " entries: none for " + Layout.and(missing.subList(0, Math.min(missing.size(), 6)))
                    + (missing.size() > 6 ? " and " + (missing.size() - 6) + " more" : "")
                    + " (keys are the names the kit prints, e.g. \"" + net.parameters().get(0).name() + "\")");
        }
        double[] all = new double[net.parameters().size()];
        int k = 0;
        for (Parameter p : net.parameters()) {
            all[k++] = read.get(p);
        }
        return all;
    }

    /** One number per parameter, from a map keyed {@code "W(l)"} and {@code "b(l)"} for l = 1 … D. */
    static double[] ofMatrices(Network net, Map<String, Matrix> yours) {
        if (yours == null) {
            throw new NotAnAnswer("your method returned null instead of a map from \"W(l)\" and \"b(l)\" to matrices");
        }
        Matrix[] dw = new Matrix[net.depth() + 1], db = new Matrix[net.depth() + 1];
        for (Map.Entry<String, Matrix> e : yours.entrySet()) {
            Matcher m = MATRIX.matcher(plain(e.getKey()));
            int l = m.matches() ? Integer.parseInt(m.group(2)) : -1;
            if (l < 1 || l > net.depth()) {
                throw new NotAnAnswer("your gradients have an entry \"" + e.getKey() + "\"; the keys are \"W(l)\" and \"b(l)\""
                        + " for the layers l = 1 to " + net.depth() + " of this network");
            }
            boolean bias = m.group(1).equals("b");
            Matrix[] into = bias ? db : dw;
            if (into[l] != null) {
                throw new NotAnAnswer("your gradients hold ∂L/∂" + name(bias, l) + " twice");
            }
            Matrix shape = bias ? net.layer(l).b() : net.layer(l).w();
            Matrix mine = e.getValue();
            if (mine == null || mine.rows() != shape.rows() || mine.cols() != shape.cols()) {
                throw new NotAnAnswer("your ∂L/∂" + name(bias, l) + " is " + (mine == null ? "null" : mine.shape())
                        + "; it must have the shape of " + name(bias, l) + ", " + shape.shape());
            }
            into[l] = mine;
        }
        TreeSet<String> missing = new TreeSet<>();
        for (int l = 1; l <= net.depth(); l++) {
            if (dw[l] == null) {
                missing.add("W(" + l + ")");
            }
            if (db[l] == null) {
                missing.add("b(" + l + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new NotAnAnswer("your gradients have no " + Layout.and(new ArrayList<>(missing)) + ": a "
                    + net.depth() + "-layer network needs W(l) and b(l) for every l from 1 to " + net.depth());
        }
        double[] all = new double[net.parameters().size()];
        int k = 0;
        for (Parameter p : net.parameters()) {
            all[k++] = p.isBias() ? db[p.layer()].get(0, p.col()) : dw[p.layer()].get(p.row(), p.col());
        }
        return all;
    }

    /** E.g. {@code W⁽²⁾}, {@code b⁽¹⁾}. */
    static String name(boolean bias, int l) {
        return (bias ? "b" : "W") + "⁽" + "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(l % 10) + "⁾";
    }

    private static String plain(String key) {
        StringBuilder s = new StringBuilder();
        for (char c : key.strip().toCharArray()) {
            int sup = "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c);
            s.append(sup >= 0 ? (char) ('0' + sup) : c == '⁽' ? '(' : c == '⁾' ? ')' : c);
        }
        return s.toString();
    }
}
