package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.backpropkit.core.Activation;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;

/**
 * Lesson 11: the learner's error signals of a network beyond the article — a tanh hidden layer and a
 * softmax output with cross-entropy:
 * <pre>
 *   δ⁽²⁾ₖ = yₖ − tₖ                          (softmax and cross-entropy together)
 *   δ⁽¹⁾ⱼ = (Σₖ δ⁽²⁾ₖ uⱼₖ) (1 − hⱼ²)            (tanh′ written with its output h)
 * </pre>
 * tried on three unseen 3-4-3 networks, each with its own input and a one-hot target at a class the
 * network does not favour, and compared with the kit's backpropagation ({@code g.delta(l)}).
 *
 * <p>Planted mistakes, each computed here with that mistake (a wrong δ⁽²⁾ is passed back as the learner's
 * code would): softmax treated entry by entry ({@code ∂L/∂yₖ} times {@code yₖ(1 − yₖ)} only, which is
 * right for the true class alone); the article's sigmoid-and-L2 output rule; sigmoid outputs instead of
 * softmax; the sums {@code a} in place of {@code y}; the opposite sign; tanh′ as {@code 1 − a²}; the
 * sigmoid's slope {@code h(1 − h)} kept from the article; tanh′ left out. {@code u} read the other way round
 * runs off its end ({@code u} is 4 × 3), and the two layers' signals returned in the wrong order have the
 * wrong lengths ({@link WrongShape}); both are named.
 */
final class SoftmaxTanhExercise {

    private static final int[] SIZES = {3, 4, 3};
    private static final String STRONGER = "Two steps, as in lesson 7: first the output layer's error signals, where "
            + "softmax and cross-entropy together leave only the output minus its target; then each hidden unit collects "
            + "the output signals through its weights and multiplies by its own slope, tanh′ written with h.";

    private SoftmaxTanhExercise() {
    }

    static Exercise<Trial> exercise() {
        return new Exercise<>("your error signals", "the kit's backpropagation", trials(11), SoftmaxTanhExercise::where,
                layout(), SoftmaxTanhExercise::kit)
                .mistakes(
                        Mistake.throwing("u read the other way round", IndexOutOfBoundsException.class,
                                "An index ran past the end: u is 4 × 3, row j for hidden unit j and column k for output k. "
                                        + "Sending the output signals back to hidden unit j runs along row j.",
                                STRONGER),
                        Mistake.throwing("the two layers in the wrong order or of the wrong length", WrongShape.class,
                                "Return the hidden layer's 4 signals first, then the output layer's 3.", STRONGER))
                .mistakes(
                        variant("softmax treated entry by entry", (y, t) -> -t * (1 - y), Tanh.RIGHT,
                                "Your output signals treat softmax entry by entry (right only for the true class): every "
                                        + "yₖ depends on every sum aⱼ, so the chain rule sums over all outputs, and the sum "
                                        + "collapses to the output minus its target.",
                                "This lesson's derivation of ∂L/∂aⱼ: the bracket [k = j] gives one term, the −yⱼ gives "
                                        + "the others. Write out both for a 3-class example."),
                        variant("the article's output rule", (y, t) -> (y - t) * y * (1 - y), Tanh.RIGHT,
                                "Your output signals are the article's, (y − t) times the sigmoid's slope: with softmax and "
                                        + "cross-entropy the slope factor cancels.",
                                "Lesson 11's softmax section: after the sum over k, what is left of ∂L/∂aⱼ?"),
                        Mistake.gives("sigmoid outputs", c -> rule(c, true, false, 1, Tanh.RIGHT),
                                "Your outputs are sigmoids of the sums, not softmax: softmax divides each e^(aₖ) by the sum "
                                        + "over all outputs, so the outputs add up to 1.",
                                "Use the outputs y of the network's forward pass: its last layer is softmax."),
                        Mistake.gives("the sums a for y", c -> rule(c, false, true, 1, Tanh.RIGHT),
                                "Your output signals use the sums a where the outputs y belong: the signal is the output "
                                        + "minus its target.",
                                "The forward pass keeps both: a(2) are the sums, y() the softmax outputs."),
                        Mistake.gives("opposite sign", c -> rule(c, false, false, -1, Tanh.RIGHT),
                                "Your error signals have the right size and the opposite sign: ∂L/∂aₖ is the output minus "
                                        + "its target.",
                                "Where an output is above its target, raising its sum raises the loss."),
                        variant("tanh′ as 1 − a²", (y, t) -> y - t, Tanh.OF_SUMS,
                                "Your hidden signals use 1 − a² where tanh′ written with its output is 1 − h²: the sums "
                                        + "a are not the outputs h = tanh(a).",
                                "Lesson 11's table gives each slope in terms of the unit's output h; check which value "
                                        + "your code squares."),
                        variant("the sigmoid's slope", (y, t) -> y - t, Tanh.SIGMOID,
                                "Your hidden signals use the sigmoid's slope h(1 − h): these units are tanh, whose slope "
                                        + "is 1 − h².",
                                "Only the slope changes with the activation; the sum over the outputs stays."),
                        variant("tanh′ left out", (y, t) -> y - t, Tanh.NONE,
                                "Your hidden signals stop at the hidden units' outputs: between hⱼ and its sum the path "
                                        + "passes through tanh, whose slope is one more factor.",
                                "Count the links from a hidden sum to the loss; each gives one factor."))
                .whenConstant("Your error signals are the same for every network, input and target: compute them from "
                        + "the ones your method is given.")
                .otherwise("Check the output layer first: for each output, compare your signal with the output minus its "
                        + "target; then the hidden layer.", STRONGER);
    }

    /** Checks the learner's signals, given as {@code (net, x, t) -> deltas(net, x, t)}. */
    static String check(Exercises.Deltas yours) {
        return exercise().check(trial -> {
            Trial own = trial.fresh();
            double[][] d = yours.of(own.net(), own.x(), own.t());
            if (d == null || d.length != 2 || d[0] == null || d[1] == null || d[0].length != SIZES[1]
                    || d[1].length != SIZES[2]) {
                throw new WrongShape("your answer has " + describe(d) + "; expected two rows: the hidden layer's "
                        + SIZES[1] + " signals δ⁽¹⁾, then the output layer's " + SIZES[2] + " signals δ⁽²⁾");
            }
            double[] flat = new double[SIZES[1] + SIZES[2]];
            System.arraycopy(d[0], 0, flat, 0, SIZES[1]);
            System.arraycopy(d[1], 0, flat, SIZES[1], SIZES[2]);
            return flat;
        });
    }

    private static String describe(double[][] d) {
        if (d == null) {
            return "nothing (null)";
        }
        List<String> rows = new ArrayList<>();
        for (double[] row : d) {
            rows.add(row == null ? "null" : String.valueOf(row.length));
        }
        return d.length + (d.length == 1 ? " row" : " rows") + (d.length == 0 ? "" : " of " + String.join(", ", rows) + " values");
    }

    /** Three 3-4-3 networks, tanh hidden, softmax with cross-entropy; inputs in ±0.9, one-hot targets. */
    static List<Trial> trials(long seed) {
        Random random = new Random(seed);
        List<Trial> trials = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Network net = UnseenNetworks.of(random, Network.of(SIZES).hidden(Activation.TANH).loss(Loss.CROSS_ENTROPY));
            double[] x = Unseen.inputs(random, 1, SIZES[0], -0.9, 0.9).row(0);
            double[] t = UnseenNetworks.oneHotAwayFrom(random, net.forward(x).y().row(0));
            trials.add(new Trial("network " + k, net, x, t));
        }
        return trials;
    }

    private static String where(Trial trial) {
        return trial.name() + ", x = " + Unseen.vector(trial.x()) + ", true class " + (AccuracyExercise.argmax(trial.t()) + 1);
    }

    private static double[] kit(Trial trial) {
        Gradients g = trial.net().gradients(trial.x(), trial.t());
        double[] flat = new double[SIZES[1] + SIZES[2]];
        System.arraycopy(g.delta(1).row(0), 0, flat, 0, SIZES[1]);
        System.arraycopy(g.delta(2).row(0), 0, flat, SIZES[1], SIZES[2]);
        return flat;
    }

    /** How a hidden unit's slope is taken. */
    private enum Tanh { RIGHT, OF_SUMS, SIGMOID, NONE }

    private static Mistake<Trial> variant(String name, DoubleBinaryOperator output, Tanh slope, String hint, String stronger) {
        return Mistake.gives(name, trial -> {
            ForwardPass fp = trial.net().forward(trial.x());
            double[] y = fp.y().row(0), out = new double[y.length];
            for (int k = 0; k < y.length; k++) {
                out[k] = output.applyAsDouble(y[k], trial.t()[k]);
            }
            return back(trial, fp, out, slope);
        }, hint, stronger);
    }

    /** δ⁽²⁾ from sigmoid outputs or from the sums (else softmax's y), with a sign; δ⁽¹⁾ passed back with {@code slope}. */
    private static double[] rule(Trial trial, boolean sigmoid, boolean sums, int sign, Tanh slope) {
        ForwardPass fp = trial.net().forward(trial.x());
        double[] a = fp.a(2).row(0), y = fp.y().row(0), out = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            double yk = sigmoid ? Activation.SIGMOID.apply(a[k]) : sums ? a[k] : y[k];
            out[k] = sign * (yk - trial.t()[k]);
        }
        return back(trial, fp, out, slope);
    }

    /** δ⁽¹⁾ from {@code out} = δ⁽²⁾ through u and the hidden slope, then both layers in one array. */
    private static double[] back(Trial trial, ForwardPass fp, double[] out, Tanh slope) {
        Matrix u = trial.net().layer(2).w();
        double[] h = fp.h(1).row(0), a = fp.a(1).row(0), flat = new double[h.length + out.length];
        for (int j = 0; j < h.length; j++) {
            double sum = 0;
            for (int k = 0; k < out.length; k++) {
                sum += out[k] * u.get(j, k);
            }
            double f = switch (slope) {
                case RIGHT -> 1 - h[j] * h[j];
                case OF_SUMS -> 1 - a[j] * a[j];
                case SIGMOID -> h[j] * (1 - h[j]);
                case NONE -> 1;
            };
            flat[j] = sum * f;
        }
        System.arraycopy(out, 0, flat, h.length, out.length);
        return flat;
    }

    private static Layout layout() {
        List<String> labels = new ArrayList<>();
        Map<String, List<Integer>> byLayer = new LinkedHashMap<>();
        for (int l = 1; l <= 2; l++) {
            for (int j = 1; j <= SIZES[l]; j++) {
                byLayer.computeIfAbsent(l == 1 ? "the hidden layer" : "the output layer", m -> new ArrayList<>()).add(labels.size());
                labels.add("δ⁽" + "⁰¹²".charAt(l) + "⁾" + "₀₁₂₃₄₅₆₇₈₉".charAt(j));
            }
        }
        return new Layout(labels, List.of(byLayer));
    }
}
