package org.backpropkit.view;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * One frame of a {@link Watch}: up to four panels on one image, each drawn when there is something
 * to put in it — the loss curves (training, and held-out when given), the chosen weights over the
 * epochs, the network with the current size of every gradient, and a 2-D classifier's decision
 * regions. An immutable snapshot: the charts and the network picture were made from copies.
 */
final class Dashboard implements Drawing {

    static final int WIDTH = 980;
    private static final double HEADER = 58;
    private static final double PANEL_H = 310;
    private static final double GAP = 14;

    /** The height of a frame: two rows of panels, the second short when it holds only gradient bars. */
    static int height(boolean bars, int layers) {
        return (int) (HEADER + PANEL_H + GAP + (bars ? barsHeight(layers) : PANEL_H) + Layout.PAD);
    }

    private static double barsHeight(int layers) {
        return 58 + 34 * layers;
    }

    private final String title;
    private final String subtitle;
    private final XYChart loss;
    private final XYChart weights;
    private final NetworkPicture network;
    private final List<String> normNames;
    private final double[] norms;
    private final XYChart regions;

    /**
     * {@code network} is a bare picture of the gradients, or null for a network too wide to draw: then
     * {@code normNames} and {@code norms} give each layer's {@code ‖∇w⁽ˡ⁾‖}.
     */
    Dashboard(String title, String subtitle, XYChart loss, XYChart weights, NetworkPicture network,
            List<String> normNames, double[] norms, XYChart regions) {
        this.title = title;
        this.subtitle = subtitle;
        this.loss = loss;
        this.weights = weights;
        this.network = network;
        this.normNames = normNames;
        this.norms = norms;
        this.regions = regions;
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return height(network == null, norms == null ? 0 : norms.length);
    }

    @Override
    public void paint(Graphics2D g) {
        Ink.text(g, title, Ink.TITLE, Ink.TEXT, Layout.PAD, Layout.PAD + Ink.metrics(Ink.TITLE).getAscent());
        Ink.text(g, subtitle, Ink.SUBTITLE, Ink.MUTED, Layout.PAD, Layout.PAD + Ink.line(Ink.TITLE) + 16);
        double half = (WIDTH - 2 * Layout.PAD - GAP) / 2, left = Layout.PAD, right = left + half + GAP;
        double top = HEADER, bottom = HEADER + PANEL_H + GAP;
        if (weights != null) {
            chart(g, loss, new Rectangle2D.Double(left, top, half, PANEL_H));
            chart(g, weights, new Rectangle2D.Double(right, top, half, PANEL_H));
        } else {
            chart(g, loss, new Rectangle2D.Double(left, top, WIDTH - 2 * Layout.PAD, PANEL_H));
        }
        double h = network == null ? barsHeight(norms.length) : PANEL_H;
        Rectangle2D networkPanel = regions != null ? new Rectangle2D.Double(left, bottom, half, h)
                : new Rectangle2D.Double(left, bottom, WIDTH - 2 * Layout.PAD, h);
        if (network != null) {
            picture(g, networkPanel);
        } else {
            norms(g, networkPanel);
        }
        if (regions != null) {
            chart(g, regions, new Rectangle2D.Double(right, bottom, half, PANEL_H));
        }
    }

    private static void chart(Graphics2D g, XYChart chart, Rectangle2D r) {
        Graphics2D c = (Graphics2D) g.create();
        try {
            c.translate(r.getX(), r.getY());
            c.clip(new Rectangle2D.Double(0, 0, r.getWidth(), r.getHeight()));
            chart.paint(c, (int) r.getWidth(), (int) r.getHeight());
        } finally {
            c.dispose();
        }
    }

    /** The network panel: a title like the charts', the picture scaled down only if it must be. */
    private void picture(Graphics2D g, Rectangle2D r) {
        panelTitle(g, "∂L/∂w now: thickness = size, blue +, orange −", r);
        double top = r.getY() + 34, h = r.getHeight() - 40;
        double scale = Math.min(1, Math.min(r.getWidth() / network.width(), h / network.height()));
        Graphics2D c = (Graphics2D) g.create();
        try {
            c.translate(r.getCenterX() - network.width() * scale / 2, top + (h - network.height() * scale) / 2);
            c.scale(scale, scale);
            network.paint(c);
        } finally {
            c.dispose();
        }
    }

    /** For a wide network: each layer's gradient size as a bar, the largest full. */
    private void norms(Graphics2D g, Rectangle2D r) {
        panelTitle(g, "Gradient size by layer, ‖∇w⁽ˡ⁾‖ (the largest bar is full)", r);
        double max = 0;
        for (double n : norms) {
            max = Math.max(max, n);
        }
        double y = r.getY() + 44, barX = r.getX() + 90, barW = r.getWidth() - 200;
        for (int l = 0; l < norms.length; l++) {
            Ink.text(g, normNames.get(l), Ink.BODY, Ink.TEXT, r.getX() + 14, y + 12);
            Ink.bar(g, barX, y, barW, 14, max > 0 ? norms[l] / max : 0, 1);
            Ink.text(g, Ink.number(norms[l]), Ink.BODY, Ink.TEXT, barX + barW + 10, y + 12);
            y += 34;
        }
    }

    private static void panelTitle(Graphics2D g, String text, Rectangle2D r) {
        g.setColor(new Color(0xE0E0E0));
        g.draw(r);
        Ink.centred(g, text, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 15), Ink.TEXT,
                r.getCenterX(), r.getY() + 24);
    }

    /** The panels drawn, by name ({@code loss}, {@code weights}, {@code network}, {@code regions}), for tests. */
    Map<String, ?> panels() {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("loss", loss);
        if (weights != null) {
            p.put("weights", weights);
        }
        p.put("network", network != null ? network : "norms");
        if (regions != null) {
            p.put("regions", regions);
        }
        return p;
    }

    @Override
    public String toString() {
        return title + "\n" + subtitle;
    }
}
