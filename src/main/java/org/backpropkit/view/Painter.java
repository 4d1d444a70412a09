package org.backpropkit.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.backpropkit.view.ChainPaths.Unit;
import org.backpropkit.view.Scene.Box;
import org.backpropkit.view.Scene.Line;

/**
 * Draws a {@link Scene} where its {@link Layout} puts things, as it stands at one stage of the pass:
 * text not yet computed is left out (or greyed, for a unit's name), arrows are coloured by sign and
 * thickened by size, the chain rule's paths are marked in yellow and everything else fades.
 */
final class Painter {

    private static final double THINNEST = 1.2;
    private static final double THICKEST = 7;

    private final Scene scene;
    private final Layout layout;
    private final int stage;
    private final String step;
    private final boolean marking;
    private final double maxShown;

    /** {@code step}: the frame's caption and counter, or null outside a step-through. */
    Painter(Scene scene, Layout layout, int stage, String step) {
        this.scene = scene;
        this.layout = layout;
        this.stage = stage;
        this.step = step;
        this.marking = scene.arrows.stream().anyMatch(a -> a.onPath) || scene.boxes.values().stream().anyMatch(b -> b.onPath);
        double max = 0;
        for (Scene.Arrow a : scene.arrows) {
            max = Math.max(max, Math.abs(a.shown));
        }
        this.maxShown = max;
    }

    void paint(Graphics2D g) {
        header(g);
        if (marking) {
            markPaths(g);
        }
        for (Scene.Arrow arrow : scene.arrows) {
            if (!arrow.onPath) {
                arrow(g, arrow);
            }
        }
        for (Scene.Arrow arrow : scene.arrows) {
            if (arrow.onPath) {
                arrow(g, arrow);
            }
        }
        for (Scene.Arrow arrow : scene.arrows) {
            if (!Double.isNaN(arrow.dot) && stage >= arrow.dotFrom) {
                dot(g, arrow);
            }
        }
        lossBox(g);
        for (Scene.Arrow arrow : scene.arrows) {
            Rectangle2D r = layout.labels.get(arrow.edge);
            if (r != null) {
                tab(g, arrow, r);
            }
        }
        for (Box box : scene.boxes.values()) {
            if (layout.labelled) {
                box(g, box, layout.units.get(box.unit));
            } else {
                circle(g, box, layout.units.get(box.unit));
            }
        }
        footer(g);
    }

    private void header(Graphics2D g) {
        double y = Layout.PAD + Ink.metrics(Ink.TITLE).getAscent();
        Ink.text(g, scene.title, Ink.TITLE, Ink.TEXT, Layout.PAD, y);
        double line = Ink.line(Ink.SUBTITLE) + 2;
        for (String s : scene.subtitle) {
            y += line;
            if (stage >= scene.subtitleFrom) {
                Ink.text(g, s, Ink.SUBTITLE, Ink.MUTED, Layout.PAD, y);
            }
        }
        if (step != null) {
            y += line;
            Ink.text(g, step, Ink.SUBTITLE, Ink.TEXT, Layout.PAD, y);
        }
    }

    // ---- Arrows

    private Color arrowColor(Scene.Arrow arrow) {
        Color c = Ink.sign(arrow.shown);
        return marking && !arrow.onPath ? Ink.tint(c, 0.72) : c;
    }

    private void arrow(Graphics2D g, Scene.Arrow arrow) {
        Line2D line = layout.arrows.get(arrow.edge);
        double fraction = maxShown > 0 ? Math.abs(arrow.shown) / maxShown : 0;
        BasicStroke stroke = layout.labelled ? Ink.thickness(fraction, THINNEST, THICKEST)
                : Ink.thickness(fraction, 0.7, 4);
        Color color = arrowColor(arrow);
        if (!layout.labelled) {
            color = new Color(color.getRed(), color.getGreen(), color.getBlue(), 190);
        }
        double head = 7 + stroke.getLineWidth();
        double dx = line.getX2() - line.getX1(), dy = line.getY2() - line.getY1(), d = Math.hypot(dx, dy);
        double ux = dx / d, uy = dy / d;
        double bx = line.getX2() - ux * head, by = line.getY2() - uy * head;
        g.setColor(color);
        g.setStroke(stroke);
        g.draw(new Line2D.Double(line.getX1(), line.getY1(), bx, by));
        double half = 3.5 + stroke.getLineWidth() * 0.7;
        Path2D tip = new Path2D.Double();
        tip.moveTo(line.getX2(), line.getY2());
        tip.lineTo(bx - uy * half, by + ux * half);
        tip.lineTo(bx + uy * half, by - ux * half);
        tip.closePath();
        g.fill(tip);
    }

    /** The compact form's gradient: a dot on the arrow whose area is the size, whose colour is the sign. */
    private void dot(Graphics2D g, Scene.Arrow arrow) {
        Line2D line = layout.arrows.get(arrow.edge);
        double cx = line.getX1() + 0.78 * (line.getX2() - line.getX1()), cy = line.getY1() + 0.78 * (line.getY2() - line.getY1());
        double r = 2 + 5 * Math.sqrt(arrow.dotSize);
        Color c = Ink.sign(arrow.dot);
        Ellipse2D e = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        g.setColor(marking && !arrow.onPath ? Ink.tint(c, 0.6) : c);
        g.fill(e);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(e);
    }

    private void markPaths(Graphics2D g) {
        g.setColor(Ink.MARKER);
        g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Scene.Arrow arrow : scene.arrows) {
            if (arrow.onPath) {
                g.draw(layout.arrows.get(arrow.edge));
            }
        }
        for (Box box : scene.boxes.values()) {
            if (box.onPath) {
                Rectangle2D r = Layout.grow(layout.units.get(box.unit), 6);
                if (layout.labelled) {
                    Ink.box(g, r.getX(), r.getY(), r.getWidth(), r.getHeight(), 18, Ink.MARKER, null, 0);
                } else {
                    g.fill(new Ellipse2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight()));
                }
            }
        }
    }

    // ---- Units

    private void box(Graphics2D g, Box box, Rectangle2D r) {
        boolean faded = marking && !box.onPath;
        Ink.box(g, r.getX(), r.getY(), r.getWidth(), r.getHeight(), 12, faded ? new Color(0xFAFAFA) : Ink.BOX,
                box.onPath ? Ink.TEXT : Ink.BOX_EDGE, box.onPath ? 1.8f : 1.2f);
        double y = r.getY() + Layout.BOX_PAD_Y;
        List<Line> lines = box.all();
        for (int k = 0; k < lines.size(); k++) {
            Line line = lines.get(k);
            String text = line.at(stage);
            double ascent = Ink.metrics(line.font()).getAscent();
            if (text != null) {
                Color color = stage >= line.from() ? line.color() : Ink.PENDING;
                color = faded ? Ink.tint(color, 0.45) : color;
                if (k == 0) {
                    Ink.centred(g, text, line.font(), color, r.getCenterX(), y + ascent);
                } else {
                    Ink.text(g, text, line.font(), color, r.getX() + Layout.BOX_PAD_X, y + ascent);
                }
            }
            y += Ink.line(line.font());
            if (line.hasBar()) {
                if (stage >= line.from()) {
                    Ink.bar(g, r.getX() + Layout.BOX_PAD_X, y + 1, Layout.BAR_W, Layout.BAR_H, line.bar(), line.value());
                }
                y += Layout.BAR_H + 3;
            }
        }
    }

    private void circle(Graphics2D g, Box box, Rectangle2D r) {
        boolean faded = marking && !box.onPath;
        Ellipse2D c = new Ellipse2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight());
        g.setColor(faded ? new Color(0xFAFAFA) : Ink.BOX);
        g.fill(c);
        g.setColor(box.onPath ? Ink.TEXT : Ink.BOX_EDGE);
        g.setStroke(new BasicStroke(box.onPath ? 1.8f : 1.2f));
        g.draw(c);
        Font font = r.getWidth() >= 34 ? Ink.SMALL : new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        String name = box.title.early() != null ? box.title.early() : box.title.late();
        double ascent = Ink.metrics(font).getAscent(), descent = Ink.metrics(font).getDescent();
        Color ink = faded ? Ink.tint(Ink.TEXT, 0.45) : Ink.TEXT;
        if (Ink.width(name, font) <= r.getWidth() + 4) {
            Ink.centred(g, name, font, ink, r.getCenterX(), r.getCenterY() + (ascent - descent) / 2);
        }
        java.util.List<String> texts = new java.util.ArrayList<>();
        java.util.List<Color> colors = new java.util.ArrayList<>();
        if (box.title.early() != null && stage >= box.title.from()) {
            texts.add(box.title.late().substring(box.title.late().indexOf('=') + 2));
            colors.add(ink);
        }
        for (Line line : box.lines) {
            String text = line.at(stage);
            if (text != null) {
                texts.add("δ " + text.substring(text.indexOf('=') + 2));
                colors.add(faded ? Ink.tint(line.color(), 0.45) : line.color());
            }
        }
        if (texts.isEmpty()) {
            return;
        }
        double w = 0;
        for (String text : texts) {
            w = Math.max(w, Ink.width(text, Ink.SMALL));
        }
        double lineH = Ink.line(Ink.SMALL), h = texts.size() * lineH + 2;
        double x = r.getMaxX() + 3, y = r.getCenterY() - h / 2;
        Ink.box(g, x, y, w + 6, h, 6, new Color(255, 255, 255, 225), null, 0);
        for (int k = 0; k < texts.size(); k++) {
            Ink.text(g, texts.get(k), Ink.SMALL, colors.get(k), x + 3, y + 1 + k * lineH
                    + Ink.metrics(Ink.SMALL).getAscent());
        }
    }

    private void lossBox(Graphics2D g) {
        if (layout.loss == null) {
            return;
        }
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
        g.setColor(Ink.BOX_EDGE);
        for (int j = 0; j < scene.sizes[scene.depth()]; j++) {
            Rectangle2D out = layout.units.get(new Unit(scene.depth(), j));
            g.draw(new Line2D.Double(out.getMaxX() + 2, out.getCenterY(), layout.loss.getMinX() - 2,
                    layout.loss.getCenterY()));
        }
        smallBox(g, scene.loss, layout.loss);
    }

    private void smallBox(Graphics2D g, Box box, Rectangle2D r) {
        Ink.box(g, r.getX(), r.getY(), r.getWidth(), r.getHeight(), 10, Color.WHITE, Ink.BOX_EDGE, 1.2f);
        double y = r.getY() + Layout.BOX_PAD_Y;
        for (Line line : box.all()) {
            String text = line.at(stage);
            if (text != null) {
                Ink.centred(g, text, line.font(), stage >= line.from() ? line.color() : Ink.PENDING, r.getCenterX(),
                        y + Ink.metrics(line.font()).getAscent());
            }
            y += Ink.line(line.font());
        }
    }

    // ---- Labels, caption, legend

    /** An arrow's tab on the left of the unit it enters: a stripe in the arrow's colour, then its lines. */
    private void tab(Graphics2D g, Scene.Arrow arrow, Rectangle2D r) {
        boolean faded = marking && !arrow.onPath;
        g.setColor(arrow.onPath ? new Color(0xFFF6C8) : faded ? new Color(0xFCFCFC) : Color.WHITE);
        g.fill(r);
        g.setColor(new Color(0xDDDDDD));
        g.setStroke(new BasicStroke(1f));
        g.draw(r);
        g.setColor(arrowColor(arrow));
        g.fill(new Rectangle2D.Double(r.getX(), r.getY() + 1, 3, r.getHeight() - 2));
        double y = r.getY() + Layout.LABEL_PAD - 1;
        for (Line line : arrow.lines) {
            String text = line.at(stage);
            double ascent = Ink.metrics(line.font()).getAscent();
            if (text != null) {
                Color color = faded ? Ink.tint(line.color(), 0.55) : line.color();
                Ink.text(g, text, line.font(), color, r.getX() + Layout.LABEL_PAD + 2, y + ascent);
            }
            y += Ink.line(line.font());
            if (line.hasBar()) {
                if (text != null) {
                    Ink.bar(g, r.getX() + Layout.LABEL_PAD + 2, y + 1, Layout.BAR_W, Layout.BAR_H, line.bar(),
                            line.value());
                }
                y += Layout.BAR_H + 3;
            }
        }
    }

    private void footer(Graphics2D g) {
        double y = layout.footerTop;
        for (String line : scene.caption) {
            y += Ink.line(Ink.BODY) + 3;
            Ink.text(g, line, Ink.BODY, Ink.TEXT, Layout.PAD, y - Ink.metrics(Ink.BODY).getDescent());
        }
        y += 6;
        for (List<Scene.Key> row : layout.legendRows) {
            y += Layout.LEGEND_ROW;
            double x = Layout.PAD;
            double mid = y - Ink.metrics(Ink.LEGEND).getAscent() / 2 + 1;
            for (Scene.Key key : row) {
                x = key(g, key, x, y, mid);
            }
        }
    }

    /** One legend entry at {@code x}, baseline {@code y}; returns where the next one starts. */
    private static double key(Graphics2D g, Scene.Key key, double x, double y, double mid) {
        switch (key.kind()) {
            case POSITIVE, NEGATIVE -> {
                g.setColor(key.kind() == Scene.Key.Kind.POSITIVE ? Ink.POSITIVE : Ink.NEGATIVE);
                g.setStroke(new BasicStroke(4));
                g.draw(new Line2D.Double(x, mid, x + 26, mid));
            }
            case BAR -> Ink.bar(g, x, mid - 3, 26, Layout.BAR_H, 0.6, 1);
            case DOT -> {
                g.setColor(Ink.POSITIVE);
                g.fill(new Ellipse2D.Double(x + 4, mid - 5, 10, 10));
                g.setColor(Ink.NEGATIVE);
                g.fill(new Ellipse2D.Double(x + 17, mid - 3.5, 7, 7));
            }
            case MARKER -> {
                g.setColor(Ink.MARKER);
                g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(x + 6, mid, x + 22, mid));
            }
            default -> {
            }
        }
        Ink.text(g, key.text(), Ink.LEGEND, Ink.TEXT, x + (key.kind() == Scene.Key.Kind.TEXT ? 0 : 32), y);
        return x + Layout.keyWidth(key);
    }
}
