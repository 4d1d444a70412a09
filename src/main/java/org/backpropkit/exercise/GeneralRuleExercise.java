package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;

/**
 * Lesson 7: the general rule in matrix form, for any depth. The learner writes, for layer {@code l} of a
 * sigmoid network with L2 loss and a batch of {@code n} samples (one per row),
 * <pre>
 *   ∂L/∂W⁽ˡ⁾ = (1/n) H⁽ˡ⁻¹⁾ᵀ Δ⁽ˡ⁾        ∂L/∂b⁽ˡ⁾ = (1/n) 1ᵀ Δ⁽ˡ⁾   (the column sums of Δ⁽ˡ⁾)
 *   Δ⁽ᴰ⁾ = (Y − T) ⊙ Y ⊙ (1 − Y)          Δ⁽ˡ⁾ = (Δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ H⁽ˡ⁾ ⊙ (1 − H⁽ˡ⁾)
 * </pre>
 * Its answer for every layer of three unseen 2-4-3-2 networks, each with its own batch (3, 4 and 5
 * samples), is compared with the kit's backpropagation, all 35 parameters.
 *
 * <p>Planted mistakes, each computed here by the rule written with that mistake: the output's σ′ left
 * out, the hidden layers' σ′ left out, or both; σ′ taken of the sums {@code A} instead of the activations
 * {@code H}; the article's stray {@code xᵢ} (the hidden layers' weight gradients carry their input twice);
 * the {@code 1/n} of the mean left out, or taken twice; the opposite sign. A product of matrices whose
 * shapes do not fit — {@code W} not transposed on the way back, σ′ of the wrong layer — stops the learner's
 * code with an exception, and a gradient of the wrong shape ({@code H⁽ˡ⁾} where {@code H⁽ˡ⁻¹⁾} belongs)
 * is refused with a {@link WrongShape} that says which layer and which shape; both are named. None of
 * the three networks has a square weight matrix, so neither slip can give numbers of the right shape.
 */
final class GeneralRuleExercise {

    /** A network and a batch of inputs {@code x} and targets {@code t}, one sample per row. */
    record Batch(String name, Network net, Matrix x, Matrix t) {
        String where() {
            return name + " (" + x.rows() + " samples)";
        }
    }

    private static final int[] SIZES = {2, 4, 3, 2};
    private static final String SHAPES = "Write the shape beside every matrix: Δ⁽ᵏ⁾ and H⁽ᵏ⁾ have one row per sample and one "
            + "column per unit of layer k; W⁽ᵏ⁾ has one row per unit of layer k − 1 and one column per unit of layer k. A "
            + "product needs the left factor's columns to match the right factor's rows, and ⊙ needs equal shapes.";

    private GeneralRuleExercise() {
    }

    static Exercise<Batch> exercise() {
        List<Batch> batches = batches(7);
        return new Exercise<>("your general rule", "the kit's backpropagation", batches, Batch::where,
                layout(batches.get(0).net()), GeneralRuleExercise::kit)
                .mistakes(
                        Mistake.throwing("a gradient of the wrong shape", WrongShape.class,
                                "Each gradient has the shape of what it is the gradient of (the message above says which "
                                        + "one differs). ∂L/∂W⁽ˡ⁾ has one row per input of layer l, the units of layer l − 1 that "
                                        + "H⁽ˡ⁻¹⁾ holds (for layer 1, the inputs x), and one column per unit of layer l; "
                                        + "∂L/∂b⁽ˡ⁾ is one row, one entry per unit of layer l, summed over the samples.",
                                SHAPES),
                        Mistake.throwing("shapes that do not fit", IllegalArgumentException.class,
                                "Two matrices met whose shapes do not fit (the message above says which). On the way back, "
                                        + "Δ⁽ᵏ⁺¹⁾ has one column per unit of layer k + 1 and W⁽ᵏ⁺¹⁾ one row per unit of layer k: "
                                        + "which way round must W⁽ᵏ⁺¹⁾ be to give one column per unit of layer k? And the "
                                        + "slope that multiplies Δ⁽ᵏ⁾ entry by entry is that of layer k's own activations.",
                                SHAPES),
                        Mistake.throwing("an index past the end", IndexOutOfBoundsException.class,
                                "An index ran past the end of a matrix: a weight matrix read the other way round, or a "
                                        + "layer's values mixed with its neighbour's. Layers count from 1 to D, units and rows "
                                        + "from 0 in Java.",
                                SHAPES))
                .mistakes(
                        variant("the output's σ′ left out", false, true, false, 1, 1, false,
                                "Your output error is the bare difference Y − T: the outputs are sigmoids too, so Δ⁽ᴰ⁾ "
                                        + "takes their slope, entry by entry.",
                                "Compare your Δ⁽ᴰ⁾ for the lesson's batch with the output error of lesson 5, sample by "
                                        + "sample: one factor is missing."),
                        variant("the hidden σ′ left out", true, false, false, 1, 1, false,
                                "Your error signals pass back through the weights but not through the hidden units' "
                                        + "sigmoids: each step down a layer multiplies, entry by entry, by that layer's slope.",
                                "Your output layer is right; from the next layer down, compare your Δ with the lesson's "
                                        + "hand-made Δ⁽¹⁾ for its batch."),
                        variant("σ′ left out everywhere", false, false, false, 1, 1, false,
                                "Your error signals never pass through a sigmoid's slope, at the outputs or in the hidden "
                                        + "layers: every layer's Δ carries its own units' slopes.",
                                "Lessons 5 and 6 had a slope factor at every unit the path passed through; count them in "
                                        + "your code."),
                        variant("σ′ of the sums", true, true, true, 1, 1, false,
                                "Your slopes are taken of the sums A instead of the activations H: the sigmoid's slope "
                                        + "at its input a is h(1 − h), with h = σ(a).",
                                "The forward pass keeps both: a(k) are the sums, h(k) the activations. Which one goes "
                                        + "into the slope?"),
                        variant("the article's stray xᵢ", true, true, false, 1, 1, true,
                                "Your hidden layers' weight gradients carry their input twice — the article's printed rule "
                                        + "has that extra factor (this lesson); the output layer and the biases are right.",
                                "A weight's gradient is its unit's error signal times the one value the weight multiplies, "
                                        + "once: the error signal itself holds no input of the weight."),
                        variant("the mean's 1/n left out", true, true, false, 1, 0, false,
                                "Your gradients are n times too large, on every batch: the batch loss is the mean of the "
                                        + "samples' losses, so its gradient is the mean of theirs.",
                                "The check's batches have 3, 4 and 5 samples; divide the sum over the samples by their number."),
                        variant("the mean's 1/n taken twice", true, true, false, 1, 2, false,
                                "Your gradients are n times too small: the 1/n of the mean is taken twice. (The kit's "
                                        + "g.delta(l) of a batch already holds the 1/n; the Δ of this lesson does not.)",
                                "Divide by the number of samples once, where the samples are summed."),
                        variant("opposite sign", true, true, false, -1, 1, false,
                                "Your gradients have the right size and the opposite sign: the loss's slope at an output "
                                        + "is the output minus its target.",
                                "When an output lies above its target, the loss rises with it; check the sign of your "
                                        + "first difference."))
                .whenConstant("Your gradients are the same for every network and batch: they must be computed from the "
                        + "network, inputs and targets your methods are given.")
                .otherwise("Follow one layer: for the lesson's batch, compare your Δ of the output layer with the lesson's, "
                        + "then your Δ one layer down, then the gradients of that layer.",
                        "Run your methods on the lesson's network and batch, where the kit's gradients are at hand: "
                                + "net.gradients(X, T).w(l) and .b(l) hold ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾. Find the first layer, "
                                + "counting down from the output, where yours differ.");
    }

    /** Checks the learner's gradients, given as {@code (net, x, t, l) -> gradients(net, x, t, l)}. */
    static String check(Exercises.LayerGradients yours) {
        return exercise().check(batch -> {
            int depth = batch.net().depth();
            List<Double> all = new ArrayList<>();
            for (int l = 1; l <= depth; l++) {
                Batch own = fresh(batch);
                Matrix[] g = yours.of(own.net(), own.x(), own.t(), l);
                if (g == null || g.length != 2) {
                    throw new WrongShape("your answer for layer " + l + " holds " + (g == null ? "nothing (null)" : g.length
                            + (g.length == 1 ? " matrix" : " matrices")) + "; expected 2: ∂L/∂W⁽ˡ⁾, then ∂L/∂b⁽ˡ⁾");
                }
                add(all, g[0], batch.net().layer(l).w(), "∂L/∂W", l);
                add(all, g[1], batch.net().layer(l).b(), "∂L/∂b", l);
            }
            return all.stream().mapToDouble(Double::doubleValue).toArray();
        });
    }

    /** Three 2-4-3-2 sigmoid networks with L2 loss, with batches of 3, 4 and 5 samples. */
    static List<Batch> batches(long seed) {
        Random random = new Random(seed);
        List<Batch> batches = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Network net = UnseenNetworks.of(random, Network.of(SIZES));
            Matrix x = Unseen.inputs(random, k + 2, SIZES[0], 0.15, 0.85);
            Matrix t = Unseen.targetsAwayFrom(random, net.forward(x).y());
            batches.add(new Batch("network " + k, net, x, t));
        }
        return batches;
    }

    private static Batch fresh(Batch b) {
        return new Batch(b.name(), b.net().copy(), b.x().copy(), b.t().copy());
    }

    /** Appends the entries of {@code yours}, row by row, after checking it has the shape of {@code like}. */
    private static void add(List<Double> all, Matrix yours, Matrix like, String what, int l) {
        String name = what + "⁽" + "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(l) + "⁾";
        if (yours == null) {
            throw new WrongShape("your " + name + " is null; expected a " + like.shape() + " matrix");
        }
        if (yours.rows() != like.rows() || yours.cols() != like.cols()) {
            throw new WrongShape("your " + name + " is " + yours.shape() + ", but " + name.substring(4) + " is "
                    + like.shape() + (what.endsWith("b") ? " (a row, one entry per unit of layer " + l + ")"
                    : " (one row per " + (l == 1 ? "input" : "unit of layer " + (l - 1)) + ", one column per unit of layer "
                    + l + ")"));
        }
        for (int i = 0; i < yours.rows(); i++) {
            for (double v : yours.row(i)) {
                all.add(v);
            }
        }
    }

    private static double[] kit(Batch b) {
        Gradients g = b.net().gradients(b.x(), b.t());
        return b.net().parameters().stream().mapToDouble(g::of).toArray();
    }

    /**
     * The rule with these choices: σ′ at the outputs, σ′ in the hidden layers, σ′ taken of the sums; the sign
     * of {@code Y − T}; the power of {@code n} the sums are divided by; the hidden weights' input squared.
     */
    private static Mistake<Batch> variant(String name, boolean outputSlope, boolean hiddenSlope, boolean ofSums, int sign,
            int meanPower, boolean strayInput, String hint, String stronger) {
        return Mistake.gives(name, b -> rule(b, outputSlope, hiddenSlope, ofSums, sign, meanPower, strayInput), hint, stronger);
    }

    private static double[] rule(Batch b, boolean outputSlope, boolean hiddenSlope, boolean ofSums, int sign, int meanPower,
            boolean strayInput) {
        Network net = b.net();
        ForwardPass fp = net.forward(b.x());
        int depth = net.depth(), n = b.x().rows();
        double scale = 1 / Math.pow(n, meanPower);
        double[][][] delta = new double[depth + 1][][];
        double[][] d = new double[n][];
        for (int s = 0; s < n; s++) {
            double[] y = fp.y().row(s), t = b.t().row(s), a = fp.a(depth).row(s);
            d[s] = new double[y.length];
            for (int k = 0; k < y.length; k++) {
                d[s][k] = sign * (y[k] - t[k]) * (outputSlope ? slope(ofSums ? a[k] : y[k]) : 1);
            }
        }
        delta[depth] = d;
        for (int l = depth - 1; l >= 1; l--) {
            Matrix w = net.layer(l + 1).w();
            double[][] below = new double[n][w.rows()];
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < w.rows(); j++) {
                    double back = 0;
                    for (int k = 0; k < w.cols(); k++) {
                        back += delta[l + 1][s][k] * w.get(j, k);
                    }
                    double h = ofSums ? fp.a(l).get(s, j) : fp.h(l).get(s, j);
                    below[s][j] = back * (hiddenSlope ? slope(h) : 1);
                }
            }
            delta[l] = below;
        }
        List<Double> all = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            Matrix in = fp.h(l - 1), w = net.layer(l).w();
            for (int i = 0; i < w.rows(); i++) {
                for (int j = 0; j < w.cols(); j++) {
                    double sum = 0;
                    for (int s = 0; s < n; s++) {
                        double input = in.get(s, i);
                        sum += input * (strayInput && l < depth ? input : 1) * delta[l][s][j];
                    }
                    all.add(sum * scale);
                }
            }
            for (int j = 0; j < w.cols(); j++) {
                double sum = 0;
                for (int s = 0; s < n; s++) {
                    sum += delta[l][s][j];
                }
                all.add(sum * scale);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double slope(double h) {
        return h * (1 - h);
    }

    /** One entry per parameter, in the network's order, grouped by layer and by weights against biases. */
    private static Layout layout(Network net) {
        List<String> labels = new ArrayList<>();
        Map<String, List<Integer>> byLayer = new LinkedHashMap<>(), byKind = new LinkedHashMap<>(), byMatrix = new LinkedHashMap<>();
        List<Parameter> all = net.parameters();
        for (int k = 0; k < all.size(); k++) {
            Parameter p = all.get(k);
            labels.add("∂L/∂" + p.symbol());
            byLayer.computeIfAbsent("layer " + p.layer(), m -> new ArrayList<>()).add(k);
            byKind.computeIfAbsent(p.isBias() ? "the biases" : "the weights", m -> new ArrayList<>()).add(k);
            String layer = "⁽" + "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(p.layer()) + "⁾";
            byMatrix.computeIfAbsent("∂L/∂" + (p.isBias() ? "b" : "W") + layer, m -> new ArrayList<>()).add(k);
        }
        return new Layout(labels, List.of(byLayer, byKind, byMatrix));
    }
}
