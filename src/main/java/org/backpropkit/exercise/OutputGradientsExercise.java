package org.backpropkit.exercise;

import java.util.List;
import java.util.function.Function;
import org.backpropkit.core.Network;

/**
 * Lesson 5: the learner's {@code ∂L/∂u_ij} for all six output weights of the 2-3-2 network, tried on
 * three unseen networks, inputs and targets and compared with the kit's backpropagation.
 *
 * <p>Planted mistakes (each computed here from the kit's forward values {@code h}, {@code y}): the
 * sigmoid's slope {@code y_j(1 − y_j)} left out, or taken of the sum {@code a⁽²⁾_j} instead of the output;
 * the sign of {@code y − t} turned round; the factor {@code h_i} left out (that is the bias's gradient);
 * a factor 2 that the ½ of the loss should have cancelled; swapped or 0-based indices (recognised by the
 * index error they cause: {@code δ₃} does not exist); the lesson's network, input or target; a constant.
 */
final class OutputGradientsExercise {

    private static final String INDICES = "An index ran past the end. In uᵢⱼ, i counts the hidden units (1 to 3) and j "
            + "the outputs (1 to 2); the check passes them as in the names, from 1, while Java arrays count from 0.";
    private static final String INDICES_STRONGER = "Say in words what u₃₂ joins: hidden unit 3 to output 2. Which "
            + "output's error signal does it use, and which hidden value? Then check which of i and j picks each one, "
            + "and that you subtract 1 before indexing an array.";

    private OutputGradientsExercise() {
    }

    static Exercise<Trial> exercise() {
        return new Exercise<>("your ∂L/∂uᵢⱼ", "the kit's backpropagation", Unseen.networks(5, 3), Trial::whereXT,
                Layout.table(List.of("from h₁", "from h₂", "from h₃"), List.of("output 1", "output 2"),
                        (r, c) -> "∂L/∂u" + "₁₂₃".charAt(r) + "₁₂".charAt(c)), OutputGradientsExercise::kit)
                .mistakes(Mistake.throwing("indices swapped or counted from 0", IndexOutOfBoundsException.class, INDICES,
                                INDICES_STRONGER),
                        Mistake.throwing("indices swapped in a name", IllegalArgumentException.class, INDICES, INDICES_STRONGER))
                .mistakes(
                        formula("σ′ left out", (h, y, a, t, i, j) -> (y[j] - t[j]) * h[i],
                                "Your gradients are what you get without the sigmoid's slope: between the loss and the "
                                        + "weight, the path passes through σ at the output.",
                                "Write ∂L/∂u₁₁ as three factors, one for each link of its path — the loss's slope at y₁, "
                                        + "the output unit's slope, the sum's slope with respect to u₁₁ — and check that "
                                        + "your code multiplies all three."),
                        formula("σ′ of the sum", (h, y, a, t, i, j) -> (y[j] - t[j]) * a[j] * (1 - a[j]) * h[i],
                                "Your gradients take the sigmoid's slope of the sum a⁽²⁾ⱼ in the form that needs the output: "
                                + "that short form is written in the sigmoid's output yⱼ, not in its input.",
                                "Lesson 2 wrote σ′ in terms of σ's value. Print your slope factor for the lesson's network "
                                        + "and compare it with the derivation's second factor for u₁₁."),
                        formula("wrong sign", (h, y, a, t, i, j) -> (t[j] - y[j]) * y[j] * (1 - y[j]) * h[i],
                                "Your gradients have the right size and the opposite sign: the loss's slope at an "
                                        + "output is the output minus its target, not the other way round.",
                                "Lesson 3: when yⱼ is above its target, raising yⱼ raises the loss, so that factor must be "
                                        + "positive there."),
                        formula("hᵢ left out", (h, y, a, t, i, j) -> (y[j] - t[j]) * y[j] * (1 - y[j]),
                                "Your number is the same for all three weights into an output: that is the output bias's "
                                        + "gradient. A weight's gradient also carries the value that weight multiplies.",
                                "The sum a⁽²⁾ⱼ changes with uᵢⱼ at the rate of whatever uᵢⱼ multiplies in that sum."),
                        formula("factor 2", (h, y, a, t, i, j) -> 2 * (y[j] - t[j]) * y[j] * (1 - y[j]) * h[i],
                                "Your gradients are exactly twice the kit's: the ½ in the loss cancels the 2 that "
                                        + "differentiating the square brings down.",
                                "Differentiate ½(yⱼ − tⱼ)² with respect to yⱼ once more, as in lesson 3."))
                .mistakes(Mistake.lessonValues(OutputGradientsExercise::kit, true))
                .quantities(Trial::quantities)
                .whenConstant("Your gradients are the same for every network, input and target: they must be computed "
                        + "from the ones your method is given.")
                .otherwise("Compare your three factors for u₁₁ with Derivation.of(net, x, t, \"u11\") on the lesson's "
                        + "network, one factor at a time.", "Each ∂L/∂uᵢⱼ is a product of three factors along the path from "
                        + "uᵢⱼ to the loss; lesson 5's derivation of u₁₁ shows them. Check which index, i or j, each of "
                        + "your factors uses.");
    }

    /** Checks the learner's gradients, given as {@code (net, x, t, i, j) -> dL_du(net, x, t, i, j)}. */
    static String check(Exercises.OutputGradient yours) {
        return exercise().check(trial -> {
            double[] all = new double[6];
            for (int i = 1; i <= 3; i++) {
                for (int j = 1; j <= 2; j++) {
                    Trial own = trial.fresh();
                    all[(i - 1) * 2 + j - 1] = yours.dL_du(own.net(), own.x(), own.t(), i, j);
                }
            }
            return all;
        });
    }

    private static double[] kit(Trial trial) {
        Network net = trial.net();
        var g = net.gradients(trial.x(), trial.t());
        double[] all = new double[6];
        for (int i = 1; i <= 3; i++) {
            for (int j = 1; j <= 2; j++) {
                all[(i - 1) * 2 + j - 1] = g.of("u" + i + j);
            }
        }
        return all;
    }

    /** One entry of a planted formula, from the forward pass's h, y and a⁽²⁾ and the target, i and j counted from 0. */
    private interface Entry {
        double of(double[] h, double[] y, double[] a, double[] t, int i, int j);
    }

    private static Mistake<Trial> formula(String name, Entry entry, String hint, String stronger) {
        Function<Trial, double[]> gives = trial -> {
            double[] h = trial.h(), y = trial.y(), a = trial.net().forward(trial.x()).a(2).row(0), all = new double[6];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    all[i * 2 + j] = entry.of(h, y, a, trial.t(), i, j);
                }
            }
            return all;
        };
        return Mistake.gives(name, gives, hint, stronger);
    }
}
