package org.backpropkit.view;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backpropkit.core.Backprop;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.backpropkit.data.Examples;
import org.backpropkit.plot.Plot;
import org.backpropkit.plot.Scale;
import org.backpropkit.train.History;
import org.backpropkit.train.Trainer;

/**
 * Training you can watch: one display that updates in place while a {@link Trainer} runs, showing
 * the loss curves (training, and held-out when given), the chosen weights over the epochs, the
 * network with the current size of every gradient, and for 2-D inputs the decision regions.
 * <pre>{@code
 * History run = Watch.training(net, xor).weights("w11", "u11").train(Trainer.sgd(5).epochs(2000));
 * Watch.training(clf, train).heldOut(test).train(Trainer.sgd(0.1).epochs(300).batchSize(16));
 * }</pre>
 * <b>Cost.</b> A frame takes 0.1–0.3 s to draw (four panels, a PNG), so frames are throttled by wall
 * time: the first comes once training has run {@value #MIN_GAP_MILLIS} ms, each next one only once the
 * time since the last is nine times what the last took, which keeps drawing under a tenth of the run.
 * A loop faster than that is not slowed at all: it draws one frame, its final state. {@link #every(int)}
 * draws epoch 0 and every {@code k}-th epoch instead, whatever it costs. When no one watches
 * ({@link Screen#live()} false: a headless run) only the final frame is drawn.
 *
 * <p><b>Interrupting</b> the cell stops the trainer before its next step ({@link
 * org.backpropkit.train.TrainingInterrupted}); the network keeps the weights of the last completed step,
 * the display shows them, and both this watch's record and the trainer's {@code history()} hold the run
 * so far.
 *
 * <p>The record is the watch's own: the training loss after every epoch as the trainer reports it
 * (epoch 0 = before training), the held-out loss and the chosen weights at the same moments.
 * Training the same network again with the same watch continues the curves.
 */
public final class Watch implements Drawing {

    /** The shortest time between two frames. */
    public static final long MIN_GAP_MILLIS = 200;
    /** Drawing may take at most 1 part in (1 + this) of the wall time. */
    private static final int BUDGET = 9;

    private final Network net;
    private final Matrix x;
    private final Matrix t;
    private final Examples data;
    private final String dataName;
    private Matrix heldOutX;
    private Matrix heldOutT;
    private Backprop heldOutPass;
    private final List<Parameter> chosen = new ArrayList<>();
    private int every;

    private final Series trainingLoss = new Series();
    private final Series heldOutLoss = new Series();
    private final List<Series> paths = new ArrayList<>();

    private String displayId;
    private long started;
    private long lastDrawEnd;
    private long lastDrawCost;
    private long drawingNanos;
    private long runNanos;
    private int frames;

    private Watch(Network net, Matrix x, Matrix t, Examples data, String dataName) {
        if (x.rows() != t.rows()) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows (samples) but t has " + t.rows());
        }
        this.net = net;
        this.x = x;
        this.t = t;
        this.data = data;
        this.dataName = dataName;
        for (int l = 1; l <= net.depth() && chosen.size() < 3; l++) {
            final int layer = l;
            chosen.add(net.parameters().stream().filter(p -> p.layer() == layer && !p.isBias()).findFirst().orElseThrow());
        }
    }

    /** Watches {@code net} train on a data set; with two inputs the decision regions are drawn too. */
    public static Watch training(Network net, Examples data) {
        return new Watch(net, data.x(), data.t(), data.x().cols() == 2 && net.inputs() == 2 ? data : null, data.name());
    }

    /** Watches {@code net} train on inputs {@code x} and targets {@code t}, one sample per row. */
    public static Watch training(Network net, Matrix x, Matrix t) {
        return new Watch(net, x, t, null, x.rows() == 1 ? "one sample" : x.rows() + " samples");
    }

    /** Also draws the loss on these held-out examples, computed after every epoch. */
    public Watch heldOut(Examples test) {
        return heldOut(test.x(), test.t());
    }

    /** Also draws the loss on held-out inputs {@code x} and targets {@code t}, computed after every epoch. */
    public Watch heldOut(Matrix x, Matrix t) {
        if (x.rows() != t.rows()) {
            throw new IllegalArgumentException("held-out x has " + x.rows() + " rows but t has " + t.rows());
        }
        if (trainingLoss.size() > 1) {
            throw new IllegalArgumentException("give the held-out data before training starts");
        }
        this.heldOutX = x;
        this.heldOutT = t;
        this.heldOutPass = new Backprop(net, x.rows());
        return this;
    }

    /** The weights whose values are drawn over the epochs (default: the first weight of each layer, up to 3). */
    public Watch weights(String... names) {
        if (trainingLoss.size() > 1) {
            throw new IllegalArgumentException("choose the weights before training starts");
        }
        chosen.clear();
        for (String name : names) {
            chosen.add(net.parameter(name));
        }
        return this;
    }

    /** Draws a frame every {@code k} epochs, however long that takes (default: throttled by wall time). */
    public Watch every(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("draw every k epochs with k ≥ 1, got " + k);
        }
        this.every = k;
        return this;
    }

    /**
     * Trains with {@code trainer} (its epoch listener becomes this watch's), showing frames in one
     * display as training goes and the final state when it ends — also when it diverges or is
     * interrupted. Returns the trainer's history.
     */
    public History train(Trainer trainer) {
        Screen screen = Screen.current();
        if (trainingLoss.size() == 0) {
            record(trainingLossNow());
        }
        started = System.nanoTime();
        drawingNanos = 0;
        frames = 0;
        displayId = null;
        lastDrawEnd = started;
        lastDrawCost = 0;
        if (screen.live() && every > 0) {
            draw(screen);
        }
        try {
            return trainer.onEpoch(this::epochEnded).train(net, x, t);
        } finally {
            runNanos = System.nanoTime() - started;
            boolean interrupted = Thread.interrupted(); // publishing from an interrupted thread can break its socket
            try {
                draw(screen);
            } finally {
                runNanos = System.nanoTime() - started;
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void epochEnded(int epoch, double loss) {
        record(loss); // an interrupt is the trainer's to handle: it stops before its next step
        Screen screen = Screen.current();
        if (screen.live() && due(epoch)) {
            draw(screen);
        }
    }

    private boolean due(int epoch) {
        if (every > 0) {
            return epoch % every == 0;
        }
        long since = System.nanoTime() - lastDrawEnd;
        return since >= Math.max(MIN_GAP_MILLIS * 1_000_000, BUDGET * lastDrawCost);
    }

    private double trainingLossNow() {
        return new Backprop(net, x.rows()).loss(x, t);
    }

    private void record(double loss) {
        trainingLoss.add(loss);
        if (heldOutPass != null) {
            heldOutLoss.add(heldOutPass.loss(heldOutX, heldOutT));
        }
        while (paths.size() < chosen.size()) {
            paths.add(new Series());
        }
        for (int k = 0; k < chosen.size(); k++) {
            paths.get(k).add(net.get(chosen.get(k)));
        }
    }

    /** Shows or updates the display with a frame of the current state, and times it. */
    private void draw(Screen screen) {
        long start = System.nanoTime();
        Dashboard frame = dashboard();
        if (displayId == null) {
            displayId = screen.show(frame);
        } else {
            screen.update(displayId, frame);
        }
        long end = System.nanoTime();
        lastDrawCost = end - start;
        lastDrawEnd = end;
        drawingNanos += lastDrawCost;
        frames++;
    }

    /** A frame of the current state. */
    Dashboard dashboard() {
        int epochs = trainingLoss.size() - 1;
        int[] shown = sample(epochs + 1);
        double[] at = new double[shown.length];
        for (int k = 0; k < shown.length; k++) {
            at[k] = shown[k];
        }
        Map<String, double[]> losses = new LinkedHashMap<>();
        losses.put("training", trainingLoss.at(shown));
        if (heldOutPass != null) {
            losses.put("held-out", heldOutLoss.at(shown));
        }
        var loss = Plot.lossCurves(logScale(losses) ? Scale.LOG : Scale.LINEAR, at, losses);
        loss.setTitle("Loss (" + String.join(", ", losses.keySet()) + ")");
        var weights = chosen.isEmpty() ? null : Plot.weightCurves(at, weightPaths(shown));
        NetworkPicture picture = NetworkPicture.gradients(net, x, t).bare();
        List<String> names = new ArrayList<>();
        double[] norms = null;
        if (picture.isSummary()) {
            norms = new double[net.depth()];
            var g = net.gradients(x, t);
            for (int l = 1; l <= net.depth(); l++) {
                names.add("‖∇" + net.notation().weight(l, false) + "‖");
                norms[l - 1] = g.w(l).norm();
            }
            picture = null;
        }
        var regions = data == null ? null : Plot.decisionBoundary(net, data);
        if (regions != null) {
            regions.setTitle("Decision regions now");
        }
        StringBuilder subtitle = new StringBuilder("epoch ").append(epochs).append(": training loss ")
                .append(Ink.number(trainingLoss.last()));
        if (heldOutPass != null) {
            subtitle.append(", held-out loss ").append(Ink.number(heldOutLoss.last()));
        }
        return new Dashboard("Training " + SceneBuilder.shape(net) + " on " + dataName, subtitle.toString(), loss, weights, picture,
                names, norms, regions);
    }

    /** A log scale when every loss is positive and they span two decades or more (XChart labels only whole decades). */
    private static boolean logScale(Map<String, double[]> losses) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double[] curve : losses.values()) {
            for (double v : curve) {
                if (!(v > 0)) {
                    return false;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi >= 100 * lo;
    }

    private Map<Parameter, double[]> weightPaths(int[] shown) {
        Map<Parameter, double[]> p = new LinkedHashMap<>();
        for (int k = 0; k < chosen.size(); k++) {
            p.put(chosen.get(k), paths.get(k).at(shown));
        }
        return p;
    }

    /** The epochs a frame draws: all of them up to {@value #POINTS}, else evenly spaced ones and the last. */
    static int[] sample(int n) {
        if (n <= POINTS) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int[] at = new int[POINTS + 1];
        for (int k = 0; k < POINTS; k++) {
            at[k] = (int) ((long) k * (n - 1) / POINTS);
        }
        at[POINTS] = n - 1;
        return at;
    }

    /** The most points a curve of a frame gets: a panel is about 400 pixels wide. */
    private static final int POINTS = 800;

    // ---- What was watched

    /** The epochs recorded so far (over every run of this watch). */
    public int epochs() {
        return trainingLoss.size() - 1;
    }

    /** The training loss before training (entry 0) and after every epoch. */
    public double[] loss() {
        return trainingLoss.values();
    }

    /** The frames drawn in the last run (the first and the final one included). */
    public int frames() {
        return frames;
    }

    /** The share of the last run's wall time spent drawing frames, 0 … 1. */
    public double drawingShare() {
        return runNanos > 0 ? (double) drawingNanos / runNanos : 0;
    }

    // ---- As a picture: the current state

    @Override
    public int width() {
        return Dashboard.WIDTH;
    }

    @Override
    public int height() {
        return Dashboard.height(NetworkPicture.of(net).isSummary(), net.depth());
    }

    @Override
    public void paint(Graphics2D g) {
        dashboard().paint(g);
    }

    /** E.g. {@code Training 2-3-1 network on xor: epoch 2000, training loss 0.0012; 6 frames, 3.1% of 0.41 s drawing}. */
    @Override
    public String toString() {
        return "Training " + SceneBuilder.shape(net) + " on " + dataName + ": epoch " + epochs() + ", training loss "
                + Ink.number(trainingLoss.last()) + (heldOutPass != null ? ", held-out loss "
                + Ink.number(heldOutLoss.last()) : "") + "; " + frames + (frames == 1 ? " frame, " : " frames, ")
                + String.format(java.util.Locale.ROOT, "%.1f%% of %.2f s drawing", 100 * drawingShare(), runNanos / 1e9);
    }

    /** A growing list of doubles, one per epoch. */
    private static final class Series {
        private double[] values = new double[64];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double last() {
            return values[size - 1];
        }

        double[] values() {
            return Arrays.copyOf(values, size);
        }

        /** The values at these indices, or as many of them as were recorded. */
        double[] at(int[] indices) {
            int n = 0;
            while (n < indices.length && indices[n] < size) {
                n++;
            }
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                out[k] = values[indices[k]];
            }
            return out;
        }
    }
}
