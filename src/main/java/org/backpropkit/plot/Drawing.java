package org.backpropkit.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Small Java2D helpers the kit's hand-drawn pictures share (the confusion matrix, the digit grid):
 * a white canvas, smooth shapes and text, text placed by its centre, and a text colour that stays
 * readable on a given fill. Java2D draws the same pixels for the same calls, so pictures are
 * deterministic.
 */
final class Drawing {

    private Drawing() {
    }

    /** A white RGB image of this size. */
    static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** The width in pixels of {@code text} in {@code font}, as {@link #smooth} drawing sets it. */
    static int textWidth(Font font, String text) {
        Graphics2D g = canvas(1, 1).createGraphics();
        smooth(g);
        int width = g.getFontMetrics(font).stringWidth(text);
        g.dispose();
        return width;
    }

    /** Anti-aliased shapes and text. */
    static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Draws {@code text} with its centre at ({@code x}, {@code y}) in the current font and colour. */
    static void centred(Graphics2D g, String text, double x, double y) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (x - m.stringWidth(text) / 2.0), (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
    }

    /** Draws {@code text} ending at {@code x}, centred vertically on {@code y}. */
    static void rightAligned(Graphics2D g, String text, double x, double y) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (x - m.stringWidth(text)), (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
    }

    /** Black on light fills, white on dark ones (by relative luminance, as WCAG measures contrast). */
    static Color textOn(Color fill) {
        double luminance = (0.2126 * linear(fill.getRed()) + 0.7152 * linear(fill.getGreen())
                + 0.0722 * linear(fill.getBlue()));
        // contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal at L ≈ 0.179
        return luminance > 0.179 ? Color.BLACK : Color.WHITE;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
