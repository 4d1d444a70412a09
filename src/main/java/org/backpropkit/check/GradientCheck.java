package org.backpropkit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.backpropkit.core.Backprop;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Interrupted;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Notation;
import org.backpropkit.core.Parameter;
import org.backpropkit.core.Require;
import org.backpropkit.core.Shuffle;

/**
 * Checks gradients against the slope of the loss measured numerically, one parameter at a time:
 * <pre>{@code
 * GradientCheck.run(net, x, t)                          // backpropagation's gradients, every parameter
 * GradientCheck.claimed(net, x, t, p -> myFormula(p))   // gradients you claim, e.g. a formula you derived
 * GradientCheck.slope(net, x, t, "u11")                 // the numeric slope of one parameter
 * }</pre>
 * One sample is a {@code double[]}, a batch a {@link Matrix} (its loss is the mean over the samples).
 *
 * <p>The numeric slope is the central difference
 * <pre>  ∂L/∂θ ≈ (L(θ + ε) − L(θ − ε)) / 2ε</pre>
 * whose error shrinks like {@code ε²}; with doubles {@code ε = }{@value #STEP} balances that against
 * rounding. The analytic and the numeric gradient are compared by the relative error
 * <pre>  |analytic − numeric| / max(|analytic|, |numeric|)</pre>
 * Thresholds: below {@value #CORRECT} the gradient is correct (smooth networks give about
 * {@code 1e-10}); above {@value #WRONG} it is wrong; between, look closer.
 *
 * <p>Tiny gradients: the loss itself carries rounding noise of a few units in its last place, and the
 * central difference divides that noise by {@code 2ε}. So the numeric slope cannot resolve differences
 * below its <em>resolution</em> {@code r = }{@value #ROUNDING_ULPS}{@code · ulp(L) / 2ε} (about
 * {@code 1e-9} for a loss near 1). A gradient of size {@code 1e-6} that differs from its numeric slope
 * by {@code 1e-12} has relative error {@code 1e-6} but is as correct as the slope can tell, so a
 * difference {@code |analytic − numeric| ≤ r} counts as correct; the report says how many were judged that way.
 *
 * <p>Kinks (CS231n's advice): ReLU's slope jumps from 0 to 1 at {@code a = 0}. When {@code θ + ε} and
 * {@code θ − ε} put some unit's input {@code a} on different sides of 0, the central difference averages
 * the two slopes and is not the derivative. The check compares, for every ReLU unit and sample, the side
 * of 0 its input lies on in the two evaluations; a disagreement across such a crossing is
 * {@link Verdict#KINK} and names the unit, not a wrong derivation. (A learner meets this at {@code x = 0}
 * with fresh zero biases: every {@code a⁽¹⁾} is exactly 0.)
 *
 * <p>Cost: two forward passes per parameter, so it grows with the square of the network's size: about
 * {@code 2 · parameters · samples · (Σ inputs × units)} multiply-adds. The article's network takes 17 × 2
 * passes of 12 multiply-adds; a 784-5000-10 network would take 8 million passes of 4 million, about nine
 * hours here. So a check above {@value #LIMIT} multiply-adds (about 20 s here) is refused before it starts,
 * with its cost and an estimate of its time from a measured pass; {@link #sample} checks a random sample
 * of the parameters instead, from every layer's weights and biases — the way large networks are checked.
 * (Printing a warning and starting anyway would leave a notebook busy for hours with the warning scrolled
 * away; a limit in multiply-adds gives the same answer on every machine.)
 *
 * <p>Every weight is put back exactly afterwards, also when the thread is interrupted (the kernel's
 * Interrupt button): the check then stops between two parameters with an {@link Interrupted} that says
 * how far it got.
 */
public final class GradientCheck {

    /** The step {@code ε} of the central difference. */
    public static final double STEP = 1e-5;
    /** Relative errors below this are correct. */
    public static final double CORRECT = 1e-7;
    /** Relative errors above this are wrong. */
    public static final double WRONG = 1e-4;
    /** Units in the last place of the loss taken as its rounding noise. */
    public static final int ROUNDING_ULPS = 64;
    /** The most multiply-adds one check may take: about 20 s here (5e8 per second in one sample's passes). */
    public static final double LIMIT = 1e10;

    private GradientCheck() {
    }

    /** Checks backpropagation's gradients for one sample, every parameter. */
    public static GradientReport run(Network net, double[] x, double[] t) {
        Require.notNull("net", net);
        return run(net, Require.sample("x", x), Require.sample("t", t));
    }

    /** Checks backpropagation's gradients of the batch loss, every parameter; one sample per row. */
    public static GradientReport run(Network net, Matrix x, Matrix t) {
        Require.notNull("net", net);
        Require.sameRows(x, t);
        requireAffordable(net, x, net.parameters().size());
        return check(net, x, t, net.gradients(x, t)::of, net.parameters(), "");
    }

    /**
     * Checks backpropagation's gradients for one sample on {@code count} parameters drawn at random with
     * {@code seed}, spread evenly over every layer's weights and every layer's biases (so a 784-5000-10
     * network's ten output biases are checked as surely as its four million first-layer weights).
     */
    public static GradientReport sample(Network net, double[] x, double[] t, int count, long seed) {
        Require.notNull("net", net);
        return sample(net, Require.sample("x", x), Require.sample("t", t), count, seed);
    }

    /** The same for the batch loss, one sample per row. */
    public static GradientReport sample(Network net, Matrix x, Matrix t, int count, long seed) {
        Require.notNull("net", net);
        Require.sameRows(x, t);
        Require.positive("count", count);
        List<Parameter> chosen = choose(net, count, new Random(seed));
        requireAffordable(net, x, chosen.size());
        return check(net, x, t, net.gradients(x, t)::of, chosen, " (a random sample, seed " + seed + ")");
    }

    /**
     * {@code count} parameters (all of them if there are fewer) in {@link Network#parameters()} order: the
     * count is shared out evenly over the groups w⁽¹⁾, b⁽¹⁾, w⁽²⁾, … (what a small group cannot take goes to
     * the others), and each group's share is drawn without repeats by {@link Shuffle}.
     */
    private static List<Parameter> choose(Network net, int count, Random random) {
        List<List<Parameter>> groups = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            groups.add(new ArrayList<>());
            groups.add(new ArrayList<>());
        }
        for (Parameter p : net.parameters()) {
            groups.get(2 * (p.layer() - 1) + (p.isBias() ? 1 : 0)).add(p);
        }
        int[] share = new int[groups.size()];
        int left = Math.min(count, net.parameters().size());
        while (left > 0) {
            for (int g = 0; g < groups.size() && left > 0; g++) {
                if (share[g] < groups.get(g).size()) {
                    share[g]++;
                    left--;
                }
            }
        }
        List<Parameter> chosen = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            int[] order = Shuffle.order(groups.get(g).size(), random);
            int[] picked = java.util.Arrays.copyOf(order, share[g]);
            java.util.Arrays.sort(picked);
            for (int k : picked) {
                chosen.add(groups.get(g).get(k));
            }
        }
        return chosen; // the groups come in the network's order, and each group's picks are sorted
    }

    /**
     * Refuses a check of {@code checked} parameters that would take more than {@value #LIMIT} multiply-adds,
     * saying what it would cost, how long one forward pass takes here, and what to do instead.
     */
    private static void requireAffordable(Network net, Matrix x, int checked) {
        long perSample = 0;
        for (int l = 1; l <= net.depth(); l++) {
            perSample += (long) net.layer(l).inputs() * net.layer(l).units();
        }
        double passes = 2.0 * checked;
        double cost = passes * x.rows() * perSample;
        if (cost <= LIMIT) {
            return;
        }
        Backprop workspace = new Backprop(net, x.rows());
        double pass = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 3; k++) { // the fastest of three: the first runs before the JIT has compiled anything
            long start = System.nanoTime();
            workspace.forward(x);
            pass = Math.min(pass, (System.nanoTime() - start) / 1e9);
        }
        int total = net.parameters().size();
        int affordable = (int) Math.max(1, Math.min(total, LIMIT / (2.0 * x.rows() * perSample)));
        throw new IllegalArgumentException("Checking " + (checked == total ? "every one of the " : checked + " of the ")
                + total + " parameters of this " + net.shape() + " network takes " + String.format(Locale.ROOT, "%.0f", passes)
                + " forward passes (two per parameter) of " + x.rows() + (x.rows() == 1 ? " sample" : " samples") + ", "
                + String.format(Locale.ROOT, "%.1e", cost) + " multiply-adds: about " + duration(passes * pass)
                + " here, one pass taking " + duration(pass) + ". The kit refuses checks above "
                + String.format(Locale.ROOT, "%.0e", LIMIT) + " multiply-adds (about 20 s). Check a random sample of"
                + " parameters from every layer instead, e.g. GradientCheck.sample(net, x, t, " + Math.min(affordable, 100)
                + ", 1), or a smaller network built the same way.");
    }

    /** A duration for a person: "40 ms", "12 s", "3 min", "9 h", "2 days". */
    private static String duration(double seconds) {
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.2g ms", seconds * 1000);
        }
        if (seconds < 120) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 2 * 3600) {
            return Math.round(seconds / 60) + " min";
        }
        return seconds < 2 * 86400 ? Math.round(seconds / 3600) + " h" : Math.round(seconds / 86400) + " days";
    }

    /**
     * Checks the gradients you claim for one sample, every parameter: e.g. a formula you wrote,
     * {@code p -> myFormula(p)}, or the article's rule ({@code GeneralRule}).
     */
    public static GradientReport claimed(Network net, double[] x, double[] t, ToDoubleFunction<Parameter> claimed) {
        Require.notNull("net", net);
        return claimed(net, Require.sample("x", x), Require.sample("t", t), claimed);
    }

    /** Checks the gradients you claim for the batch loss, every parameter; one sample per row. */
    public static GradientReport claimed(Network net, Matrix x, Matrix t, ToDoubleFunction<Parameter> claimed) {
        Require.notNull("net", net);
        Require.sameRows(x, t);
        if (claimed == null) {
            throw new IllegalArgumentException("claimed is null: give the gradient you claim for each parameter, "
                    + "e.g. p -> myFormula(p); to check backpropagation use GradientCheck.run(net, x, t)");
        }
        requireAffordable(net, x, net.parameters().size());
        return check(net, x, t, claimed, net.parameters(), "");
    }

    /** The numeric slope {@code (L(θ + ε) − L(θ − ε)) / 2ε} of the named parameter, for one sample. */
    public static double slope(Network net, double[] x, double[] t, String name) {
        Require.notNull("net", net);
        return slope(net, Require.sample("x", x), Require.sample("t", t), name);
    }

    /** The numeric slope of the named parameter for the batch loss; {@code net} is left exactly as it was. */
    public static double slope(Network net, Matrix x, Matrix t, String name) {
        Require.notNull("net", net);
        Require.sameRows(x, t);
        net.requireFinite();
        Parameter p = net.parameter(name);
        return numeric(net, new Backprop(net, x.rows()), x, t, p, null);
    }

    /** Checks {@code parameters}; {@code which} says how they were chosen, for the report ("" for all). */
    private static GradientReport check(Network net, Matrix x, Matrix t, ToDoubleFunction<Parameter> claimed,
            List<Parameter> parameters, String which) {
        double loss = net.loss(x, t);
        Backprop workspace = new Backprop(net, x.rows());
        KinkWatch kinks = new KinkWatch(net, workspace.forward(x));
        double resolution = ROUNDING_ULPS * Math.ulp(loss) / (2 * STEP);
        List<GradientReport.Result> results = new ArrayList<>();
        for (Parameter p : parameters) {
            if (Interrupted.requested()) {
                throw new Interrupted("Gradient check interrupted at parameter " + (results.size() + 1) + " of "
                        + parameters.size() + " (" + p.symbol() + "), after " + results.size()
                        + " were checked; every weight is as it was before the check.");
            }
            double analytic = claimed.applyAsDouble(p);
            double numeric = numeric(net, workspace, x, t, p, kinks);
            results.add(new GradientReport.Result(p, analytic, numeric, relativeError(analytic, numeric), resolution,
                    kinks.crossed()));
        }
        return new GradientReport(results, STEP, net.notation(), net.parameters().size(), which);
    }

    /** The central difference; {@code kinks}, if given, notes the ReLU inputs at {@code θ + ε} to compare. */
    private static double numeric(Network net, Backprop workspace, Matrix x, Matrix t, Parameter p, KinkWatch kinks) {
        double theta = net.get(p);
        try {
            net.set(p, theta + STEP);
            double plus = workspace.loss(x, t);
            if (kinks != null) {
                kinks.save();
            }
            net.set(p, theta - STEP);
            double minus = workspace.loss(x, t);
            return (plus - minus) / (2 * STEP);
        } finally {
            net.set(p, theta);
        }
    }

    /**
     * The inputs {@code a} of the layers whose activation has a kink, as one evaluation left them in the
     * workspace's forward pass, compared with the next: a unit whose input changed sides of 0 was crossed.
     */
    private static final class KinkWatch {
        private final ForwardPass pass;
        private final Notation notation;
        private final List<Integer> layers = new ArrayList<>();
        private final List<Matrix> saved = new ArrayList<>();

        KinkWatch(Network net, ForwardPass pass) {
            this.pass = pass;
            this.notation = net.notation();
            for (int l = 1; l <= net.depth(); l++) {
                if (net.layer(l).activation().hasKink()) {
                    layers.add(l);
                    saved.add(pass.a(l).copy());
                }
            }
        }

        /** Keeps the current inputs of every kinked layer. */
        void save() {
            for (int k = 0; k < layers.size(); k++) {
                saved.get(k).setAll(pass.a(layers.get(k)));
            }
        }

        /** The first unit whose input is now on the other side of 0 than when saved, or null. */
        GradientReport.Kink crossed() {
            for (int k = 0; k < layers.size(); k++) {
                Matrix before = saved.get(k), now = pass.a(layers.get(k));
                for (int s = 0; s < now.rows(); s++) {
                    for (int j = 0; j < now.cols(); j++) {
                        if ((before.get(s, j) > 0) != (now.get(s, j) > 0)) {
                            String unit = Notation.indexed(notation.a(layers.get(k), false), false, j + 1);
                            return new GradientReport.Kink(unit, s + 1, now.get(s, j), before.get(s, j));
                        }
                    }
                }
            }
            return null;
        }
    }

    /** {@code |analytic − numeric| / max(|analytic|, |numeric|)}, and 0 when both are exactly 0. */
    public static double relativeError(double analytic, double numeric) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        return analytic == numeric ? 0 : Math.abs(analytic - numeric) / scale;
    }
}
