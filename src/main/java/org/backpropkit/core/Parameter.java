package org.backpropkit.core;

import java.util.Objects;

/**
 * One trainable number of a network: a weight {@code w⁽ˡ⁾_ij} joining unit {@code i} of layer
 * {@code l−1} to unit {@code j} of layer {@code l}, or a bias {@code b⁽ˡ⁾_j}.
 *
 * <p>Immutable. {@link #row()} and {@link #col()} count from 0 (Java's indices into the
 * {@link Matrix}); the names count from 1, as the article does. A network hands out its
 * parameters ({@link Network#parameters()}, {@link Network#parameter(String)}), so the names
 * follow {@link Notation}: in the article's 2-3-2 network {@code u21} is the weight from hidden
 * unit 2 to output 1, and {@code b(1)3} the bias of hidden unit 3.
 */
public final class Parameter {

    private final int layer;
    private final boolean bias;
    private final int row;
    private final int col;
    private final Notation notation;

    Parameter(int layer, boolean bias, int row, int col, Notation notation) {
        this.layer = layer;
        this.bias = bias;
        this.row = row;
        this.col = col;
        this.notation = notation;
    }

    /** The layer {@code l}, counted from 1. */
    public int layer() {
        return layer;
    }

    /** True for a bias, false for a weight. */
    public boolean isBias() {
        return bias;
    }

    /** The input unit {@code i} counted from 0 (always 0 for a bias). */
    public int row() {
        return row;
    }

    /** The unit {@code j} of this layer, counted from 0. */
    public int col() {
        return col;
    }

    /** The plain name a learner types, e.g. {@code u21}, {@code b(1)3}, {@code w(3)12}. */
    public String name() {
        return notation.name(this);
    }

    /** The name as printed, e.g. {@code u₂₁}, {@code b⁽¹⁾₃}. */
    public String symbol() {
        return notation.symbol(this, false);
    }

    /** The name in LaTeX, e.g. {@code u_{21}}, {@code b^{(1)}_{3}}. */
    public String latex() {
        return notation.symbol(this, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameter p && p.layer == layer && p.bias == bias && p.row == row && p.col == col;
    }

    @Override
    public int hashCode() {
        return Objects.hash(layer, bias, row, col);
    }

    @Override
    public String toString() {
        return symbol();
    }
}
