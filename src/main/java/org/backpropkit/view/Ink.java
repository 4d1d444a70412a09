package org.backpropkit.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The pictures' colours, fonts and number format, in one place.
 *
 * <p>Sign is colour, size is thickness or length: blue for positive, orange for negative (a pair that
 * stays apart for the common red–green colour blindnesses and in grey print), a yellow marker for the
 * chain rule's paths, greys for everything structural. Fonts are the JDK's logical {@code SansSerif}
 * (DejaVu Sans on Debian), which has the subscripts, superscripts and Greek letters the notation needs.
 */
final class Ink {

    static final Color POSITIVE = new Color(0x2166AC);
    static final Color NEGATIVE = new Color(0xE66101);
    static final Color MARKER = new Color(255, 214, 0, 150);
    static final Color TEXT = new Color(0x222222);
    static final Color MUTED = new Color(0x6B6B6B);
    static final Color FAINT = new Color(0xC8C8C8);
    static final Color BOX = new Color(0xF4F4F4);
    static final Color BOX_EDGE = new Color(0x9A9A9A);
    static final Color PENDING = new Color(0xB0B0B0);

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font UNIT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font BODY = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** Measures text as the PNG will draw it (antialiased, fractional metrics), without a screen. */
    private static final Graphics2D MEASURE;

    static {
        MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        MEASURE.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        MEASURE.setRenderingHint(java.awt.RenderingHints.KEY_FRACTIONALMETRICS,
                java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    private Ink() {
    }

    /** Blue for a positive value, orange for a negative one, grey for zero. */
    static Color sign(double v) {
        return v > 0 ? POSITIVE : v < 0 ? NEGATIVE : MUTED;
    }

    /** {@code c} mixed with white: {@code white} = 0 keeps it, 1 gives white. */
    static Color tint(Color c, double white) {
        return new Color((int) Math.round(c.getRed() + white * (255 - c.getRed())),
                (int) Math.round(c.getGreen() + white * (255 - c.getGreen())),
                (int) Math.round(c.getBlue() + white * (255 - c.getBlue())));
    }

    static synchronized double width(String text, Font font) {
        return MEASURE.getFontMetrics(font).getStringBounds(text, MEASURE).getWidth();
    }

    static synchronized FontMetrics metrics(Font font) {
        return MEASURE.getFontMetrics(font);
    }

    /** The height of one line of {@code font}. */
    static double line(Font font) {
        FontMetrics m = metrics(font);
        return m.getAscent() + m.getDescent();
    }

    /**
     * A number as the pictures print it: four significant digits, trailing zeros dropped, a true minus
     * sign, e.g. {@code 0.6011}, {@code −0.003123}, {@code 0.1}, {@code 2.5e−5}.
     */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double abs = Math.abs(v);
        String s;
        if (abs >= 1e-3 && abs < 1e5) {
            s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains(".")) {
                s = s.replaceFirst("0+$", "");
                s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
            }
        } else {
            s = String.format(Locale.ROOT, "%.3e", v).replaceFirst("\\.?0*e", "e").replace("e+0", "e").replace("e-0", "e-")
                    .replace("e+", "e");
        }
        return s.replace('-', '−');
    }

    /** Draws {@code text} with its left end at {@code x} and its baseline at {@code y}. */
    static void text(Graphics2D g, String text, Font font, Color color, double x, double y) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, (float) x, (float) y);
    }

    /** Draws {@code text} centred on {@code cx}, its baseline at {@code y}. */
    static void centred(Graphics2D g, String text, Font font, Color color, double cx, double y) {
        text(g, text, font, color, cx - width(text, font) / 2, y);
    }

    /** A rounded box, filled and outlined. */
    static void box(Graphics2D g, double x, double y, double w, double h, double radius, Color fill, Color edge,
            float stroke) {
        RoundRectangle2D r = new RoundRectangle2D.Double(x, y, w, h, radius, radius);
        g.setColor(fill);
        g.fill(r);
        if (edge != null) {
            g.setColor(edge);
            g.setStroke(new BasicStroke(stroke));
            g.draw(r);
        }
    }

    /**
     * A bar for a size at a glance: {@code fraction} (0 … 1) of {@code w} filled in the sign's colour,
     * on a faint track.
     */
    static void bar(Graphics2D g, double x, double y, double w, double h, double fraction, double value) {
        g.setColor(new Color(0xE6E6E6));
        g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
        double f = Math.max(0, Math.min(1, fraction));
        if (f > 0) {
            g.setColor(sign(value));
            g.fill(new java.awt.geom.Rectangle2D.Double(x, y, Math.max(1.5, f * w), h));
        }
    }

    /** The stroke of an arrow whose size is {@code fraction} (0 … 1) of the largest in the picture. */
    static BasicStroke thickness(double fraction, double thinnest, double thickest) {
        double f = Math.max(0, Math.min(1, fraction));
        return new BasicStroke((float) (thinnest + f * (thickest - thinnest)), BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_ROUND);
    }
}
