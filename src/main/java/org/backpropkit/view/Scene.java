package org.backpropkit.view;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a network picture says, before anything is placed: the text of every unit, arrow, target and
 * the loss, with the step of a pass at which each piece appears. {@link Layout} decides where it goes,
 * {@link Painter} draws it; a {@link Steps} frame is the same scene drawn at an earlier stage.
 *
 * <p>Stages for a network of {@code L} layers: 0 the weights alone; 1 the sample arrives
 * ({@code x}, {@code t}); {@code 1 + l} layer {@code l}'s forward values; then from the outputs back,
 * for {@code l = L … 1}, first {@code δ⁽ˡ⁾}, then the gradients of {@code w⁽ˡ⁾}. The last stage is
 * {@code 3L + 1} with targets, {@code L + 1} with an input alone, 0 with neither.
 */
final class Scene {

    /**
     * One line of text that appears at stage {@code from}; before that it reads {@code early} (or
     * nothing, when {@code early} is null). {@code bar} in 0 … 1 draws a size bar under it in the
     * colour of {@code value}'s sign; NaN draws none.
     */
    record Line(String early, String late, int from, Font font, Color color, double bar, double value) {

        static Line of(String text, int from, Font font, Color color) {
            return new Line(null, text, from, font, color, Double.NaN, 0);
        }

        String at(int stage) {
            return stage >= from ? late : early;
        }

        boolean hasBar() {
            return !Double.isNaN(bar);
        }
    }

    /** A unit's box: its title line (its name, then its value) and the lines under it. */
    static final class Box {
        final ChainPaths.Unit unit;
        final Line title;
        final List<Line> lines = new ArrayList<>();
        boolean onPath;

        Box(ChainPaths.Unit unit, Line title) {
            this.unit = unit;
            this.title = title;
        }

        List<Line> all() {
            List<Line> all = new ArrayList<>();
            all.add(title);
            all.addAll(lines);
            return all;
        }
    }

    /** An arrow from unit {@code from} of layer {@code l−1} to unit {@code to} of layer {@code l}. */
    static final class Arrow {
        final ChainPaths.Edge edge;
        /** The number the arrow's colour (sign) and thickness (size) show: a weight or a gradient. */
        final double shown;
        final List<Line> lines = new ArrayList<>();
        boolean onPath;
        /** In the compact form, ∂L/∂w as a dot on the arrow from stage {@code dotFrom}: its value and size 0 … 1. */
        double dot = Double.NaN;
        double dotSize;
        int dotFrom;

        Arrow(ChainPaths.Edge edge, double shown) {
            this.edge = edge;
            this.shown = shown;
        }
    }

    /** One entry of the legend: a sample of the mark and what it means. */
    record Key(Kind kind, String text) {
        enum Kind { POSITIVE, NEGATIVE, BAR, DOT, MARKER, TEXT }
    }

    final int[] sizes;
    final String title;
    final List<String> subtitle = new ArrayList<>();
    /** The stage from which the subtitle (the sample) shows. */
    int subtitleFrom;
    final Map<ChainPaths.Unit, Box> boxes = new LinkedHashMap<>();
    final List<Arrow> arrows = new ArrayList<>();
    /** The loss, beside the outputs (null without targets). */
    Box loss;
    final List<String> caption = new ArrayList<>();
    final List<Key> legend = new ArrayList<>();
    /** Per stage, the line that says what that step computed (used as a frame's subtitle). */
    final List<String> steps = new ArrayList<>();
    int lastStage;

    /** Whether the text was written for the labelled form (boxes and tabs) or the compact one. */
    final boolean labelled;

    Scene(int[] sizes, String title, boolean labelled) {
        this.sizes = sizes.clone();
        this.title = title;
        this.labelled = labelled;
    }

    int depth() {
        return sizes.length - 1;
    }

    Box box(int layer, int index) {
        return boxes.get(new ChainPaths.Unit(layer, index));
    }
}
