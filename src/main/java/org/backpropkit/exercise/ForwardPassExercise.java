package org.backpropkit.exercise;

import java.util.function.DoubleUnaryOperator;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;

/**
 * Lesson 4: the learner's forward pass of the 2-3-2 network, {@code y = σ(σ(x·w + b⁽¹⁾)·u + b⁽²⁾)},
 * tried on three unseen networks and inputs and compared with the kit's {@code net.forward(x)}.
 *
 * <p>Planted mistakes, each computed here by a forward pass written with that mistake: σ never applied,
 * or left out in one layer; the biases left out, in both layers or one; σ applied before the bias is
 * added; σ with the wrong sign in its exponent; the output layer fed with {@code x} instead of
 * {@code h}; the lesson's network or input used instead of the arguments; a constant. Transposed
 * weights cannot give numbers here — {@code w} is 2 × 3 and {@code u} is 3 × 2, so reading either the
 * other way round runs off its end — and are recognised by that {@link IndexOutOfBoundsException}.
 */
final class ForwardPassExercise {

    private static final DoubleUnaryOperator SIGMA = Activation.SIGMOID::apply;
    private static final DoubleUnaryOperator NONE = a -> a;
    private static final DoubleUnaryOperator WRONG_SIGN = a -> 1 / (1 + Math.exp(a));
    private static final String STRONGER = "A layer does the same for each of its units: a sum over every unit of the "
            + "layer below (that unit's value times the weight joining it to this unit), plus this unit's own bias, and "
            + "then σ of that sum. Print h inside your method for the lesson's network and compare it with fp.h(1) from "
            + "the lesson; then y with fp.y().";

    private ForwardPassExercise() {
    }

    static Exercise<Trial> exercise() {
        return new Exercise<>("your forward pass", "the kit's forward pass", Unseen.networks(4, 3), Trial::whereX,
                Layout.entries("y₁", "y₂"), trial -> trial.net().forward(trial.x()).y().row(0))
                .mistakes(Mistake.throwing("w or u transposed", IndexOutOfBoundsException.class,
                        "An index ran off the end of a matrix. w is 2 × 3: row i is input i, column j is hidden unit j. "
                                + "u is 3 × 2: row j is hidden unit j, column k is output k. Reading either the other way "
                                + "round (transposed) runs off its end.",
                        "Hidden unit 1 needs one weight per input, all from the first column of w; output 1 needs one "
                                + "weight per hidden unit, all from the first column of u. Check that every index you read "
                                + "puts the unit below first and the unit above second."))
                .mistakes(
                        variant("σ never applied", NONE, NONE, true, true, false,
                                "Your outputs are the weighted sums themselves: σ is never applied. Both the hidden "
                                        + "units and the outputs squash their sums.",
                                "No sigmoid unit gives a value below 0 or above 1. Print your h and y for the lesson's network: "
                                        + "where one lies outside (0, 1), σ is missing."),
                        variant("σ left out in the hidden layer", NONE, SIGMA, true, true, false,
                                "Your outputs are what the network gives when the hidden units are not squashed: h is the "
                                        + "sigmoid of the hidden sums a⁽¹⁾, not the sums themselves.",
                                "Print your h for the lesson's network next to fp.a(1) and fp.h(1) from the lesson: yours "
                                        + "are the sums, one step short of the activations."),
                        variant("σ left out in the output layer", SIGMA, NONE, true, true, false,
                                "Your outputs are the output layer's sums a⁽²⁾: they still need the sigmoid.",
                                "Compare your y for the lesson's network with fp.a(2) from the lesson: they agree, so the "
                                        + "last step is missing."),
                        variant("biases left out", SIGMA, SIGMA, false, false, false,
                                "Your outputs are what the network gives with every bias left out: each hidden unit and "
                                        + "each output adds its own bias to its sum.",
                                "net.layer(1).b() holds b⁽¹⁾ and net.layer(2).b() holds b⁽²⁾, each a row with one entry per "
                                        + "unit: every unit's sum takes the entry in its own column."),
                        variant("hidden biases left out", SIGMA, SIGMA, false, true, false,
                                "Your outputs are what the network gives without the hidden biases b⁽¹⁾: each hidden "
                                        + "unit adds its own bias to its sum before σ.",
                                "b⁽¹⁾ is net.layer(1).b(), a row with one entry per hidden unit. Compare your hidden sums "
                                        + "for the lesson's network with fp.a(1)."),
                        variant("output biases left out", SIGMA, SIGMA, true, false, false,
                                "Your outputs are what the network gives without the output biases b⁽²⁾: each output "
                                        + "adds its own bias to its sum before σ.",
                                "b⁽²⁾ is net.layer(2).b(), a row with one entry per output. Compare your output sums for "
                                        + "the lesson's network with fp.a(2)."),
                        variant("σ before the bias", SIGMA, SIGMA, true, true, true,
                                "Your outputs are what you get by applying σ first and adding the bias after it: the "
                                        + "bias belongs inside σ, with the weighted sum.",
                                "For the lesson's network, compare your h with fp.h(1): each hidden unit is σ of its whole "
                                        + "sum, bias included, and nothing is added after σ."),
                        variant("σ with the wrong sign", WRONG_SIGN, WRONG_SIGN, true, true, false,
                                "Your outputs are what a sigmoid with the wrong sign in its exponent gives: σ(a) must "
                                        + "grow with a (σ(2) ≈ 0.88, σ(−2) ≈ 0.12). Check your σ at a = 2.",
                                "Print your σ at 0, 2 and −2: they must be 0.5, about 0.88 and about 0.12. The exponent "
                                        + "is negative when a is positive."),
                        Mistake.gives("output layer fed with x", ForwardPassExercise::outputFromX,
                                "Your outputs are computed from the inputs x, not from the hidden units: the output "
                                        + "layer's inputs are h₁, h₂ and h₃, three of them.",
                                "The output layer's sums run over the three hidden units, one row of u each, and use "
                                        + "the values your hidden layer has just computed."))
                .mistakes(Mistake.lessonValues(trial -> trial.net().forward(trial.x()).y().row(0), false))
                .quantities(Trial::quantities)
                .whenConstant("Your y is the same for every network and input: it must be computed from the network "
                        + "and x your method is given.")
                .otherwise("Follow one number: compute a⁽¹⁾₁ and h₁ for the lesson's network inside your method and "
                        + "compare them with the lesson's, then the same for y₁.", STRONGER);
    }

    /** Checks the learner's forward pass, given as {@code (net, x) -> forward(net, x)}. */
    static String check(Exercises.Forward yours) {
        return exercise().check(trial -> {
            Trial own = trial.fresh();
            return yours.y(own.net(), own.x());
        });
    }

    /** A forward pass with these activations and biases, adding each bias after σ if {@code biasAfter}. */
    private static Mistake<Trial> variant(String name, DoubleUnaryOperator hidden, DoubleUnaryOperator output,
            boolean hiddenBias, boolean outputBias, boolean biasAfter, String hint, String stronger) {
        return Mistake.gives(name, trial -> {
            Network net = trial.net();
            double[] h = layer(trial.x(), net.layer(1).w(), net.layer(1).b(), hidden, hiddenBias, biasAfter);
            return layer(h, net.layer(2).w(), net.layer(2).b(), output, outputBias, biasAfter);
        }, hint, stronger);
    }

    /** The outputs computed from x as if x were h: the first two rows of u only. */
    private static double[] outputFromX(Trial trial) {
        Network net = trial.net();
        return layer(trial.x(), net.layer(2).w(), net.layer(2).b(), SIGMA, true, false);
    }

    /** {@code f(Σᵢ inᵢ wᵢⱼ + bⱼ)} for each unit j, over the first {@code in.length} rows of w. */
    private static double[] layer(double[] in, Matrix w, Matrix b, DoubleUnaryOperator f, boolean bias, boolean biasAfter) {
        double[] out = new double[w.cols()];
        for (int j = 0; j < out.length; j++) {
            double a = 0;
            for (int i = 0; i < in.length; i++) {
                a += in[i] * w.get(i, j);
            }
            double bj = bias ? b.get(0, j) : 0;
            out[j] = biasAfter ? f.applyAsDouble(a) + bj : f.applyAsDouble(a + bj);
        }
        return out;
    }
}
