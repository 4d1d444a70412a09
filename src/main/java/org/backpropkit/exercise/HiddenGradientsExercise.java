package org.backpropkit.exercise;

import java.util.List;
import org.backpropkit.core.Gradients;

/**
 * Lesson 6: the learner's {@code ∂L/∂w_ij} for the six hidden weights and {@code ∂L/∂b⁽¹⁾_j} for the three
 * hidden biases, tried on three unseen networks, inputs and targets and compared with the kit's
 * backpropagation.
 *
 * <p>Planted mistakes, each computed here from the kit's forward values with
 * {@code δₖ = (yₖ − tₖ) yₖ(1 − yₖ)}: only the path through {@code y₁}, or only through {@code y₂}; the hidden
 * unit's slope {@code hⱼ(1 − hⱼ)} left out; the outputs' slope left out; the article's stray {@code xᵢ}
 * (weights times {@code xᵢ} once more, biases unchanged, as the printed rule gives); {@code hᵢ} where the
 * weight's input is {@code xᵢ}; the opposite sign; {@code u} read transposed (an index error, since
 * {@code u} is 3 × 2); the lesson network's hidden error signals with the given input; the lesson's network,
 * input or target; a constant.
 */
final class HiddenGradientsExercise {

    private static final String INDICES = "An index ran past the end. In wᵢⱼ, i counts the inputs (1 to 2) and j the "
            + "hidden units (1 to 3); u is 3 × 2, row j for hidden unit j and column k for output k. The check passes i "
            + "and j as in the names, from 1, while Java arrays count from 0.";
    private static final String INDICES_STRONGER = "The path from w₂₃ to the loss goes through hidden unit 3 and then "
            + "through each output k along the weight joining hidden unit 3 to output k. Check which index picks each "
            + "value you read, and that you subtract 1 before indexing an array.";

    private HiddenGradientsExercise() {
    }

    static Exercise<Trial> exercise() {
        return new Exercise<>("your hidden-layer gradients", "the kit's backpropagation", Unseen.networks(6, 3),
                Trial::whereXT, Layout.table(List.of("from x₁", "from x₂", "bias"),
                        List.of("hidden unit 1", "hidden unit 2", "hidden unit 3"),
                        (r, c) -> r < 2 ? "∂L/∂w" + "₁₂".charAt(r) + "₁₂₃".charAt(c) : "∂L/∂b⁽¹⁾" + "₁₂₃".charAt(c)),
                HiddenGradientsExercise::kit)
                .mistakes(Mistake.throwing("indices swapped or counted from 0", IndexOutOfBoundsException.class, INDICES,
                                INDICES_STRONGER),
                        Mistake.throwing("indices swapped in a name", IllegalArgumentException.class, INDICES, INDICES_STRONGER))
                .mistakes(
                        formula("only the path through y₁", new double[] {1, 0}, true, true, 1, false,
                                "Your gradients follow only the path through output 1: a hidden unit feeds both "
                                        + "outputs, and the chain rule adds one term per path.",
                                "Lesson 6's first cells: ∂L/∂h₁ had two terms. Print your sum for the lesson's network "
                                        + "and compare it with the two path values printed there."),
                        formula("only the path through y₂", new double[] {0, 1}, true, true, 1, false,
                                "Your gradients follow only the path through output 2: a hidden unit feeds both "
                                        + "outputs, and the chain rule adds one term per path.",
                                "Lesson 6's first cells: ∂L/∂h₁ had two terms. Print your sum for the lesson's network "
                                        + "and compare it with the two path values printed there."),
                        formula("hidden σ′ left out", new double[] {1, 1}, true, false, 1, false,
                                "Your gradients stop at the hidden unit's value: between hⱼ and its sum a⁽¹⁾ⱼ the "
                                        + "path passes through σ, whose slope is one more factor.",
                                "Count the links from wᵢⱼ to the loss: the sum a⁽¹⁾ⱼ, then hⱼ, then each output's "
                                        + "sum and output. Each link gives one factor; compare your count."),
                        formula("output σ′ left out", new double[] {1, 1}, false, true, 1, false,
                                "Your gradients leave out the outputs' sigmoid slopes: each path back from an output "
                                        + "passes through that output's σ.",
                                "Use the output error signals of lesson 5 for the paths, not the plain differences "
                                        + "between outputs and targets."),
                        formula("the article's stray xᵢ", new double[] {1, 1}, true, true, 2, false,
                                "Your weight gradients carry the input xᵢ twice — the article's printed rule has that "
                                        + "extra factor (lesson 7); your bias gradients are right.",
                                "A weight's gradient is its unit's error signal times the one value the weight "
                                        + "multiplies; the error signal itself has no xᵢ in it."),
                        formula("hᵢ instead of xᵢ", new double[] {1, 1}, true, true, 1, true,
                                "Your weight gradients multiply by a hidden value hᵢ: a hidden weight wᵢⱼ multiplies "
                                        + "the input xᵢ, so that is its last factor.",
                                "In lesson 5 the last factor was hᵢ because u's inputs are the hidden units; w's inputs "
                                        + "are x₁ and x₂."),
                        Mistake.gives("wrong sign", trial -> negated(kit(trial)),
                                "Your gradients have the right size and the opposite sign: the loss's slope at an "
                                        + "output is the output minus its target.",
                                "Lesson 3: when yₖ is above its target, the loss rises with yₖ; check the sign of "
                                        + "your first factor."))
                .mistakes(Mistake.gives("the lesson's hidden error signals", HiddenGradientsExercise::lessonDeltas,
                        "Your gradients use the lesson network's hidden error signals δ⁽¹⁾ with the x your method is given: "
                                + "compute the error signals from the network, input and target your method is given, not "
                                + "from the notebook's variables.",
                        "Run your method on Network.of(2, 3, 2).seed(1) with another x and t: if its δ⁽¹⁾ do not change, "
                                + "they are read from the lesson rather than computed."))
                .mistakes(Mistake.lessonValues(HiddenGradientsExercise::kit, true))
                .quantities(Trial::quantities)
                .whenConstant("Your gradients are the same for every network, input and target: they must be computed "
                        + "from the ones your method is given.")
                .otherwise("Compare your factors for w₂₁ with Derivation.of(net, x, t, \"w21\") on the lesson's network, "
                        + "one factor at a time.", "Each hidden gradient has the shape of lesson 6's table: a sum over the "
                        + "outputs, the hidden unit's slope, and the value the parameter multiplies (1 for a bias). Check "
                        + "each of your factors, and its index, against the derivation of w₂₁.");
    }

    /** Checks the learner's gradients, {@code (net, x, t, i, j) -> dL_dw(…)} and {@code (net, x, t, j) -> dL_db(…)}. */
    static String check(Exercises.HiddenWeightGradient weights, Exercises.HiddenBiasGradient biases) {
        return exercise().check(trial -> {
            double[] all = new double[9];
            for (int j = 1; j <= 3; j++) {
                for (int i = 1; i <= 2; i++) {
                    Trial own = trial.fresh();
                    all[(i - 1) * 3 + j - 1] = weights.dL_dw(own.net(), own.x(), own.t(), i, j);
                }
                Trial own = trial.fresh();
                all[6 + j - 1] = biases.dL_db(own.net(), own.x(), own.t(), j);
            }
            return all;
        });
    }

    private static double[] kit(Trial trial) {
        Gradients g = trial.net().gradients(trial.x(), trial.t());
        double[] all = new double[9];
        for (int j = 1; j <= 3; j++) {
            all[j - 1] = g.of("w1" + j);
            all[3 + j - 1] = g.of("w2" + j);
            all[6 + j - 1] = g.of("b(1)" + j);
        }
        return all;
    }

    /** The lesson's {@code δ⁽¹⁾ⱼ} (its network, x and t) times this trial's {@code xᵢ} for weights, alone for biases. */
    private static double[] lessonDeltas(Trial trial) {
        double[] lesson = kit(Trial.lesson()), all = new double[9];
        for (int j = 0; j < 3; j++) {
            double delta = lesson[6 + j];
            for (int i = 0; i < 2; i++) {
                all[i * 3 + j] = delta * trial.x()[i];
            }
            all[6 + j] = delta;
        }
        return all;
    }

    /**
     * A planted rule: {@code (Σₖ pathₖ · δₖ · uⱼₖ) · hⱼ(1 − hⱼ) · inputᵢ^power} for weights and without the input
     * for biases, where {@code δₖ} keeps or drops the output slope, the hidden slope is kept or dropped, and
     * the input is {@code xᵢ} or, if {@code hiddenInput}, {@code hᵢ}.
     */
    private static Mistake<Trial> formula(String name, double[] paths, boolean outputSlope, boolean hiddenSlope, int power,
            boolean hiddenInput, String hint, String stronger) {
        return Mistake.gives(name, trial -> {
            double[] h = trial.h(), y = trial.y(), t = trial.t(), x = trial.x(), all = new double[9];
            double[][] u = trial.net().layer(2).w().toArray();
            for (int j = 0; j < 3; j++) {
                double back = 0;
                for (int k = 0; k < 2; k++) {
                    back += paths[k] * (y[k] - t[k]) * (outputSlope ? y[k] * (1 - y[k]) : 1) * u[j][k];
                }
                double delta = back * (hiddenSlope ? h[j] * (1 - h[j]) : 1);
                for (int i = 0; i < 2; i++) {
                    all[i * 3 + j] = delta * Math.pow(hiddenInput ? h[i] : x[i], power);
                }
                all[6 + j] = delta;
            }
            return all;
        }, hint, stronger);
    }

    private static double[] negated(double[] v) {
        double[] out = v.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] = -out[k];
        }
        return out;
    }
}
