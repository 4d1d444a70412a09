package org.backpropkit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.backpropkit.core.Backprop;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Interrupted;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Notation;
import org.backpropkit.core.Parameter;
import org.backpropkit.core.Require;

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
 * <p>Cost: two forward passes per parameter. Every weight is put back exactly afterwards, also when the
 * thread is interrupted (the kernel's Interrupt button): the check then stops between two parameters
 * with an {@link Interrupted} that says how far it got.
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
        return check(net, x, t, net.gradients(x, t)::of);
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
        return check(net, x, t, claimed);
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

    private static GradientReport check(Network net, Matrix x, Matrix t, ToDoubleFunction<Parameter> claimed) {
        double loss = net.loss(x, t);
        Backprop workspace = new Backprop(net, x.rows());
        KinkWatch kinks = new KinkWatch(net, workspace.forward(x));
        double resolution = ROUNDING_ULPS * Math.ulp(loss) / (2 * STEP);
        List<Parameter> parameters = net.parameters();
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
        return new GradientReport(results, STEP, net.notation());
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
