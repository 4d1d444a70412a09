package org.backpropkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Require;
import org.backpropkit.data.Examples;

/**
 * How often each true class was predicted as each class: {@code count(k, m)} is the number of
 * samples of class {@code k} the network put in class {@code m}. The diagonal holds the right
 * answers; everything off it is a mistake, and where it sits says which classes get confused.
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.of(net, test);   // predicted class: the largest output
 * cm.accuracy()                                         // 0.972: right answers / samples
 * cm.count(3, 8)                                        // threes taken for eights
 * cm.image()                                            // the picture: rows true, columns predicted
 * cm.misclassified()                                    // which samples, for DigitGrid
 * }</pre>
 * The predicted class of a sample is its largest output; with a single output, class 1 when
 * {@code y ≥ 0.5}, else class 0. The true class is read from the target the same way (a one-hot row
 * has its 1 in the class's column).
 *
 * <p>The picture: right answers in blue (darker for a larger share of the row), mistakes in orange
 * (darker for more), zeros in light grey, every count written in its cell; colours a colour-blind
 * reader tells apart. Drawn with Java2D, the same matrix always gives the same pixels.
 */
public final class ConfusionMatrix {

    private static final Color BLUE = new Color(0x4E79A7);
    private static final Color ORANGE = new Color(0xF28E2B);
    private static final int MAX_CLASSES = 30;

    private final List<String> classes;
    private final int[] truth;
    private final int[] predicted;
    private final int[][] counts;

    private ConfusionMatrix(List<String> classes, int[] truth, int[] predicted) {
        this.classes = List.copyOf(classes);
        this.truth = truth;
        this.predicted = predicted;
        this.counts = new int[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
    }

    /** The confusion matrix of {@code net}'s answers on {@code data}, named by the data's classes. */
    public static ConfusionMatrix of(Network net, Examples data) {
        Require.notNull("net", net);
        Require.notNull("data", data);
        List<String> classes = data.classes().isEmpty() ? numbered(Math.max(2, data.t().cols())) : data.classes();
        return of(net.forward(data.x()).y(), data.t(), classes);
    }

    /** The confusion matrix of outputs {@code y} against targets {@code t}, one sample per row. */
    public static ConfusionMatrix of(Matrix y, Matrix t, List<String> classes) {
        Require.notNull("y", y, "give the network's outputs, one sample per row");
        Require.notNull("t", t, "give the targets, one sample per row");
        Require.notNull("classes", classes, "give one name per class");
        if (y.rows() != t.rows() || y.cols() != t.cols()) {
            throw new IllegalArgumentException("outputs y and targets t need the same shape, got y " + y.shape()
                    + " and t " + t.shape());
        }
        int n = Math.max(2, y.cols());
        if (classes.size() != n) {
            throw new IllegalArgumentException(y.cols() + (y.cols() == 1 ? " output column means " : " output columns mean ")
                    + n + " classes, got " + classes.size() + " names: " + classes);
        }
        if (n > MAX_CLASSES) {
            throw new IllegalArgumentException("a confusion matrix of " + n + " classes is too big to read; at most "
                    + MAX_CLASSES);
        }
        int[] truth = new int[y.rows()], predicted = new int[y.rows()];
        for (int i = 0; i < y.rows(); i++) {
            truth[i] = Plot.classOf(t.row(i));
            predicted[i] = Plot.classOf(y.row(i));
        }
        return new ConfusionMatrix(classes, truth, predicted);
    }

    private static List<String> numbered(int n) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            names.add(Integer.toString(k));
        }
        return names;
    }

    // ---- Reading

    /** The class names, in the order of the rows and columns. */
    public List<String> classes() {
        return classes;
    }

    /** The number of samples of true class {@code trueClass} predicted as {@code predictedClass} (both from 0). */
    public int count(int trueClass, int predictedClass) {
        checkClass("true class", trueClass);
        checkClass("predicted class", predictedClass);
        return counts[trueClass][predictedClass];
    }

    /** The number of samples. */
    public int total() {
        return truth.length;
    }

    /** The number of right answers: the sum of the diagonal. */
    public int correct() {
        int right = 0;
        for (int k = 0; k < counts.length; k++) {
            right += counts[k][k];
        }
        return right;
    }

    /** The share of right answers, {@code correct() / total()}. */
    public double accuracy() {
        return (double) correct() / total();
    }

    /** The true class of each sample, in data order. */
    public int[] truth() {
        return truth.clone();
    }

    /** The predicted class of each sample, in data order. */
    public int[] predicted() {
        return predicted.clone();
    }

    /** The indices (from 0, in data order) of the samples whose predicted class is not their true class. */
    public int[] misclassified() {
        int[] wrong = new int[total() - correct()];
        for (int i = 0, k = 0; i < truth.length; i++) {
            if (truth[i] != predicted[i]) {
                wrong[k++] = i;
            }
        }
        return wrong;
    }

    private void checkClass(String what, int k) {
        if (k < 0 || k >= classes.size()) {
            throw new IllegalArgumentException(what + " " + k + " does not exist: classes count from 0 to "
                    + (classes.size() - 1) + " (" + String.join(", ", classes) + ")");
        }
    }

    /** The counts as text: rows true classes, columns predicted classes. */
    @Override
    public String toString() {
        int width = 4;
        for (String c : classes) {
            width = Math.max(width, c.length() + 1);
        }
        StringBuilder s = new StringBuilder(summary()).append("\ntrue \\ predicted\n").append(" ".repeat(width));
        for (String c : classes) {
            s.append(pad(c, width));
        }
        for (int k = 0; k < counts.length; k++) {
            s.append('\n').append(pad(classes.get(k), width));
            for (int m = 0; m < counts.length; m++) {
                s.append(pad(Integer.toString(counts[k][m]), width));
            }
        }
        return s.append('\n').toString();
    }

    private String summary() {
        return correct() + " of " + total() + " right (" + String.format(Locale.ROOT, "%.1f", 100 * accuracy()) + " %)";
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    // ---- Picture

    /** The matrix drawn: true classes down the side, predicted classes along the top, every count in its cell. */
    public BufferedImage image() {
        int n = classes.size();
        int cell = n <= 10 ? 46 : Math.max(24, 460 / n);
        int left = 110, top = 92, right = 24, bottom = 24;
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 17);
        String title = "Confusion matrix: " + summary();
        int width = Math.max(left + n * cell + right, 12 + Drawing.textWidth(titleFont, title) + 12);
        BufferedImage image = Drawing.canvas(width, top + n * cell + bottom);
        Graphics2D g = image.createGraphics();
        Drawing.smooth(g);
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(title, 12, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        Drawing.centred(g, "predicted class", left + n * cell / 2.0, 54);
        AffineTransform straight = g.getTransform();
        g.rotate(-Math.PI / 2);
        Drawing.centred(g, "true class", -(top + n * cell / 2.0), 34);
        g.setTransform(straight);
        Font names = new Font(Font.SANS_SERIF, Font.PLAIN, n <= 10 ? 15 : 12);
        Font numbers = new Font(Font.SANS_SERIF, Font.PLAIN, n <= 10 ? 15 : 11);
        int mostWrong = 1;
        for (int k = 0; k < n; k++) {
            for (int m = 0; m < n; m++) {
                mostWrong = k == m ? mostWrong : Math.max(mostWrong, counts[k][m]);
            }
        }
        for (int k = 0; k < n; k++) {
            g.setFont(names);
            g.setColor(Color.BLACK);
            Drawing.centred(g, classes.get(k), left + (k + 0.5) * cell, top - 10);
            Drawing.rightAligned(g, classes.get(k), left - 8, top + (k + 0.5) * cell);
            int rowTotal = 0;
            for (int m = 0; m < n; m++) {
                rowTotal += counts[k][m];
            }
            for (int m = 0; m < n; m++) {
                int c = counts[k][m];
                Color fill = c == 0 ? Color.WHITE
                        : k == m ? Style.tint(BLUE, 0.75 * (1 - (double) c / Math.max(1, rowTotal)))
                        : Style.tint(ORANGE, 0.7 * (1 - (double) c / mostWrong));
                g.setColor(fill);
                g.fillRect(left + m * cell, top + k * cell, cell, cell);
                g.setColor(c == 0 ? new Color(0xB0B0B0) : Drawing.textOn(fill));
                g.setFont(numbers);
                Drawing.centred(g, Integer.toString(c), left + (m + 0.5) * cell, top + (k + 0.5) * cell);
            }
        }
        g.setColor(new Color(0xD0D0D0));
        g.setStroke(new BasicStroke(1f));
        for (int k = 0; k <= n; k++) {
            g.drawLine(left, top + k * cell, left + n * cell, top + k * cell);
            g.drawLine(left + k * cell, top, left + k * cell, top + n * cell);
        }
        g.dispose();
        return image;
    }
}
