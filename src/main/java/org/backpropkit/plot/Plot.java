package org.backpropkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Format;
import org.backpropkit.core.Interrupted;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.backpropkit.core.Require;
import org.backpropkit.data.AtomicFiles;
import org.backpropkit.data.Examples;
import org.backpropkit.train.History;
import org.backpropkit.train.Trainer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts that make training visible, each one call that returns a plain XChart
 * {@link XYChart} (a notebook shows it as a PNG; {@link #save} writes it to a file):
 * <pre>{@code
 * Plot.loss(run1, run2, run3)                     // loss curves, one per run, labelled by η
 * Plot.loss(Scale.LOG, run)                       // the same on a log scale
 * Plot.weights(run)                               // tracked weights over epochs: w₁₁, u₂₁, …
 * Plot.lossCurves(Scale.LOG, Map.of("training", l)) // losses recorded by hand (Watch does this live)
 * Plot.activations()                              // σ, tanh, ReLU and their derivatives
 * Plot.lossSurface(net, x, t, run, "w11", "u21")  // loss over two weights, with the descent path
 * Plot.descent(net, x, t, "w11", "u21", 2, 50)     // descent on those two weights alone, exact path
 * Plot.descent(Scale.EQUAL, net, x, t, "w11", "u21", 2, 50)  // the same with one unit as long on both axes
 * Plot.decisionBoundary(net, moons)               // a 2-D classifier's regions and the data
 * }</pre>
 * Every chart is 700 × 450 pixels with a title, labelled axes, a legend when it has more than one
 * series, and fonts sized for a notebook; it is drawn from a fixed palette, so the same input
 * gives the same image. Data are one sample ({@code double[] x, t}) or a batch ({@code Matrix x, t},
 * one sample per row, its mean loss); weights are named as the network reads them ({@code "w11"},
 * {@code "w₁₁"}) and labelled as the article prints them ({@link Parameter#symbol()}).
 *
 * <p>The loops that can take long (a loss surface's grid, a descent's steps) stop when the thread is
 * interrupted (the kernel's Interrupt button), with an {@link Interrupted} that says how far they got.
 */
public final class Plot {

    private static final int GRID = 61;
    /**
     * The most steps {@link #descent} draws: a path of this many points already has over a hundred times
     * more points than the chart has pixels across.
     */
    public static final int MAX_STEPS = 100_000;

    private Plot() {
    }

    // ---- Loss curves

    /** The loss over epochs of one or more runs, each labelled by its learning rate. */
    public static XYChart loss(History... runs) {
        return loss(Scale.LINEAR, runs);
    }

    /** The loss over epochs of one or more runs on a linear or logarithmic loss axis. */
    public static XYChart loss(Scale scale, History... runs) {
        Require.notNull("scale", scale, "give Scale.LINEAR or Scale.LOG");
        Require.noNulls("the runs", runs);
        if (runs.length == 0) {
            throw new IllegalArgumentException("give at least one History to plot");
        }
        Map<String, History> labelled = new LinkedHashMap<>();
        for (int k = 0; k < runs.length; k++) {
            String label = "η = " + Format.number(runs[k].eta());
            labelled.put(labelled.containsKey(label) || countEta(runs, runs[k].eta()) > 1
                    ? "run " + (k + 1) + ", " + label : label, runs[k]);
        }
        return loss(scale, labelled);
    }

    /** The loss over epochs of runs labelled as in the map, in the map's order. */
    public static XYChart loss(Map<String, History> runs) {
        return loss(Scale.LINEAR, runs);
    }

    /** The loss over epochs of labelled runs, on a linear or logarithmic loss axis. */
    public static XYChart loss(Scale scale, Map<String, History> runs) {
        Require.notNull("scale", scale, "give Scale.LINEAR or Scale.LOG");
        Require.notNull("runs", runs);
        runs.forEach((label, run) -> Require.notNull("the run labelled '" + label + "'", run));
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("give at least one History to plot");
        }
        Map<String, double[]> curves = new LinkedHashMap<>();
        int longest = 0;
        for (Map.Entry<String, History> run : runs.entrySet()) {
            curves.put(run.getKey(), run.getValue().loss());
            longest = Math.max(longest, run.getValue().loss().length);
        }
        return lossCurves(scale, epochs(longest), curves);
    }

    /**
     * Loss values over epochs, one labelled curve per entry in the map's order; entry {@code e} of
     * each array is the loss after epoch {@code e} (0 = before training). For losses recorded while a
     * run goes, e.g. {@code "training"} and {@code "held-out"}.
     */
    public static XYChart lossCurves(Scale scale, Map<String, double[]> curves) {
        Require.notNull("scale", scale, "give Scale.LINEAR or Scale.LOG");
        Require.notNull("curves", curves, "give the loss values by label, e.g. Map.of(\"training\", losses)");
        curves.forEach((label, values) -> Require.notNull("the loss curve '" + label + "'", values));
        int longest = curves.values().stream().mapToInt(c -> c.length).max().orElse(0);
        return lossCurves(scale, epochs(longest), curves);
    }

    /**
     * Loss values at the given epochs (entry {@code k} of each curve belongs to {@code epochs[k]}), e.g.
     * every tenth epoch of a long run, so that a chart of a small panel does not draw 20,000 points.
     */
    public static XYChart lossCurves(Scale scale, double[] epochs, Map<String, double[]> curves) {
        Require.notNull("scale", scale, "give Scale.LINEAR or Scale.LOG");
        Require.notNull("epochs", epochs);
        Require.notNull("curves", curves, "give the loss values by label, e.g. Map.of(\"training\", losses)");
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("give at least one loss curve to plot");
        }
        if (scale == Scale.EQUAL) {
            throw new IllegalArgumentException("Scale.EQUAL is for two weights (lossSurface, descent); a loss axis is "
                    + "Scale.LINEAR or Scale.LOG");
        }
        String title = curves.size() == 1 ? "Loss during training (" + curves.keySet().iterator().next() + ")"
                : "Loss during training";
        XYChart chart = Style.chart(title, "epoch", scale == Scale.LOG ? "loss L (log scale)" : "loss L");
        List<String> notes = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            Require.notNull("the loss curve '" + curve.getKey() + "'", curve.getValue());
            if (curve.getValue().length == 0) {
                throw new IllegalArgumentException("the loss curve '" + curve.getKey() + "' is empty");
            }
            if (curve.getValue().length > epochs.length) {
                throw new IllegalArgumentException("the loss curve '" + curve.getKey() + "' has " + curve.getValue().length
                        + " values but there are " + epochs.length + " epochs");
            }
            double[] loss = Style.gaps(curve.getKey(), "loss", "epoch", epochs, curve.getValue(), notes);
            if (scale == Scale.LOG) {
                for (int e = 0; e < loss.length; e++) {
                    if (loss[e] <= 0) {
                        throw new IllegalArgumentException("a log scale needs losses above 0, but '" + curve.getKey()
                                + "' has loss " + loss[e] + " at epoch " + Format.number(epochs[e]) + "; use Scale.LINEAR");
                    }
                }
            }
            Style.line(chart, curve.getKey(), Arrays.copyOf(epochs, loss.length), loss,
                    Style.PALETTE[k++ % Style.PALETTE.length], 2f);
        }
        Style.niceEpochTicks(chart);
        Style.noteGaps(chart, notes);
        if (scale == Scale.LOG) {
            Axes.logY(chart);
        } else {
            chart.getStyler().setYAxisDecimalPattern("0.####");
        }
        return Style.finish(chart);
    }

    private static long countEta(History[] runs, double eta) {
        return Arrays.stream(runs).filter(h -> h.eta() == eta).count();
    }

    // ---- Weight trajectories

    /**
     * The tracked weights of a run over epochs, one line each, named as the article writes them
     * ({@code w₁₁}, {@code u₂₁}); all tracked weights unless some are named.
     */
    public static XYChart weights(History run, String... names) {
        Require.notNull("run", run, "give the History a Trainer returned");
        Require.noNulls("the names", names);
        List<Parameter> chosen = new ArrayList<>(run.tracked());
        if (names.length > 0) {
            chosen.clear();
            for (String name : names) {
                chosen.add(run.tracked(name));
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("this run tracked no weights; train with "
                    + "Trainer.sgd(η).track(\"w11\", \"u21\")… to record them");
        }
        Map<Parameter, double[]> paths = new LinkedHashMap<>();
        for (Parameter p : chosen) {
            paths.put(p, run.trajectory(p));
        }
        XYChart chart = weightCurves(paths);
        chart.setTitle("Weights during training (η = " + Format.number(run.eta()) + ")");
        return chart;
    }

    /**
     * Weight values over epochs, one line per parameter, named as the article writes them
     * ({@code w₁₁}); entry {@code e} of each array is the value after epoch {@code e}.
     */
    public static XYChart weightCurves(Map<Parameter, double[]> paths) {
        Require.notNull("paths", paths, "give each parameter's values, e.g. Map.of(p, values)");
        paths.forEach((p, values) -> Require.notNull("the values of " + p, values));
        int longest = paths.values().stream().mapToInt(c -> c.length).max().orElse(0);
        return weightCurves(epochs(longest), paths);
    }

    /** Weight values at the given epochs (entry {@code k} of each array belongs to {@code epochs[k]}). */
    public static XYChart weightCurves(double[] epochs, Map<Parameter, double[]> paths) {
        Require.notNull("epochs", epochs);
        Require.notNull("paths", paths, "give each parameter's values, e.g. Map.of(p, values)");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("give at least one weight's values to plot");
        }
        List<Parameter> names = new ArrayList<>(paths.keySet());
        String y = names.size() == 1 ? names.get(0).symbol() : "weight value";
        XYChart chart = Style.chart("Weights during training", "epoch", y);
        List<String> notes = new ArrayList<>();
        int k = 0;
        for (Parameter p : names) {
            double[] path = Require.notNull("the values of " + p.symbol(), paths.get(p));
            if (path.length > epochs.length) {
                throw new IllegalArgumentException("the values of " + p.symbol() + " are " + path.length
                        + ", but there are " + epochs.length + " epochs");
            }
            path = Style.gaps(p.symbol(), "value", "epoch", epochs, path, notes);
            Style.line(chart, p.symbol(), Arrays.copyOf(epochs, path.length), path,
                    Style.PALETTE[k++ % Style.PALETTE.length], 2f);
        }
        Style.niceEpochTicks(chart);
        Style.noteGaps(chart, notes);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17)); // subscript glyphs are small
        return Style.finish(chart);
    }

    // ---- Activation functions

    /** The sigmoid, tanh and ReLU (solid) with their derivatives (dashed). */
    public static XYChart activations() {
        return activations(Activation.SIGMOID, Activation.TANH, Activation.RELU);
    }

    /**
     * These activation functions {@code f(a)} (solid) and their derivatives {@code f′(a)} (dashed). The
     * value axis fits the curves drawn (so σ′, which never exceeds ¼, is not flattened when σ is drawn
     * alone), but runs from −1.2 to 2 at most: ReLU, which grows without bound, leaves through the top.
     */
    public static XYChart activations(Activation... functions) {
        Require.noNulls("the activations", functions);
        if (functions.length == 0) {
            throw new IllegalArgumentException("name at least one activation, e.g. Activation.SIGMOID");
        }
        XYChart chart = Style.chart("Activations f(a) (solid) and derivatives f′(a) (dashed)", "a", "f(a), f′(a)");
        // a from −4 to 4, with 0 split into 0⁻ and 0⁺ so a kink (ReLU′) shows as a vertical step.
        int half = 160;
        double[] a = new double[2 * half + 2];
        for (int i = 0; i <= half; i++) {
            a[i] = -4 + 4.0 * i / half;
            a[a.length - 1 - i] = 4 - 4.0 * i / half;
        }
        a[half] = -1e-12;
        a[half + 1] = 1e-12;
        int k = 0;
        double low = 0, high = 0;
        for (Activation f : functions) {
            if (f == Activation.SOFTMAX) {
                throw new IllegalArgumentException("softmax mixes a whole row of units, so it has no curve f(a); "
                        + "plot SIGMOID, TANH, RELU or IDENTITY");
            }
            double[] h = new double[a.length];
            double[] slope = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                h[i] = f.apply(a[i]);
                slope[i] = f.derivative(a[i], h[i]);
                low = Math.min(low, Math.min(h[i], slope[i]));
                high = Math.max(high, Math.max(h[i], slope[i]));
            }
            Color color = Style.PALETTE[k++ % Style.PALETTE.length];
            Style.line(chart, f.symbol() + "(a)", a, h, color, 2.5f);
            double[][] dashes = dashed(a, slope, half);
            XYSeries d = Style.line(chart, f.symbol() + "′(a)", dashes[0], dashes[1], color, 2f);
            d.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        }
        double margin = 0.05 * (high - low);
        chart.getStyler().setYAxisMin(Math.max(-1.2, low - margin)).setYAxisMax(Math.min(2.0, high + margin));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        return Style.finish(chart);
    }

    /**
     * A curve cut into dashes by NaN gaps, a dash starting at index {@code start}. XChart strokes each segment of a series separately, so a
     * dashed stroke on a finely sampled curve would look solid; the legend still shows the stroke.
     */
    private static double[][] dashed(double[] x, double[] y, int start) {
        int on = 6, off = 3, period = on + off;
        int phase = (period - start % period) % period; // a dash begins at index start, so a kink there shows
        List<Double> dx = new ArrayList<>(), dy = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            int p = (i + phase) % period;
            if (p < on) {
                dx.add(x[i]);
                dy.add(y[i]);
            } else if (p == on) {
                dx.add(Double.NaN);
                dy.add(Double.NaN);
            }
        }
        return new double[][] {dx.stream().mapToDouble(Double::doubleValue).toArray(),
            dy.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    // ---- Loss surface

    /**
     * The loss {@code L} of one sample over a 2-D slice through weight space: weights {@code p} and
     * {@code q} vary over a grid, every other weight stays at its value in {@code net} now. Drawn as
     * contour lines (colour legend: dark = low loss), centred on the current values, which a black
     * cross marks ("now").
     */
    public static XYChart lossSurface(Network net, double[] x, double[] t, String p, String q) {
        Require.notNull("net", net);
        return lossSurface(net, Require.sample("x", x), Require.sample("t", t), p, q);
    }

    /** The same for the mean loss of a batch, one sample per row. */
    public static XYChart lossSurface(Network net, Matrix x, Matrix t, String p, String q) {
        return lossSurface(Scale.LINEAR, net, x, t, p, q);
    }

    /**
     * The loss surface of one sample with a choice of axes: {@link Scale#LINEAR} fits each axis to the
     * picture (as the call without a scale), {@link Scale#EQUAL} gives one unit of either weight the same
     * length on the screen, so that angles are drawn true — a descent path then leaves the start at a
     * right angle to the contour lines, as the gradient does.
     */
    public static XYChart lossSurface(Scale scale, Network net, double[] x, double[] t, String p, String q) {
        Require.notNull("net", net);
        return lossSurface(scale, net, Require.sample("x", x), Require.sample("t", t), p, q);
    }

    /** The same for the mean loss of a batch, one sample per row. */
    public static XYChart lossSurface(Scale scale, Network net, Matrix x, Matrix t, String p, String q) {
        Require.notNull("scale", scale, "give Scale.LINEAR or Scale.EQUAL");
        Require.notNull("net", net);
        Require.sameRows(x, t);
        Parameter pp = net.parameter(p), qq = net.parameter(q);
        boolean equal = weightAxes(scale);
        double p0 = net.get(pp), q0 = net.get(qq);
        return surface(net, x, t, pp, qq, null, null, new double[] {p0 - 2, p0 + 2}, new double[] {q0 - 2, q0 + 2}, "", equal);
    }

    /**
     * The loss of one sample over weights {@code p} and {@code q} with the gradient-descent path of a
     * run drawn on top: the path starts at the weights before training (epoch 0) and ends after the last
     * epoch. Both weights must have been tracked ({@code Trainer…track("w11", "u21")}). The other weights
     * are held at their values in {@code net} now — after training, the end of the run — so when
     * they moved during training, the path is the shadow of a walk through more dimensions.
     */
    public static XYChart lossSurface(Network net, double[] x, double[] t, History run, String p, String q) {
        Require.notNull("net", net);
        return lossSurface(net, Require.sample("x", x), Require.sample("t", t), run, p, q);
    }

    /** The same for the mean loss of a batch, one sample per row. */
    public static XYChart lossSurface(Network net, Matrix x, Matrix t, History run, String p, String q) {
        Require.notNull("net", net);
        Require.sameRows(x, t);
        Require.notNull("run", run, "give the History of a run that tracked " + p + " and " + q);
        Parameter pp = net.parameter(p), qq = net.parameter(q);
        double[] pathP = run.trajectory(pp);
        double[] pathQ = run.trajectory(qq);
        return surface(net, x, t, pp, qq, pathP, pathQ, around(pp, pathP, run.eta()), around(qq, pathQ, run.eta()), "epoch", false);
    }

    /**
     * Gradient descent on two weights alone, drawn on the loss surface of one sample it walks on:
     * starting from their values in {@code net}, {@code steps} updates {@code p ← p − η ∂L/∂p},
     * {@code q ← q − η ∂L/∂q} while every other weight stays put. The path is exact, not a shadow:
     * each of its points lies on this very surface. {@code net} is not changed.
     *
     * @throws org.backpropkit.train.TrainingDiverged if the steps overshoot until the loss or a weight is
     *     no longer finite
     */
    public static XYChart descent(Network net, double[] x, double[] t, String p, String q, double eta, int steps) {
        Require.notNull("net", net);
        return descent(net, Require.sample("x", x), Require.sample("t", t), p, q, eta, steps);
    }

    /** The same for the mean loss of a batch (full-batch gradients), one sample per row. */
    public static XYChart descent(Network net, Matrix x, Matrix t, String p, String q, double eta, int steps) {
        return descent(Scale.LINEAR, net, x, t, p, q, eta, steps);
    }

    /**
     * Descent on two weights alone, for one sample, with a choice of axes: {@link Scale#LINEAR} fits
     * each axis to the picture, {@link Scale#EQUAL} gives one unit of either weight the same length on
     * the screen, so the angle between the path and a contour line is drawn as it is.
     */
    public static XYChart descent(Scale scale, Network net, double[] x, double[] t, String p, String q, double eta,
            int steps) {
        Require.notNull("net", net);
        return descent(scale, net, Require.sample("x", x), Require.sample("t", t), p, q, eta, steps);
    }

    /** The same for the mean loss of a batch (full-batch gradients), one sample per row. */
    public static XYChart descent(Scale scale, Network net, Matrix x, Matrix t, String p, String q, double eta,
            int steps) {
        Require.notNull("scale", scale, "give Scale.LINEAR or Scale.EQUAL");
        Require.notNull("net", net);
        Require.sameRows(x, t);
        Parameter pp = net.parameter(p), qq = net.parameter(q);
        boolean equal = weightAxes(scale);
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be between 1 and " + MAX_STEPS + " for a drawn path, got "
                    + steps + ": " + MAX_STEPS + " steps already put over a hundred points on each pixel across the chart."
                    + " For a longer walk train with Trainer.sgd(η).epochs(n).only(\"" + pp.name() + "\", \"" + qq.name()
                    + "\") and look at its History");
        }
        History run = Trainer.sgd(eta).epochs(steps).only(pp.name(), qq.name()).track(pp.name(), qq.name())
                .train(net.copy(), x, t);
        double[] pathP = run.trajectory(pp), pathQ = run.trajectory(qq);
        XYChart chart = surface(net, x, t, pp, qq, pathP, pathQ, around(pp, pathP, eta), around(qq, pathQ, eta), "step", equal);
        chart.setTitle("Descent on " + pp.symbol() + " and " + qq.symbol() + " alone (η = " + Format.number(eta) + ")");
        return chart;
    }

    /** True for {@link Scale#EQUAL}, false for {@link Scale#LINEAR}; a log scale is refused (the axes are weights). */
    private static boolean weightAxes(Scale scale) {
        if (scale == Scale.LOG) {
            throw new IllegalArgumentException("the axes of a loss surface are two weights: give Scale.LINEAR (each axis "
                    + "fitted) or Scale.EQUAL (one unit as long on both axes), got " + scale);
        }
        return scale == Scale.EQUAL;
    }

    /**
     * The range of a path with a margin, at least 1 wide on each side of its middle; refused, naming the
     * parameter and the learning rate, when it does not fit in doubles (a path out near 1e308).
     */
    private static double[] around(Parameter p, double[] path, double eta) {
        double lo = Arrays.stream(path).min().orElseThrow(), hi = Arrays.stream(path).max().orElseThrow();
        double mid = lo / 2 + hi / 2, half = Math.max(1.3 * (hi / 2 - lo / 2), 1.0);
        double[] range = {mid - half, mid + half};
        if (!Double.isFinite((range[1] - range[0]) * GRID)) { // the grid's points are lo + (hi − lo)·i / (GRID − 1)
            throw new IllegalArgumentException("the path of " + p.symbol() + " goes from " + Format.number(lo) + " to "
                    + Format.number(hi) + ": a loss surface around it does not fit in doubles. With η = "
                    + Format.number(eta) + " the steps overshoot that far; try a smaller η, e.g. " + Format.number(eta / 100));
        }
        return range;
    }

    /**
     * The contour chart, with axis ranges {@code rangeP} × {@code rangeQ}; with {@code equal} the range of one axis
     * is widened until a unit of either weight is as long on the screen. How long a unit is depends on the
     * plot area, which XChart sizes only when it paints (titles, tick labels and legend take their room
     * first), so the chart is painted off screen, measured, and drawn again over the wider range: the grid
     * of losses always covers what is shown. Two redraws bring the two lengths within 1 % of each other.
     */
    private static XYChart surface(Network net, Matrix x, Matrix t, Parameter p, Parameter q, double[] pathP,
            double[] pathQ, double[] rangeP, double[] rangeQ, String unit, boolean equal) {
        XYChart chart = contours(net, x, t, p, q, pathP, pathQ, rangeP, rangeQ, unit);
        for (int pass = 0; equal && pass < 3; pass++) {
            double ratio = pixelsPerUnit(chart, true) / pixelsPerUnit(chart, false);
            if (Math.abs(ratio - 1) < EQUAL_TOLERANCE) {
                break;
            }
            rangeP = ratio > 1 ? widened(rangeP, ratio) : rangeP;   // a unit of p is longer: show more of p
            rangeQ = ratio < 1 ? widened(rangeQ, 1 / ratio) : rangeQ;
            chart = contours(net, x, t, p, q, pathP, pathQ, rangeP, rangeQ, unit);
        }
        return chart;
    }

    /** How far apart two charts' axis units may be on the screen, as a fraction, and still count as equal. */
    static final double EQUAL_TOLERANCE = 0.01;

    /** The length of one unit of the x axis ({@code alongX}) or the y axis on the painted chart, in pixels. */
    static double pixelsPerUnit(XYChart chart, boolean alongX) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(chart.getWidth(), chart.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        XYStyler s = chart.getStyler();
        return alongX ? Math.abs(chart.getScreenXFromChart(s.getXAxisMax()) - chart.getScreenXFromChart(s.getXAxisMin()))
                / (s.getXAxisMax() - s.getXAxisMin())
                : Math.abs(chart.getScreenYFromChart(s.getYAxisMax()) - chart.getScreenYFromChart(s.getYAxisMin()))
                / (s.getYAxisMax() - s.getYAxisMin());
    }

    /** {@code range} stretched by {@code factor} about its middle. */
    private static double[] widened(double[] range, double factor) {
        double mid = (range[0] + range[1]) / 2, half = (range[1] - range[0]) / 2 * factor;
        return new double[] {mid - half, mid + half};
    }

    private static XYChart contours(Network net, Matrix x, Matrix t, Parameter p, Parameter q, double[] pathP,
            double[] pathQ, double[] rangeP, double[] rangeQ, String unit) {
        double[] ps = linspace(rangeP[0], rangeP[1], GRID);
        double[] qs = linspace(rangeQ[0], rangeQ[1], GRID);
        Network probe = net.copy();
        double[][] z = new double[GRID][GRID];
        double[] all = new double[GRID * GRID];
        for (int i = 0; i < GRID; i++) {
            if (Interrupted.requested()) {
                throw new Interrupted("Loss surface interrupted at column " + (i + 1) + " of " + GRID + " of its grid; "
                        + "no chart was drawn, and the network is unchanged (the surface is computed on a copy).");
            }
            probe.set(p, ps[i]);
            for (int k = 0; k < GRID; k++) {
                probe.set(q, qs[k]);
                z[i][k] = probe.loss(x, t);
                all[i * GRID + k] = z[i][k];
            }
        }
        String title = "Loss over " + p.symbol() + " and " + q.symbol() + ", other weights as now";
        XYChart chart = Style.chart(title, p.symbol(), q.symbol());
        double[] levels = levels(all, 9);
        for (int k = 0; k < levels.length; k++) {
            double[][] line = Contours.line(ps, qs, z, levels[k]);
            if (line[0].length > 0) {
                Style.line(chart, levelName(levels[k]), line[0], line[1], Style.viridis(k, levels.length), 1.8f);
            }
        }
        if (pathP == null) {
            point(chart, "now (" + Format.number(net.get(p)) + ", " + Format.number(net.get(q)) + ")", net.get(p),
                    net.get(q), Color.BLACK, SeriesMarkers.CROSS);
            chart.getStyler().setMarkerSize(15);
        } else {
            int last = pathP.length - 1;
            boolean dots = last <= MAX_STEP_DOTS;
            XYSeries path = Style.line(chart, dots ? "descent, a dot per " + unit : "descent path", pathP, pathQ,
                    Color.BLACK, 2.2f);
            if (dots) {
                path.setMarker(STEP_DOT);
                path.setMarkerColor(Color.BLACK);
            }
            point(chart, "start (" + unit + " 0)", pathP[0], pathQ[0], new Color(0xE15759), SeriesMarkers.CIRCLE);
            point(chart, "end (" + unit + " " + last + ")", pathP[last], pathQ[last], new Color(0xF28E2B), SeriesMarkers.DIAMOND);
        }
        chart.getStyler().setXAxisMin(rangeP[0]).setXAxisMax(rangeP[1]).setYAxisMin(rangeQ[0]).setYAxisMax(rangeQ[1]);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return Style.finish(chart);
    }

    /** Paths with at most this many steps get a dot per step; longer ones would turn into a thick line. */
    static final int MAX_STEP_DOTS = 150;

    /** A small filled dot, whatever the chart's marker size: one step of a descent path. */
    private static final Marker STEP_DOT = new Marker() {
        @Override
        public void paint(java.awt.Graphics2D g, double x, double y, int markerSize) {
            g.setStroke(new BasicStroke(1f));
            g.fill(new java.awt.geom.Ellipse2D.Double(x - 2.5, y - 2.5, 5, 5));
        }
    };

    /**
     * Contour levels at evenly spaced quantiles of the finite values: dense where the surface is flat and
     * low. Levels that would be labelled alike in the legend (0.04061 and 0.04064 both read "L = 0.0406", as
     * on the flat floor of a surface drawn around a long jump) are kept once: a legend names each line once.
     */
    private static double[] levels(double[] values, int count) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return sorted;
        }
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            double level = sorted[(int) Math.round((k + 0.5) / count * (sorted.length - 1))];
            byName.putIfAbsent(levelName(level), level);
        }
        return byName.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String levelName(double level) {
        return "L = " + String.format(Locale.ROOT, "%.3g", level);
    }

    private static void point(XYChart chart, String name, double x, double y, Color color,
            Marker marker) {
        XYSeries s = chart.addSeries(name, new double[] {x}, new double[] {y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
    }

    // ---- Decision boundary

    /**
     * A 2-D classifier's decision regions (shaded by the class the network predicts there) with the
     * samples on top (coloured by their true class). The predicted class is the output unit with the
     * largest value, or for a single output whether {@code y ≥ 0.5}; for two classes the boundary
     * itself is drawn as a line.
     */
    public static XYChart decisionBoundary(Network net, Examples data) {
        Require.notNull("net", net);
        Require.notNull("data", data);
        Matrix x = data.x(), t = data.t();
        if (x.cols() != 2 || net.inputs() != 2) {
            throw new IllegalArgumentException("a decision boundary is drawn in 2-D: the examples have " + x.cols()
                    + " inputs and the network takes " + net.inputs() + "; both must be 2");
        }
        if (t.cols() != net.outputs()) {
            throw new IllegalArgumentException("the examples have " + t.cols() + " target columns but the network gives "
                    + net.outputs() + " outputs");
        }
        List<String> classes = data.classes().isEmpty() ? defaultClasses(data) : data.classes();
        double[] r1 = range(x, 0), r2 = range(x, 1);
        int nx = 100, ny = 65;
        double[] gx = centres(r1, nx), gy = centres(r2, ny);
        double[][] grid = new double[nx * ny][];
        for (int i = 0; i < nx; i++) {
            for (int k = 0; k < ny; k++) {
                grid[i * ny + k] = new double[] {gx[i], gy[k]};
            }
        }
        Matrix y = net.forward(Matrix.of(grid)).y();
        String title = "Decision regions (shaded) and " + data.name() + " samples";
        XYChart chart = Style.chart(title, data.inputs().get(0), data.inputs().get(1));
        for (int c = 0; c < classes.size(); c++) {
            List<Double> rx = new ArrayList<>(), ry = new ArrayList<>();
            for (int g = 0; g < grid.length; g++) {
                if (classOf(y.row(g)) == c) {
                    rx.add(grid[g][0]);
                    ry.add(grid[g][1]);
                }
            }
            if (!rx.isEmpty()) {
                XYSeries s = chart.addSeries("region " + classes.get(c), rx, ry);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.SQUARE);
                s.setMarkerColor(Style.tint(Style.PALETTE[c % Style.PALETTE.length], 0.72));
                s.setShowInLegend(false);
            }
        }
        if (classes.size() == 2) {
            double[][] margin = new double[nx][ny];
            for (int i = 0; i < nx; i++) {
                for (int k = 0; k < ny; k++) {
                    double[] out = y.row(i * ny + k);
                    margin[i][k] = out.length == 1 ? out[0] - 0.5 : out[1] - out[0];
                }
            }
            double[][] line = Contours.line(gx, gy, margin, 0);
            if (line[0].length > 0) {
                Style.line(chart, "boundary", line[0], line[1], new Color(0x333333), 2f);
            }
        }
        for (int c = 0; c < classes.size(); c++) {
            List<Double> px = new ArrayList<>(), py = new ArrayList<>();
            for (int i = 0; i < x.rows(); i++) {
                if (classOf(t.row(i)) == c) {
                    px.add(x.get(i, 0));
                    py.add(x.get(i, 1));
                }
            }
            if (!px.isEmpty()) {
                XYSeries s = chart.addSeries(classes.get(c), px, py);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(Style.PALETTE[c % Style.PALETTE.length]);
            }
        }
        // Each region square covers its grid cell: about (plot size in pixels) / (cells), plus overlap.
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setXAxisMin(r1[0]).setXAxisMax(r1[1]).setYAxisMin(r2[0]).setYAxisMax(r2[1]);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return Style.finish(chart);
    }

    private static List<String> defaultClasses(Examples data) {
        if (data.t().cols() == 1) {
            String name = data.targets().get(0);
            return List.of(name + " = 0", name + " = 1");
        }
        return data.targets();
    }

    /** The class of an output or target row: the largest entry, or for one column whether it is ≥ 0.5. */
    static int classOf(double[] row) {
        if (row.length == 1) {
            return row[0] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }

    private static double[] range(Matrix x, int col) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.rows(); i++) {
            lo = Math.min(lo, x.get(i, col));
            hi = Math.max(hi, x.get(i, col));
        }
        double pad = Math.max(0.1 * (hi - lo), 0.25);
        return new double[] {lo - pad, hi + pad};
    }

    /** The centres of {@code n} equal cells across {@code range}. */
    private static double[] centres(double[] range, int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = range[0] + (i + 0.5) * (range[1] - range[0]) / n;
        }
        return c;
    }

    // ---- Files

    /** The chart as PNG bytes, as a notebook displays it. */
    public static byte[] png(XYChart chart) {
        Require.notNull("chart", chart);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart as SVG text (about 15 times larger than the PNG: text is drawn as paths). */
    public static byte[] svg(XYChart chart) {
        Require.notNull("chart", chart);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the chart to {@code file} as PNG or SVG, chosen by the file's extension; the file is
     * replaced in one step, so a reader never sees half an image.
     */
    public static Path save(XYChart chart, Path file) {
        Require.notNull("chart", chart);
        Require.notNull("file", file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            AtomicFiles.write(file, png(chart));
        } else if (name.endsWith(".svg")) {
            AtomicFiles.write(file, svg(chart));
        } else {
            throw new IllegalArgumentException("save a chart as .png or .svg, got " + file.getFileName());
        }
        return file;
    }

    private static double[] epochs(int n) {
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            e[k] = k;
        }
        return e;
    }

    private static double[] linspace(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * i / (n - 1);
        }
        return v;
    }
}
