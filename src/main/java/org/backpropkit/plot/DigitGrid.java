package org.backpropkit.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Require;
import org.backpropkit.data.Examples;

/**
 * Samples that are small square images (the 8×8 digits: 64 pixels per row of {@code x}, row by
 * row) drawn side by side, each with its label, and the network's answer when there is one.
 * <pre>{@code
 * DigitGrid.samples(digits, 20)            // the first 20 digits and their labels
 * ConfusionMatrix cm = ConfusionMatrix.of(net, scaledTest);
 * DigitGrid.misclassified(cm, test)        // every digit the network got wrong: true and predicted class
 * }</pre>
 * Pixels are drawn as blocks in grey from white (the smallest value in {@code x}) to black (the
 * largest), so draw the raw pixels (or pixels divided by 16); standardised inputs, shifted and
 * scaled column by column, would draw as noise. Ten images to a row, at most {@value #MAX_IMAGES}
 * in all. The same samples always give the same pixels.
 */
public final class DigitGrid {

    /** The most images one grid shows. */
    public static final int MAX_IMAGES = 60;

    private static final int PER_ROW = 10;
    private static final int BLOCK = 8;
    private static final Color BLUE = new Color(0x4E79A7);
    private static final Color ORANGE = new Color(0xD9731A); // Tableau's orange, darkened to read as text

    private DigitGrid() {
    }

    /** The first {@code count} samples of {@code data} with their labels. */
    public static BufferedImage samples(Examples data, int count) {
        Require.notNull("data", data);
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        int n = Math.min(count, data.size());
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        int[] truth = truth(data);
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = data.classes().isEmpty() ? "" : data.classes().get(truth[i]);
        }
        return draw(data.x(), rows, labels, null, "The first " + n + " of " + data.size() + " samples of " + data.name()
                + " with their labels");
    }

    /**
     * Every sample the confusion matrix counts as a mistake (the first {@value #MAX_IMAGES} if there
     * are more), drawn from {@code pixels}: each with its true class, and the network's answer in
     * orange. {@code pixels} are the same samples in the same order as the matrix's, before any
     * scaling, so the network may have seen them scaled or standardised.
     */
    public static BufferedImage misclassified(ConfusionMatrix cm, Examples pixels) {
        Require.notNull("the confusion matrix cm", cm);
        Require.notNull("pixels", pixels);
        if (pixels.size() != cm.total()) {
            throw new IllegalArgumentException("the confusion matrix counts " + cm.total() + " samples but " + pixels.name()
                    + " has " + pixels.size() + "; give the same samples in the same order");
        }
        int[] wrong = cm.misclassified();
        int[] truth = cm.truth(), predicted = cm.predicted();
        int n = Math.min(wrong.length, MAX_IMAGES);
        String[] labels = new String[n], answers = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = "true " + cm.classes().get(truth[wrong[i]]);
            answers[i] = "net " + cm.classes().get(predicted[wrong[i]]);
        }
        String title = wrong.length == 0 ? "No mistakes: the network gets all " + cm.total() + " samples right"
                : wrong.length + " of " + cm.total() + " samples misclassified"
                        + (wrong.length > n ? " (the first " + n + " shown)" : "") + ": true class, the network's answer";
        return draw(pixels.x(), Arrays.copyOf(wrong, n), labels, answers, title);
    }

    /**
     * Draws rows {@code rows} of {@code x} as square images, each with {@code labels[i]} under it and,
     * if {@code answers} is given, {@code answers[i]} under that in orange.
     */
    public static BufferedImage draw(Matrix x, int[] rows, String[] labels, String[] answers, String title) {
        Require.notNull("x", x);
        Require.notNull("rows", rows);
        Require.noNulls("labels", labels);
        Require.notNull("title", title);
        int side = (int) Math.round(Math.sqrt(x.cols()));
        if (side * side != x.cols()) {
            throw new IllegalArgumentException("each sample must be a square image, e.g. 64 pixels for 8×8; x has "
                    + x.cols() + " columns");
        }
        if (rows.length > MAX_IMAGES || labels.length != rows.length || answers != null && answers.length != rows.length) {
            throw new IllegalArgumentException("give at most " + MAX_IMAGES + " samples and one label (and answer) for "
                    + "each: got " + rows.length + " samples, " + labels.length + " labels"
                    + (answers == null ? "" : ", " + answers.length + " answers"));
        }
        double[] range = range(x);
        int size = side * BLOCK, cellW = Math.max(size, 64) + 20, cellH = size + (answers == null ? 30 : 50);
        int columns = Math.max(1, Math.min(PER_ROW, rows.length));
        int lines = (rows.length + PER_ROW - 1) / PER_ROW;
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        int width = Math.max(columns * cellW + 24, 12 + Drawing.textWidth(titleFont, title) + 12);
        BufferedImage image = Drawing.canvas(width, 42 + lines * cellH + 6);
        Graphics2D g = image.createGraphics();
        Drawing.smooth(g);
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(title, 12, 26);
        for (int k = 0; k < rows.length; k++) {
            int left = 12 + (k % PER_ROW) * cellW + (cellW - size) / 2, top = 42 + (k / PER_ROW) * cellH;
            double[] pixels = x.row(rows[k]);
            for (int p = 0; p < pixels.length; p++) {
                int grey = (int) Math.round(255 * (1 - (pixels[p] - range[0]) / (range[1] - range[0])));
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(left + (p % side) * BLOCK, top + (p / side) * BLOCK, BLOCK, BLOCK);
            }
            g.setColor(new Color(0xC0C0C0));
            g.drawRect(left, top, size - 1, size - 1);
            double centre = left + size / 2.0;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.setColor(answers == null ? Color.BLACK : BLUE);
            Drawing.centred(g, labels[k], centre, top + size + 14);
            if (answers != null) {
                g.setColor(ORANGE);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                Drawing.centred(g, answers[k], centre, top + size + 33);
            }
        }
        g.dispose();
        return image;
    }

    /** The smallest and largest value of {@code x} (a blank {@code x} draws white). */
    private static double[] range(Matrix x) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.rows(); i++) {
            for (double v : x.row(i)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, Math.max(hi, lo + 1e-12)};
    }

    private static int[] truth(Examples data) {
        int[] truth = new int[data.size()];
        Matrix t = data.t();
        for (int i = 0; i < truth.length; i++) {
            truth[i] = Plot.classOf(t.row(i));
        }
        return truth;
    }
}
