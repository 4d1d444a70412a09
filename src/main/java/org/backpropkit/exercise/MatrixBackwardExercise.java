package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.backpropkit.exercise.PlantedBackward.Bug;

/**
 * Lesson 12: the learner's batched backward pass in matrix form for a sigmoid network with the L2 loss of
 * <em>any</em> depth — one forward sweep that keeps every {@code H⁽ˡ⁾}, one backward sweep
 * <pre>
 *   Δ⁽ᴰ⁾ = (Y − T) ⊙ Y ⊙ (1 − Y)        ∂L/∂W⁽ˡ⁾ = (1/n) H⁽ˡ⁻¹⁾ᵀ Δ⁽ˡ⁾      ∂L/∂b⁽ˡ⁾ = (1/n) 1ᵀ Δ⁽ˡ⁾
 *   Δ⁽ˡ⁻¹⁾ = (Δ⁽ˡ⁾ W⁽ˡ⁾ᵀ) ⊙ H⁽ˡ⁻¹⁾ ⊙ (1 − H⁽ˡ⁻¹⁾)
 * </pre>
 * returned as a map {@code "W(l)" → ∂L/∂W⁽ˡ⁾, "b(l)" → ∂L/∂b⁽ˡ⁾}. Each case is three unseen networks of
 * depth 2, 3 and 4 (3-4-2, 2-5-4-3, 4-3-5-3-2) with batches of 3, 4 and 5 samples, so that code written for
 * one depth, or for one sample, fails; every gradient is compared with the kit's backpropagation.
 *
 * <p>Planted mistakes, computed by {@link PlantedBackward}: the output's σ′, the hidden σ′, or σ′ of the
 * sums; the article's stray {@code xᵢ}; the opposite sign; the {@code 1/n} left out, taken twice, or left
 * out of the biases only; a map without every layer or with a gradient of the wrong shape (refused by
 * name), shapes that do not fit in a product (the notebook's helpers refuse them), an index past the end;
 * a constant.
 */
final class MatrixBackwardExercise {

    /** One network with its batch, one sample per row. */
    record Batch(Network net, Matrix x, Matrix t) {
    }

    /** Three networks of depth 2, 3 and 4, each with its batch. */
    record Case(String name, List<Batch> batches) {
        String where() {
            return name;
        }
    }

    private static final int[][] SIZES = {{3, 4, 2}, {2, 5, 4, 3}, {4, 3, 5, 3, 2}};
    private static final String SHAPES = "Write the shape beside every matrix: Δ⁽ˡ⁾ and H⁽ˡ⁾ have one row per sample and "
            + "one column per unit of layer l; W⁽ˡ⁾ has one row per unit of layer l − 1 and one column per unit of layer l. "
            + "A product needs the left factor's columns to match the right factor's rows; ⊙ needs equal shapes.";

    private MatrixBackwardExercise() {
    }

    static Exercise<Case> exercise() {
        List<Case> cases = cases(1212);
        return new Exercise<>("your matrix backward pass", "the kit's backpropagation", cases, Case::where,
                layout(cases.get(0)), c -> concat(c, b -> BackwardPassExercise.kit(b.net(), b.x(), b.t())))
                .mistakes(
                        Mistake.throwing("not every layer, or a wrong shape", Answers.NotAnAnswer.class,
                                "The check reads one gradient per layer, under the keys W(l) and b(l) for every l from 1 to "
                                        + "the network's depth D, each shaped like what it is the gradient of (the message "
                                        + "above says what differs). Your loop must visit every layer, whatever D is.",
                                SHAPES),
                        Mistake.throwing("shapes that do not fit", IllegalArgumentException.class,
                                "Two matrices met whose shapes do not fit (the message above says which). Going down, "
                                        + "Δ⁽ˡ⁾ has one column per unit of layer l and W⁽ˡ⁾ one row per unit of layer l − 1: "
                                        + "which way round must W⁽ˡ⁾ be to give one column per unit of layer l − 1?",
                                SHAPES),
                        Mistake.throwing("an index past the end", IndexOutOfBoundsException.class,
                                "An index ran past the end: layers count from 1 to D (net.depth()), H⁽⁰⁾ is the input X, and "
                                        + "rows and columns count from 0.",
                                SHAPES))
                .mistakes(
                        planted("the output's σ′ left out", Bug.OUTPUT_SLOPE,
                                "Your output error is the bare difference Y − T: the outputs are sigmoids too, so Δ⁽ᴰ⁾ takes "
                                        + "their slope entry by entry — and every layer below inherits the slip.",
                                "Compare your Δ⁽ᴰ⁾ on the lesson's batch with net.gradients(X, T).delta(D) times n (the "
                                        + "kit's Δ holds the 1/n of the mean)."),
                        planted("the hidden σ′ left out", Bug.HIDDEN_SLOPE,
                                "Your output layers are right; below them your error signals pass back through the weights "
                                        + "but not through the hidden units' sigmoids.",
                                "Each step down a layer multiplies, entry by entry, by that layer's own slope."),
                        planted("σ′ of the sums", Bug.SLOPE_OF_SUMS,
                                "Your slopes are taken of the sums A instead of the activations H: the sigmoid's slope at "
                                        + "its input a is h(1 − h) with h = σ(a).",
                                "Which of the forward pass's matrices goes into the slope: the sums or the activations?"),
                        planted("the article's stray xᵢ", Bug.STRAY_INPUT,
                                "Your hidden layers' weight gradients carry their input twice — the article's printed rule "
                                        + "(lesson 7); the output layers and every bias are right.",
                                "A weight's gradient is its unit's error signal times the value the weight multiplies, once."),
                        planted("opposite sign", Bug.SIGN,
                                "Your gradients have the right size and the opposite sign: the loss's slope at an output is "
                                        + "the output minus its target.",
                                "When an output lies above its target the loss rises with it; check your first difference."),
                        planted("the biases not averaged", Bug.BIASES_NOT_AVERAGED,
                                "Your weight gradients are right and your bias gradients n times too large: they add up "
                                        + "the samples' error signals where the mean belongs.",
                                "A bias gradient is the mean over the samples of its unit's error signal."),
                        planted("the mean's 1/n left out", Bug.NO_MEAN,
                                "Your gradients are n times too large on a batch of n samples: the batch loss is the mean "
                                        + "of the samples' losses, so its gradient is the mean of theirs.",
                                "The check's batches have 3, 4 and 5 samples: divide each sum over the samples by their number."),
                        planted("the mean's 1/n taken twice", Bug.MEAN_TWICE,
                                "Your gradients are n times too small: the 1/n of the mean is taken twice.",
                                "Divide by the number of samples once, where the samples are summed."))

                .whenConstant("Your gradients are the same for every network and batch: they must be computed from the "
                        + "network, inputs and targets your method is given.")
                .otherwise("Follow one layer at a time from the output down, on the lesson's network and batch: compare "
                                + "your ∂L/∂W⁽ᴰ⁾ with net.gradients(X, T).w(D), then the next layer down.",
                        "GradientTable.ofMatrices(net, X, T, yourMap) shows which matrices differ; the highest wrong "
                                + "layer is where to look first.");
    }

    /** Checks the learner's pass, {@code (net, x, t) -> backward(net, x, t)}. */
    static String check(Exercises.MatrixBackward yours) {
        return exercise().check(c -> concat(c, b -> Answers.ofMatrices(b.net(),
                yours.backward(b.net().copy(), b.x().copy(), b.t().copy()))));
    }

    /** Three cases, each three networks of depth 2, 3 and 4 with weights away from zero and their batches. */
    static List<Case> cases(long seed) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (int c = 1; c <= 3; c++) {
            List<Batch> batches = new ArrayList<>();
            for (int k = 0; k < SIZES.length; k++) {
                Network net = Unseen.awayFromZero(Network.of(SIZES[k]).seed(seed + c), random);
                Matrix x = Unseen.inputs(random, k + 3, SIZES[k][0]);
                batches.add(new Batch(net, x, Unseen.targetsAwayFrom(random, net.forward(x).y())));
            }
            cases.add(new Case("case " + c + " (3-4-2, 2-5-4-3 and 4-3-5-3-2 networks; 3, 4 and 5 samples)", batches));
        }
        return cases;
    }

    private static double[] concat(Case c, Function<Batch, double[]> each) {
        List<double[]> parts = new ArrayList<>();
        int n = 0;
        for (Batch b : c.batches()) {
            double[] part = each.apply(b);
            parts.add(part);
            n += part.length;
        }
        double[] all = new double[n];
        int k = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, k, part.length);
            k += part.length;
        }
        return all;
    }

    /** Entries labelled {@code ∂L/∂W⁽²⁾₃₁ (3-layer)}, grouped by role, kind, network and matrix. */
    private static Layout layout(Case c) {
        List<String> labels = new ArrayList<>();
        Map<String, List<Integer>> byRole = new LinkedHashMap<>(), byKind = new LinkedHashMap<>(), byNet = new LinkedHashMap<>(),
                byMatrix = new LinkedHashMap<>();
        for (Batch b : c.batches()) {
            Network net = b.net();
            for (Parameter p : net.parameters()) {
                boolean output = p.layer() == net.depth();
                byRole.computeIfAbsent(output ? "the output layers" : "the hidden layers", k -> new ArrayList<>()).add(labels.size());
                byKind.computeIfAbsent(p.isBias() ? "the biases" : "the weights", k -> new ArrayList<>()).add(labels.size());
                byNet.computeIfAbsent("the " + net.depth() + "-layer network", k -> new ArrayList<>()).add(labels.size());
                byMatrix.computeIfAbsent(Answers.name(p.isBias(), p.layer()) + " of the " + net.depth() + "-layer network",
                        k -> new ArrayList<>()).add(labels.size());
                String index = p.isBias() ? sub(p.col() + 1) : sub(p.row() + 1) + sub(p.col() + 1);
                labels.add("∂L/∂" + Answers.name(p.isBias(), p.layer()) + index + " (" + net.depth() + "-layer)");
            }
        }
        return new Layout(labels, List.of(byRole, byKind, byNet, byMatrix));
    }

    private static String sub(int k) {
        return String.valueOf("₀₁₂₃₄₅₆₇₈₉".charAt(k % 10));
    }

    private static Mistake<Case> planted(String name, Bug bug, String hint, String stronger) {
        return Mistake.gives(name, c -> concat(c, b -> PlantedBackward.gradients(b.net(), b.x(), b.t(), bug)), hint, stronger);
    }
}
