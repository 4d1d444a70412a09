package org.backpropkit.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Notation;

/**
 * A network too wide to draw unit by unit, drawn layer by layer: each layer of units a column with
 * its size (and, with a sample, its values as a strip of colour), each weight matrix a block between
 * them, shown as a heat map (blue positive, orange negative, paler smaller), with its shape, its size
 * {@code ‖w⁽ˡ⁾‖} and, when there are gradients, {@code ‖∇w⁽ˡ⁾‖} as a number and as a bar. Comparing
 * the bars shows at a glance which layers learn and where gradients vanish.
 */
final class Summary {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 520;
    private static final double COLUMN_W = 92;
    private static final double TOP = 78;
    private static final double BLOCK_H = 250;

    private final NetworkPicture picture;
    private final Network net;
    private final Notation n;
    private final int depth;
    private final int[] sizes;
    private final Stages stages;
    private final int stage;
    private final Gradients g;
    private final double width;
    private final double height;

    Summary(NetworkPicture picture) {
        this.picture = picture;
        this.net = picture.network();
        this.n = net.notation();
        this.depth = net.depth();
        this.sizes = picture.sizes();
        this.stages = Stages.of(picture);
        this.stage = picture.stage();
        this.g = picture.gradients();
        this.width = width(picture, 0);
        this.height = height(picture, 0);
    }

    static int width(NetworkPicture p, int min) {
        return Math.max(Math.max(WIDTH, 2 * 18 + (p.network().depth() + 1) * (int) COLUMN_W + p.network().depth() * 190),
                min);
    }

    static int height(NetworkPicture p, int min) {
        return Math.max(HEIGHT, min);
    }

    static int lastStage(NetworkPicture p) {
        return Stages.of(p).last();
    }

    static String describe(NetworkPicture p) {
        Summary s = new Summary(p);
        StringBuilder text = new StringBuilder(s.title());
        for (String line : s.lines()) {
            text.append('\n').append(line);
        }
        return text.toString();
    }

    private String title() {
        return SceneBuilder.describe(net) + " · by layer";
    }

    /** One line per weight layer: shape, size, gradient size. */
    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            lines.add(weightName(l) + ": " + sizes[l - 1] + " × " + sizes[l] + ", ‖" + weightName(l) + "‖ = "
                    + Ink.number(net.layer(l).w().norm()) + (g != null && stage >= stages.gradient(l)
                    ? ", ‖∇" + weightName(l) + "‖ = " + Ink.number(g.w(l).norm()) : ""));
        }
        return lines;
    }

    private String weightName(int l) {
        return n.weight(l, false);
    }

    void paint(Graphics2D g2) {
        double y = Layout.PAD + Ink.metrics(Ink.TITLE).getAscent();
        Ink.text(g2, title(), Ink.TITLE, Ink.TEXT, Layout.PAD, y);
        String sub = subtitle();
        Ink.text(g2, sub, Ink.SUBTITLE, Ink.MUTED, Layout.PAD, y + Ink.line(Ink.SUBTITLE) + 2);
        if (picture.caption() != null) {
            Ink.text(g2, picture.caption(), Ink.SUBTITLE, Ink.TEXT, Layout.PAD, y + 2 * (Ink.line(Ink.SUBTITLE) + 2));
        }
        double gap = (width - 2 * Layout.PAD - (depth + 1) * COLUMN_W) / depth;
        double top = TOP + 20, bottom = top + BLOCK_H;
        double maxNorm = 0;
        for (int l = 1; l <= depth && g != null; l++) {
            maxNorm = Math.max(maxNorm, g.w(l).norm());
        }
        for (int l = 0; l <= depth; l++) {
            double left = Layout.PAD + l * (COLUMN_W + gap);
            column(g2, l, new Rectangle2D.Double(left, top, COLUMN_W, BLOCK_H));
            if (l > 0) {
                double blockLeft = left - gap + 26, blockW = gap - 52;
                block(g2, l, new Rectangle2D.Double(blockLeft, top + 10, blockW, BLOCK_H - 20), maxNorm);
            }
        }
        legend(g2, bottom + 118);
    }

    private String subtitle() {
        if (picture.isBatch()) {
            return "mean over " + picture.samples() + " samples: L = " + Ink.number(g.loss());
        }
        if (picture.t() != null) {
            return "one sample, L = " + Ink.number(g.loss());
        }
        return picture.x() != null ? "one sample" : "weights only; a layer wider than " + NetworkPicture.MAX_UNITS
                + " units is drawn as a block";
    }

    /** A layer of units: its name, size, activation, and with a sample its values as a strip. */
    private void column(Graphics2D g2, int l, Rectangle2D r) {
        Ink.box(g2, r.getX(), r.getY(), r.getWidth(), r.getHeight(), 14, Ink.BOX, Ink.BOX_EDGE, 1.2f);
        String name = l == 0 ? "x" : n.h(l, false);
        Ink.centred(g2, name, Ink.UNIT, Ink.TEXT, r.getCenterX(), r.getY() + 22);
        String what = l == 0 ? sizes[0] + " inputs" : l == depth ? sizes[l] + " outputs" : sizes[l] + " units";
        Ink.centred(g2, what, Ink.SMALL, Ink.TEXT, r.getCenterX(), r.getMaxY() + 18);
        if (l > 0) {
            Ink.centred(g2, net.layer(l).activation().symbol(), Ink.SMALL, Ink.MUTED, r.getCenterX(), r.getMaxY() + 34);
        }
        Matrix values = values(l);
        if (values != null && stage >= stages.forward(l)) {
            strip(g2, values, new Rectangle2D.Double(r.getCenterX() - 14, r.getY() + 34, 28, r.getHeight() - 46));
        }
        if (g != null && !picture.isBatch() && l > 0 && stage >= stages.delta(l)) {
            String d = "‖δ" + (depth == 1 ? "" : n.a(l, false).substring(1)) + "‖ = " + Ink.number(g.delta(l).norm());
            Ink.centred(g2, d, Ink.SMALL, Ink.TEXT, r.getCenterX(), r.getMaxY() + 50);
        }
    }

    private Matrix values(int l) {
        if (picture.forward() == null || picture.isBatch()) {
            return null;
        }
        return picture.forward().h(l);
    }

    /** The first sample's values of a layer, top to bottom, in binned cells coloured by sign and size. */
    private static void strip(Graphics2D g2, Matrix values, Rectangle2D r) {
        int count = values.cols();
        int bins = (int) Math.min(count, Math.floor(r.getHeight() / 2));
        double max = 0;
        for (int j = 0; j < count; j++) {
            max = Math.max(max, Math.abs(values.get(0, j)));
        }
        double h = r.getHeight() / bins;
        for (int b = 0; b < bins; b++) {
            int from = b * count / bins, to = (b + 1) * count / bins;
            double sum = 0;
            for (int j = from; j < to; j++) {
                sum += values.get(0, j);
            }
            double mean = sum / (to - from);
            g2.setColor(heat(mean, max));
            g2.fill(new Rectangle2D.Double(r.getX(), r.getY() + b * h, r.getWidth(), Math.ceil(h)));
        }
        g2.setColor(Ink.BOX_EDGE);
        g2.setStroke(new BasicStroke(0.8f));
        g2.draw(r);
    }

    /** White at 0, the sign's colour at the largest size. */
    private static Color heat(double v, double max) {
        double f = max > 0 ? Math.min(1, Math.abs(v) / max) : 0;
        return Ink.tint(Ink.sign(v), 1 - f);
    }

    /** Weight layer l: an arrow, its matrix as a heat map, and its numbers under it. */
    private void block(Graphics2D g2, int l, Rectangle2D r, double maxNorm) {
        g2.setColor(Ink.BOX_EDGE);
        g2.setStroke(new BasicStroke(1.5f));
        double mid = r.getCenterY();
        g2.draw(new Line2D.Double(r.getX() - 22, mid, r.getX() - 4, mid));
        g2.draw(new Line2D.Double(r.getMaxX() + 4, mid, r.getMaxX() + 20, mid));
        Path2D tip = new Path2D.Double();
        tip.moveTo(r.getMaxX() + 24, mid);
        tip.lineTo(r.getMaxX() + 16, mid - 5);
        tip.lineTo(r.getMaxX() + 16, mid + 5);
        tip.closePath();
        g2.fill(tip);
        Matrix w = net.layer(l).w();
        double side = Math.min(r.getWidth(), r.getHeight() - 10);
        double cellsW = Math.min(side, Math.max(40, side * Math.min(1, (double) w.cols() / w.rows()) * 1.0));
        Rectangle2D map = new Rectangle2D.Double(r.getCenterX() - cellsW / 2, r.getY() + 18, cellsW, r.getHeight() - 28);
        heatMap(g2, w, map);
        String name = weightName(l);
        Ink.centred(g2, name + "  " + w.rows() + " × " + w.cols(), Ink.BODY, Ink.TEXT, r.getCenterX(), r.getY() + 10);
        double y = r.getMaxY() + 36;
        Ink.centred(g2, "‖" + name + "‖ = " + Ink.number(w.norm()), Ink.SMALL, Ink.TEXT, r.getCenterX(), y);
        if (g != null && stage >= stages.gradient(l)) {
            double norm = g.w(l).norm();
            Ink.centred(g2, "‖∇" + name + "‖ = " + Ink.number(norm), Ink.SMALL, Ink.TEXT, r.getCenterX(), y + 18);
            double barW = Math.min(120, r.getWidth());
            Ink.bar(g2, r.getCenterX() - barW / 2, y + 24, barW, 7, maxNorm > 0 ? norm / maxNorm : 0, 1);
        }
    }

    /** Rows are the layer's inputs (top to bottom), columns its units; cells average the weights they cover. */
    private static void heatMap(Graphics2D g2, Matrix w, Rectangle2D r) {
        int rows = (int) Math.min(w.rows(), Math.floor(r.getHeight() / 2));
        int cols = (int) Math.min(w.cols(), Math.floor(r.getWidth() / 2));
        double max = 0;
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) {
                max = Math.max(max, Math.abs(w.get(i, j)));
            }
        }
        double ch = r.getHeight() / rows, cw = r.getWidth() / cols;
        for (int bi = 0; bi < rows; bi++) {
            for (int bj = 0; bj < cols; bj++) {
                int i0 = bi * w.rows() / rows, i1 = (bi + 1) * w.rows() / rows;
                int j0 = bj * w.cols() / cols, j1 = (bj + 1) * w.cols() / cols;
                double sum = 0;
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        sum += w.get(i, j);
                    }
                }
                g2.setColor(heat(sum / ((i1 - i0) * (j1 - j0)), max));
                g2.fill(new Rectangle2D.Double(r.getX() + bj * cw, r.getY() + bi * ch, Math.ceil(cw), Math.ceil(ch)));
            }
        }
        g2.setColor(Ink.BOX_EDGE);
        g2.setStroke(new BasicStroke(0.8f));
        g2.draw(r);
    }

    private void legend(Graphics2D g2, double y) {
        double x = Layout.PAD;
        g2.setColor(Ink.tint(Ink.POSITIVE, 0.2));
        g2.fill(new Rectangle2D.Double(x, y - 11, 14, 12));
        g2.setColor(Ink.tint(Ink.NEGATIVE, 0.2));
        g2.fill(new Rectangle2D.Double(x + 16, y - 11, 14, 12));
        x += 38;
        String text = "heat maps: weights w_ij (rows i = inputs, columns j = units) and unit values h, "
                + "blue positive, orange negative, paler = smaller";
        Ink.text(g2, text, Ink.LEGEND, Ink.TEXT, x, y);
        if (g != null) {
            y += 20;
            Ink.bar(g2, Layout.PAD, y - 8, 30, 7, 0.6, 1);
            Ink.text(g2, "‖∇w‖: the size of a layer's weight gradient; the largest layer's bar is full", Ink.LEGEND,
                    Ink.TEXT, Layout.PAD + 38, y);
        }
    }
}
