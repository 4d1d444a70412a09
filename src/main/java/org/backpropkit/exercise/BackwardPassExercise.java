package org.backpropkit.exercise;

import java.util.List;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.exercise.PlantedBackward.Bug;

/**
 * Lesson 12: the learner's complete backward pass of the 2-3-2 network in scalar code — forward values,
 * both layers' error signals and all 17 gradients, returned as a map from names ({@code "w11"},
 * {@code "b(2)1"}) to numbers — tried on three unseen networks, inputs and targets and compared with the
 * kit's backpropagation.
 *
 * <p>Planted mistakes, computed by {@link PlantedBackward}: the outputs' σ′ or the hidden units' σ′ left
 * out; σ′ of the sums; only the path through {@code y₁}, or only through {@code y₂}; the article's stray
 * {@code xᵢ}; the opposite sign; the output weights reading {@code hⱼ} for {@code hᵢ}; the hidden biases
 * with the opposite sign; a map without every name (refused with what is missing), an index past the end;
 * the lesson's network, input or target; a constant.
 */
final class BackwardPassExercise {

    static final String INDICES = "An index ran past the end. In wᵢⱼ and uᵢⱼ, i counts the units the weight comes "
            + "from and j the unit it feeds: w is 2 × 3 and u is 3 × 2, and Java counts rows and columns from 0.";
    static final String INDICES_STRONGER = "Write the shape beside each array you read and fill: x and t have 2 entries, "
            + "h 3, y 2; the error signals have one entry per unit of their layer. Then check each loop's bound.";
    static final String NAMES = "The check reads your gradients by name, one entry per parameter, named as the kit "
            + "prints them: w11 … w23, u11 … u32, b(1)1 … b(1)3, b(2)1 and b(2)2. The message above says which are missing.";
    static final String NAMES_STRONGER = "Print your map's keys for the lesson's network: there must be 17, and "
            + "net.parameters() lists the same 17 names.";

    private BackwardPassExercise() {
    }

    static Exercise<Trial> exercise() {
        List<Trial> trials = Unseen.networks(12, 3);
        return new Exercise<>("your backward pass", "the kit's backpropagation", trials, Trial::whereXT,
                Layout.parameters(trials.get(0).net()), BackwardPassExercise::kit)
                .mistakes(Mistake.throwing("not every name", Answers.NotAnAnswer.class, NAMES, NAMES_STRONGER),
                        Mistake.throwing("an index past the end", IndexOutOfBoundsException.class, INDICES, INDICES_STRONGER))
                .mistakes(
                        planted("the outputs' σ′ left out", Bug.OUTPUT_SLOPE,
                                "Your output error signals are the bare differences y − t: the outputs are sigmoids, so "
                                        + "each error signal δ⁽²⁾ₖ = ∂L/∂a⁽²⁾ₖ also carries that output's slope — and "
                                        + "everything below inherits the slip.",
                                "Lesson 5: ∂L/∂u₁₁ had three factors. Compare your δ⁽²⁾ for the lesson's network with "
                                        + "net.gradients(x, t).delta(2)."),
                        planted("the hidden units' σ′ left out", Bug.HIDDEN_SLOPE,
                                "Your output layer is right; your hidden error signals stop at the sum over the outputs: "
                                        + "between hⱼ and its sum a⁽¹⁾ⱼ lies a sigmoid, whose slope is one more factor.",
                                "Compare your δ⁽¹⁾ for the lesson's network with net.gradients(x, t).delta(1): by which "
                                        + "value of the forward pass does each entry differ?"),
                        planted("σ′ of the sums", Bug.SLOPE_OF_SUMS,
                                "Your slopes are taken of the sums a instead of the units' values: the sigmoid's slope at "
                                        + "its input a is written with its output, σ(a)(1 − σ(a)).",
                                "Print the slope factors you use for the lesson's network and compare them with "
                                        + "y(1 − y) and h(1 − h) from its forward pass."),
                        planted("only the path through y₁", Bug.FIRST_PATH_ONLY,
                                "Your hidden error signals follow only the path through output 1: each hidden unit feeds "
                                        + "both outputs, and its error signal adds one term per path.",
                                "Lesson 6: ∂L/∂h₁ had two terms; count the terms in your hidden sum."),
                        planted("only the path through y₂", Bug.SECOND_PATH_ONLY,
                                "Your hidden error signals follow only the path through output 2: each hidden unit feeds "
                                        + "both outputs, and its error signal adds one term per path.",
                                "Lesson 6: ∂L/∂h₁ had two terms; count the terms in your hidden sum."),
                        planted("the article's stray xᵢ", Bug.STRAY_INPUT,
                                "Your hidden weights' gradients carry the input xᵢ twice — the article's printed rule has "
                                        + "that extra factor (lesson 7); everything else is right.",
                                "A weight's gradient is its unit's error signal times the one value the weight multiplies."),
                        planted("the hidden biases' opposite sign", Bug.HIDDEN_BIAS_SIGN,
                                "Your hidden biases' gradients have the right size and the opposite sign; everything else "
                                        + "is right. A gradient is the slope itself; the minus belongs to the update step.",
                                "∂L/∂b⁽¹⁾ⱼ is the hidden error signal δ⁽¹⁾ⱼ itself, with nothing else."),
                        planted("opposite sign", Bug.SIGN,
                                "Your gradients have the right size and the opposite sign: the loss's slope at an output "
                                        + "is the output minus its target.",
                                "Lesson 3: when y₁ is above its target, the loss rises with y₁."),
                        planted("hⱼ for hᵢ in the output weights", Bug.OUTPUT_INPUT_SWAPPED,
                                "Your output weights' gradients are right only where i = j: uᵢⱼ multiplies hᵢ, the unit it "
                                        + "comes from, so hᵢ is its last factor.",
                                "Say in words what u₃₁ joins, then which hidden value your code multiplies for it."))
                .mistakes(Mistake.lessonValues(BackwardPassExercise::kit, true))
                .quantities(Trial::quantities)
                .whenConstant("Your gradients are the same for every network, input and target: they must be computed "
                        + "from the ones your method is given.")
                .otherwise("Compare layer by layer, from the output down: your δ⁽²⁾, your ∂L/∂u, then your δ⁽¹⁾ and ∂L/∂w, "
                                + "each against net.gradients(x, t) on the lesson's network.",
                        "GradientTable.of(net, x, t, yourMap) on the lesson's network shows which rows differ and by what "
                                + "ratio: start at the rows nearest the loss.");
    }

    /** Checks the learner's backward pass, {@code (net, x, t) -> backward(net, x, t)}. */
    static String check(Exercises.Backward yours) {
        return exercise().check(trial -> {
            Trial own = trial.fresh();
            return Answers.ofParameters(trial.net(), yours.backward(own.net(), own.x(), own.t()));
        });
    }

    private static double[] kit(Trial trial) {
        return kit(trial.net(), Matrix.row(trial.x()), Matrix.row(trial.t()));
    }

    /** Backpropagation's gradients of the batch loss, in {@link Network#parameters()} order: the reference. */
    static double[] kit(Network net, Matrix x, Matrix t) {
        Gradients g = net.gradients(x, t);
        return net.parameters().stream().mapToDouble(g::of).toArray();
    }

    private static Mistake<Trial> planted(String name, Bug bug, String hint, String stronger) {
        return Mistake.gives(name, trial -> PlantedBackward.gradients(trial.net(), Matrix.row(trial.x()), Matrix.row(trial.t()),
                bug), hint, stronger);
    }
}
