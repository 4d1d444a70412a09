package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;

/**
 * How the numbers of an answer are laid out: one label per entry ({@code y₁}, {@code ∂L/∂u₂₁}) and ways
 * to group them ({@code output 1}, {@code output 2}; {@code from h₁}, …), so that a message can say
 * "right for output 1, wrong for output 2" instead of listing entries.
 */
record Layout(List<String> labels, List<Map<String, List<Integer>>> groupings) {

    /** Beyond this many right groups a pattern counts them instead of naming them. */
    private static final int SHOWN = 4;
    /** Beyond this many entries a pattern names groups only, never every entry. */
    private static final int SINGLE = 40;

    Layout {
        labels = List.copyOf(labels);
        groupings = List.copyOf(groupings);
    }

    /** Entries with these labels and no grouping but the entries themselves. */
    static Layout entries(String... labels) {
        return new Layout(List.of(labels), List.of());
    }

    /**
     * A table stored row by row, labelled {@code label(row, col)} (both from 0), grouped by column and
     * by row under the given group names, columns first.
     */
    static Layout table(List<String> rows, List<String> cols, BiFunction<Integer, Integer, String> label) {
        List<String> labels = new ArrayList<>();
        Map<String, List<Integer>> byRow = new LinkedHashMap<>(), byCol = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                byRow.computeIfAbsent(rows.get(r), k -> new ArrayList<>()).add(labels.size());
                byCol.computeIfAbsent(cols.get(c), k -> new ArrayList<>()).add(labels.size());
                labels.add(label.apply(r, c));
            }
        }
        return new Layout(labels, List.of(byCol, byRow));
    }

    /**
     * One entry per parameter of {@code net} in {@link Network#parameters()} order, labelled {@code ∂L/∂u₂₁},
     * grouped by layer ("the output layer"), then by matrix ({@code u}, {@code b⁽²⁾}).
     */
    static Layout parameters(Network net) {
        List<String> labels = new ArrayList<>();
        Map<String, List<Integer>> byLayer = new LinkedHashMap<>(), byMatrix = new LinkedHashMap<>();
        for (Parameter p : net.parameters()) {
            int l = p.layer();
            String layer = l == net.depth() ? "the output layer" : net.depth() == 2 ? "the hidden layer" : "layer " + l;
            String matrix = p.isBias() ? net.notation().bias(l, false) : net.notation().weight(l, false);
            byLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(labels.size());
            byMatrix.computeIfAbsent(matrix, k -> new ArrayList<>()).add(labels.size());
            labels.add("∂L/∂" + p.symbol());
        }
        return new Layout(labels, List.of(byLayer, byMatrix));
    }

    /** This layout with one more way to group its entries. */
    Layout groupedBy(Map<String, List<Integer>> grouping) {
        List<Map<String, List<Integer>>> all = new ArrayList<>(groupings);
        all.add(grouping);
        return new Layout(labels, all);
    }

    int size() {
        return labels.size();
    }

    /**
     * For the entries marked {@code wrong}: "right for A, wrong for B and C" under the first grouping
     * whose every group is all right or all wrong, with at least one of each ("wrong for B, right for the
     * other 23" when more than four are right); null when none fits.
     */
    String pattern(boolean[] wrong) {
        List<Map<String, List<Integer>>> all = new ArrayList<>(groupings);
        Map<String, List<Integer>> single = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            single.put(labels.get(k), List.of(k));
        }
        if (labels.size() <= SINGLE) {
            all.add(single);
        }
        for (Map<String, List<Integer>> grouping : all) {
            List<String> right = new ArrayList<>(), bad = new ArrayList<>();
            boolean clean = true;
            for (Map.Entry<String, List<Integer>> group : grouping.entrySet()) {
                long n = group.getValue().stream().filter(k -> wrong[k]).count();
                clean &= n == 0 || n == group.getValue().size();
                (n == 0 ? right : bad).add(group.getKey());
            }
            if (clean && !right.isEmpty() && !bad.isEmpty()) {
                return right.size() <= SHOWN ? "right for " + and(right) + ", wrong for " + and(bad)
                        : "wrong for " + and(bad) + ", right for the other " + right.size();
            }
        }
        return null;
    }

    /** E.g. {@code y₁}, {@code y₁ and y₂}, {@code u₁₁, u₂₁ and u₃₁}. */
    static String and(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
