package org.backpropkit.view;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backpropkit.view.ChainPaths.Edge;
import org.backpropkit.view.ChainPaths.Unit;
import org.backpropkit.view.Scene.Box;
import org.backpropkit.view.Scene.Line;

/**
 * Where everything of a {@link Scene} goes: units in columns, inputs on the left, outputs on the
 * right and the loss beside them; each column's units spread evenly over the same height, as in the
 * article's figure.
 *
 * <p>Two forms. <b>Labelled</b>: units are boxes holding every value, and each arrow's text (its
 * weight, its gradient) sits in a tab on the left side of the unit the arrow enters, the tabs of one
 * unit stacked in the order of their sources — the terms of {@code a_j = Σ_i h_i w_ij + b_j}, listed
 * at unit {@code j}. Tabs touch their unit and each other but never overlap anything, whatever the
 * numbers; arrows run from the source box to their tab. It fits up to {@value #LABELLED_UNITS} units a
 * layer. <b>Compact</b>: units are named circles with their values beside them, arrows without text,
 * up to {@value NetworkPicture#MAX_UNITS} units a layer.
 *
 * <p>The layout is computed once from the scene's final text, so every frame of a step-through has
 * the same geometry and only the text fills in.
 */
final class Layout {

    /** The most units a layer may have for the labelled form. */
    static final int LABELLED_UNITS = 4;
    /** The most arrows between two layers for the labelled form. */
    static final int LABELLED_ARROWS = 12;

    static final double PAD = 18;
    static final double BOX_PAD_X = 9;
    static final double BOX_PAD_Y = 7;
    static final double BAR_W = 64;
    static final double BAR_H = 5;
    static final double LABEL_PAD = 5;
    /** The free stretch of every arrow, between its source box and its tab, at the least. */
    static final double FREE = 56;
    /** The compact form's gap between columns, at the least. */
    static final double COMPACT_GAP = 150;

    final boolean labelled;
    final double width;
    final double height;
    final double headerBottom;
    final double footerTop;
    final Map<Unit, Rectangle2D> units = new LinkedHashMap<>();
    Rectangle2D loss;
    final Map<Edge, Line2D> arrows = new LinkedHashMap<>();
    final Map<Edge, Rectangle2D> labels = new LinkedHashMap<>();
    /** The legend, broken into rows that fit the width. */
    final List<List<Scene.Key>> legendRows;

    static final double LEGEND_ROW = 22;

    /**
     * Lays out {@code scene}, {@code labelled} or compact, at least {@code minWidth} × {@code minHeight}
     * pixels (0 for the natural size); the header holds {@code headerLines} lines under the title.
     */
    Layout(Scene scene, boolean labelled, double minWidth, double minHeight, int headerLines) {
        this.labelled = labelled;
        int columns = scene.sizes.length;
        boolean bare = scene.title.isEmpty();
        double[] columnW = new double[columns];
        double[] unitH = new double[columns];
        Map<Edge, double[]> tabSize = new LinkedHashMap<>();
        double tabW = 0;
        if (labelled) {
            for (Box box : scene.boxes.values()) {
                int l = box.unit.layer();
                columnW[l] = Math.max(columnW[l], boxWidth(box));
                unitH[l] = Math.max(unitH[l], boxHeight(box));
            }
            for (Scene.Arrow arrow : scene.arrows) {
                double[] size = labelSize(arrow.lines);
                tabSize.put(arrow.edge, size);
                tabW = Math.max(tabW, size[0]);
            }
            for (int l = 1; l < columns; l++) {
                for (int j = 0; j < scene.sizes[l]; j++) {
                    unitH[l] = Math.max(unitH[l], stackHeight(scene, tabSize, l, j));
                }
            }
        } else {
            double side = bare ? 30 : Math.max(Ink.line(Ink.UNIT) + 14, 36);
            java.util.Arrays.fill(columnW, side);
            java.util.Arrays.fill(unitH, side);
        }
        double valuesW = labelled ? 0 : compactValuesWidth(scene);
        double lossW = scene.loss == null ? 0 : boxWidth(scene.loss);
        double body = 0;
        for (int l = 0; l < columns; l++) {
            int n = scene.sizes[l];
            body = Math.max(body, n * unitH[l] + (n - 1) * (labelled ? 34 : bare ? 4 : 12));
        }
        body = Math.max(body + (labelled ? 30 : bare ? 8 : 24), labelled ? 280 : bare ? 160 : 300);
        double header = bare ? 6 : PAD + Ink.line(Ink.TITLE) + headerLines * (Ink.line(Ink.SUBTITLE) + 2) + 14;
        double between = labelled ? tabW + FREE : Math.max(bare ? 60 : COMPACT_GAP, valuesW + 70);
        double right = (scene.loss == null ? 0 : 36 + lossW) + valuesW;
        double units = 0;
        for (double w : columnW) {
            units += w;
        }
        double naturalW = 2 * PAD + units + (columns - 1) * between + right;
        this.width = Math.ceil(Math.max(Math.max(naturalW, minWidth), textWidth(scene) + 2 * PAD));
        this.legendRows = rows(scene.legend, width - 2 * PAD);
        double footer = scene.caption.size() * (Ink.line(Ink.BODY) + 3) + legendRows.size() * LEGEND_ROW
                + (legendRows.isEmpty() ? 0 : 6) + PAD;
        this.height = Math.ceil(Math.max(header + body + footer, minHeight));
        this.headerBottom = header;
        this.footerTop = height - footer;
        double gap = columns > 1 ? (width - 2 * PAD - units - right) / (columns - 1) : 0;
        double top = headerBottom + 4, span = footerTop - headerBottom - 8;
        double left = PAD;
        for (int l = 0; l < columns; l++) {
            int n = scene.sizes[l];
            for (int j = 0; j < n; j++) {
                double cy = top + span * (j + 0.5) / n;
                this.units.put(new Unit(l, j), new Rectangle2D.Double(left, cy - unitH[l] / 2, columnW[l], unitH[l]));
            }
            left += columnW[l] + gap;
        }
        if (scene.loss != null) {
            double h = boxHeight(scene.loss);
            loss = new Rectangle2D.Double(width - PAD - lossW, top + span / 2 - h / 2, lossW, h);
        }
        if (labelled) {
            placeTabs(scene, tabSize, tabW);
        }
        for (Scene.Arrow arrow : scene.arrows) {
            arrows.put(arrow.edge, arrowLine(arrow.edge, scene));
        }
    }

    /** The width of one legend entry: its mark (if any), its text and the space after it. */
    static double keyWidth(Scene.Key key) {
        return (key.kind() == Scene.Key.Kind.TEXT ? 0 : 32) + Ink.width(key.text(), Ink.LEGEND) + 22;
    }

    private static List<List<Scene.Key>> rows(List<Scene.Key> keys, double width) {
        List<List<Scene.Key>> rows = new java.util.ArrayList<>();
        double x = 0;
        for (Scene.Key key : keys) {
            double w = keyWidth(key);
            if (rows.isEmpty() || x + w - 22 > width) {
                rows.add(new java.util.ArrayList<>());
                x = 0;
            }
            rows.get(rows.size() - 1).add(key);
            x += w;
        }
        return rows;
    }

    /** The widest text beside a compact unit (its value, its δ), with the label's padding. */
    private static double compactValuesWidth(Scene scene) {
        double w = 0;
        for (Box box : scene.boxes.values()) {
            if (box.title.early() != null) {
                String late = box.title.late();
                w = Math.max(w, Ink.width(late.substring(late.indexOf('=') + 2), Ink.SMALL));
            }
            for (Line line : box.lines) {
                w = Math.max(w, Ink.width("δ " + line.late().substring(line.late().indexOf('=') + 2), Ink.SMALL));
            }
        }
        return w == 0 ? 0 : Math.ceil(w + 10);
    }

    /** The width and height of a label holding {@code lines}, with its padding. */
    static double[] labelSize(List<Line> lines) {
        double w = 0;
        for (Line line : lines) {
            w = Math.max(w, Math.max(lineWidth(line), line.hasBar() ? BAR_W : 0));
        }
        return new double[] {Math.ceil(w + 2 * LABEL_PAD + 2), Math.ceil(linesHeight(lines) + 2 * LABEL_PAD - 2)};
    }

    /** The height of the tabs of unit j of layer l, stacked. */
    private static double stackHeight(Scene scene, Map<Edge, double[]> tabSize, int l, int j) {
        double h = 0;
        for (int i = 0; i < scene.sizes[l - 1]; i++) {
            h += tabSize.get(new Edge(l, i, j))[1];
        }
        return h;
    }

    /** Each unit's tabs stacked on its left side, centred on the unit, all as wide as the widest. */
    private void placeTabs(Scene scene, Map<Edge, double[]> tabSize, double tabW) {
        for (int l = 1; l < scene.sizes.length; l++) {
            for (int j = 0; j < scene.sizes[l]; j++) {
                Rectangle2D unit = units.get(new Unit(l, j));
                double y = unit.getCenterY() - stackHeight(scene, tabSize, l, j) / 2;
                for (int i = 0; i < scene.sizes[l - 1]; i++) {
                    Edge e = new Edge(l, i, j);
                    double h = tabSize.get(e)[1];
                    labels.put(e, new Rectangle2D.Double(unit.getMinX() - tabW, y, tabW, h));
                    y += h;
                }
            }
        }
    }

    /** The width of a box: its widest line, with padding (a bar sits under its text). */
    static double boxWidth(Box box) {
        double w = 0;
        for (Line line : box.all()) {
            w = Math.max(w, Math.max(lineWidth(line), line.hasBar() ? BAR_W : 0));
        }
        return Math.ceil(w + 2 * BOX_PAD_X);
    }

    /** The height of a box: its lines, a bar under those that have one, with padding. */
    static double boxHeight(Box box) {
        return Math.ceil(linesHeight(box.all()) + 2 * BOX_PAD_Y);
    }

    static double linesHeight(List<Line> lines) {
        double h = 0;
        for (Line line : lines) {
            h += Ink.line(line.font()) + (line.hasBar() ? BAR_H + 3 : 0);
        }
        return h;
    }

    /** The widest the line gets at any stage. */
    static double lineWidth(Line line) {
        double early = line.early() == null ? 0 : Ink.width(line.early(), line.font());
        return Math.max(early, Ink.width(line.late(), line.font()));
    }

    /** The widest line of the header and the footer's caption, which the picture must hold. */
    private static double textWidth(Scene scene) {
        double w = Ink.width(scene.title, Ink.TITLE);
        for (String line : scene.subtitle) {
            w = Math.max(w, Ink.width(line, Ink.SUBTITLE));
        }
        for (String line : scene.steps) {
            w = Math.max(w, Ink.width("Step 10 of 10 · " + line, Ink.SUBTITLE));
        }
        for (String line : scene.caption) {
            w = Math.max(w, Ink.width(line, Ink.BODY));
        }
        return w;
    }

    /**
     * Labelled: from the right side of the source box to the left side of the arrow's tab; arrows
     * leaving one box start a few pixels apart, in the order of their targets, so that none hides
     * another. Compact: between the circles' rims.
     */
    private Line2D arrowLine(Edge e, Scene scene) {
        Rectangle2D from = units.get(new Unit(e.layer() - 1, e.from()));
        if (!labelled) {
            return clipToCircles(from, units.get(new Unit(e.layer(), e.to())));
        }
        Rectangle2D tab = labels.get(e);
        int outs = scene.sizes[e.layer()];
        double spread = Math.min(7, (from.getHeight() - 14) / Math.max(outs, 1));
        double y1 = from.getCenterY() + (e.to() - (outs - 1) / 2.0) * spread;
        return new Line2D.Double(from.getMaxX(), y1, tab.getMinX() - 1, tab.getCenterY());
    }

    private static Line2D clipToCircles(Rectangle2D from, Rectangle2D to) {
        double x1 = from.getCenterX(), y1 = from.getCenterY(), x2 = to.getCenterX(), y2 = to.getCenterY();
        double d = Math.hypot(x2 - x1, y2 - y1), r1 = from.getWidth() / 2, r2 = to.getWidth() / 2 + 1;
        return new Line2D.Double(x1 + (x2 - x1) * r1 / d, y1 + (y2 - y1) * r1 / d, x2 - (x2 - x1) * r2 / d,
                y2 - (y2 - y1) * r2 / d);
    }

    static Rectangle2D grow(Rectangle2D r, double by) {
        return new Rectangle2D.Double(r.getX() - by, r.getY() - by, r.getWidth() + 2 * by, r.getHeight() + 2 * by);
    }

    /** Whether a network of these layer sizes gets the labelled form. */
    static boolean fitsLabelled(int[] sizes) {
        for (int l = 0; l < sizes.length; l++) {
            if (sizes[l] > LABELLED_UNITS || (l > 0 && sizes[l - 1] * sizes[l] > LABELLED_ARROWS)) {
                return false;
            }
        }
        return true;
    }
}
