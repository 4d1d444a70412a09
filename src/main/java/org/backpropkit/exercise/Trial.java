package org.backpropkit.exercise;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backpropkit.core.Article;
import org.backpropkit.core.Network;

/**
 * One situation a learner's code is tried on: a network, an input {@code x} and a target {@code t}
 * that the lesson never showed (made by {@link Unseen}), or the lesson's own ({@link #lesson()}), which
 * a checker uses only to recognise code that reads the notebook's variables instead of its arguments.
 */
record Trial(String name, Network net, double[] x, double[] t) {

    /** The lesson's network, {@code x} and {@code t} (the kit's worked example, {@link Article}). */
    static Trial lesson() {
        return new Trial("the lesson's network", Article.network(), Article.x(), Article.t());
    }

    /** A copy the learner's code may change without touching this trial. */
    Trial fresh() {
        return new Trial(name, net.copy(), x.clone(), t.clone());
    }

    Trial withNet(Network other) {
        return new Trial(name, other.copy(), x.clone(), t.clone());
    }

    Trial withX(double[] other) {
        return new Trial(name, net.copy(), other.clone(), t.clone());
    }

    Trial withT(double[] other) {
        return new Trial(name, net.copy(), x.clone(), other.clone());
    }

    /** The hidden activations {@code h} of this network for this {@code x}, by the kit's forward pass. */
    double[] h() {
        return net.forward(x).h(1).row(0);
    }

    /** The outputs {@code y}, by the kit's forward pass. */
    double[] y() {
        return net.forward(x).y().row(0);
    }

    /** The output error signals {@code δₖ = (yₖ − tₖ) yₖ(1 − yₖ)} of the article's sigmoid outputs and L2 loss. */
    double[] deltaOut() {
        double[] y = y(), delta = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            delta[k] = (y[k] - t[k]) * y[k] * (1 - y[k]);
        }
        return delta;
    }

    /** E.g. {@code network 2, x = (0.412, 0.733)}. */
    String whereX() {
        return name + ", x = " + Unseen.vector(x);
    }

    /** E.g. {@code network 2, x = (0.412, 0.733), t = (0.18, 0.91)}. */
    String whereXT() {
        return whereX() + ", t = " + Unseen.vector(t);
    }

    /**
     * The values a forward pass goes through, by name — {@code x₁, x₂, h₁ … h₃, y₁, y₂} and the sigmoid
     * slopes {@code hⱼ(1−hⱼ)}, {@code yₖ(1−yₖ)} — so that a checker can say "off by a factor that
     * equals x₂" when a learner's number is the expected one times one of them.
     */
    Map<String, Double> quantities() {
        double[] h = h(), y = y();
        Map<String, Double> q = new LinkedHashMap<>();
        put(q, "x", x, false);
        put(q, "h", h, false);
        put(q, "y", y, false);
        put(q, "h", h, true);
        put(q, "y", y, true);
        return q;
    }

    private static void put(Map<String, Double> q, String symbol, double[] v, boolean slope) {
        for (int k = 0; k < v.length; k++) {
            String name = symbol + "₁₂₃₄₅₆₇₈₉".charAt(k);
            q.put(slope ? name + "(1−" + name + ")" : name, slope ? v[k] * (1 - v[k]) : v[k]);
        }
    }
}
