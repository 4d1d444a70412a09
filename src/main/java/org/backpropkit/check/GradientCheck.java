package org.backpropkit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.backpropkit.core.Backprop;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.backpropkit.core.Require;

/**
 * Checks gradients against the slope of the loss measured numerically, one parameter at a time.
 *
 * <p>The numeric slope is the central difference
 * <pre>  ∂L/∂θ ≈ (L(θ + ε) − L(θ − ε)) / 2ε</pre>
 * whose error shrinks like {@code ε²}; with doubles {@code ε = 1e-5} balances that against rounding.
 * Analytic {@code a} and numeric {@code n} are compared by the relative error
 * <pre>  |a − n| / max(|a|, |n|)</pre>
 * Thresholds: below {@value #CORRECT} the gradient is correct (smooth networks give about
 * {@code 1e-10}); above {@value #WRONG} it is wrong; between, look closer.
 *
 * <p>Tiny gradients: the loss itself carries rounding noise of a few units in its last place, and the
 * central difference divides that noise by {@code 2ε}. So the numeric slope cannot resolve differences
 * below its <em>resolution</em> {@code r = }{@value #ROUNDING_ULPS}{@code · ulp(L) / 2ε} (about
 * {@code 1e-9} for a loss near 1). A gradient of size {@code 1e-6} that differs from its numeric slope
 * by {@code 1e-12} has relative error {@code 1e-6} but is as correct as the slope can tell, so a
 * difference {@code |a − n| ≤ r} counts as correct; the report says how many were judged that way.
 *
 * <p>Cost: two forward passes per parameter. The network's weights are restored exactly afterwards.
 */
public final class GradientCheck {

    /** The default step {@code ε}. */
    public static final double DEFAULT_STEP = 1e-5;
    /** Relative errors below this are correct. */
    public static final double CORRECT = 1e-7;
    /** Relative errors above this are wrong. */
    public static final double WRONG = 1e-4;
    /** Units in the last place of the loss taken as its rounding noise. */
    public static final int ROUNDING_ULPS = 64;

    private final double step;

    private GradientCheck(double step) {
        this.step = Require.positive("step ε", step);
    }

    /** A check with step {@code ε} instead of {@value #DEFAULT_STEP}. */
    public static GradientCheck withStep(double step) {
        return new GradientCheck(step);
    }

    /** Checks backpropagation's gradients for one sample, every parameter. */
    public static GradientReport run(Network net, double[] x, double[] t) {
        return new GradientCheck(DEFAULT_STEP).check(net, Matrix.row(x), Matrix.row(t), null);
    }

    /**
     * Checks {@code claimed} gradients for one sample, every parameter: e.g. a formula a learner
     * wrote, {@code p -> myFormula(p)}.
     */
    public static GradientReport run(Network net, double[] x, double[] t, ToDoubleFunction<Parameter> claimed) {
        return new GradientCheck(DEFAULT_STEP).check(net, Matrix.row(x), Matrix.row(t), claimed);
    }

    /**
     * Checks {@code claimed} gradients (backpropagation's when null) of the batch loss on inputs
     * {@code x} and targets {@code t}, one row per sample.
     */
    public GradientReport check(Network net, Matrix x, Matrix t, ToDoubleFunction<Parameter> claimed) {
        Gradients backprop = net.gradients(x, t);
        ToDoubleFunction<Parameter> analytic = claimed != null ? claimed : backprop::of;
        Backprop workspace = new Backprop(net, x.rows());
        double resolution = ROUNDING_ULPS * Math.ulp(backprop.loss()) / (2 * step);
        List<GradientReport.Result> results = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            double a = analytic.applyAsDouble(p);
            double n = numeric(net, workspace, x, t, p);
            results.add(new GradientReport.Result(p, a, n, relativeError(a, n), resolution));
        }
        return new GradientReport(results, step);
    }

    /** The central difference {@code (L(θ + ε) − L(θ − ε)) / 2ε} for parameter {@code p}. */
    public double numeric(Network net, Matrix x, Matrix t, Parameter p) {
        return numeric(net, new Backprop(net, x.rows()), x, t, p);
    }

    private double numeric(Network net, Backprop workspace, Matrix x, Matrix t, Parameter p) {
        double theta = net.get(p);
        try {
            net.set(p, theta + step);
            double plus = workspace.loss(x, t);
            net.set(p, theta - step);
            double minus = workspace.loss(x, t);
            return (plus - minus) / (2 * step);
        } finally {
            net.set(p, theta);
        }
    }

    /** {@code |a − n| / max(|a|, |n|)}, and 0 when both are exactly 0. */
    public static double relativeError(double a, double n) {
        double scale = Math.max(Math.abs(a), Math.abs(n));
        return a == n ? 0 : Math.abs(a - n) / scale;
    }
}
