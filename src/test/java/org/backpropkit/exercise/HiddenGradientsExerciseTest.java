package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backpropkit.check.CheckFailed;
import org.backpropkit.core.Article;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 6's checker against hidden-layer gradients written as a learner would, right and with each typical slip. */
class HiddenGradientsExerciseTest {

    enum Slip { NONE, ONLY_Y1, ONLY_Y2, NO_HIDDEN_SLOPE, NO_OUTPUT_SLOPE, STRAY_X, H_FOR_X, SIGN, U_TRANSPOSED, LESSON_NETWORK,
        LESSON_X, LESSON_T, CONSTANT }

    static final String[] SOLUTION = {"back += delta[k] * u[j - 1][k];", "back * h[j - 1] * (1 - h[j - 1]) * x[i - 1]"};

    /** δ⁽¹⁾ⱼ as a learner writes it, with one slip (or none); j counts from 1. */
    static double hiddenDelta(Network given, double[] givenX, double[] givenT, int j, Slip slip) {
        Network net = slip == Slip.LESSON_NETWORK ? Article.network() : given;
        double[] x = slip == Slip.LESSON_X ? Article.x() : givenX;
        double[] t = slip == Slip.LESSON_T ? Article.t() : givenT;
        ForwardPass fp = net.forward(x);
        double[] h = fp.h(1).row(0), y = fp.y().row(0);
        double[][] u = net.layer(2).w().toArray();
        double back = 0;
        for (int k = 0; k < 2; k++) {
            if ((slip == Slip.ONLY_Y1 && k == 1) || (slip == Slip.ONLY_Y2 && k == 0)) {
                continue;
            }
            double delta = (slip == Slip.SIGN ? t[k] - y[k] : y[k] - t[k]) * (slip == Slip.NO_OUTPUT_SLOPE ? 1 : y[k] * (1 - y[k]));
            back += delta * (slip == Slip.U_TRANSPOSED ? u[k][j - 1] : u[j - 1][k]);
        }
        return slip == Slip.NO_HIDDEN_SLOPE ? back : back * h[j - 1] * (1 - h[j - 1]);
    }

    static double weight(Network net, double[] givenX, double[] t, int i, int j, Slip slip) {
        if (slip == Slip.CONSTANT) {
            return 0.01;
        }
        double[] x = slip == Slip.LESSON_X ? Article.x() : givenX;
        double input = slip == Slip.H_FOR_X ? net.forward(x).h(1).get(0, i - 1) : x[i - 1];
        return hiddenDelta(net, givenX, t, j, slip) * input * (slip == Slip.STRAY_X ? x[i - 1] : 1);
    }

    static double bias(Network net, double[] x, double[] t, int j, Slip slip) {
        return slip == Slip.CONSTANT ? 0.02 : hiddenDelta(net, x, t, j, slip);
    }

    static String check(Slip slip) {
        return Exercises.hiddenGradients((net, x, t, i, j) -> weight(net, x, t, i, j, slip), (net, x, t, j) -> bias(net, x, t, j, slip));
    }

    @Test
    void theSolutionPasses() {
        assertTrue(Verdicts.passes(() -> check(Slip.NONE)).startsWith(
                "✓ your hidden-layer gradients and the kit's backpropagation agree on 3 cases the lesson never showed (27 values;"));
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.ONLY_Y1, "follow only the path through output 1");
        says.put(Slip.ONLY_Y2, "follow only the path through output 2");
        says.put(Slip.NO_HIDDEN_SLOPE, "stop at the hidden unit's value");
        says.put(Slip.NO_OUTPUT_SLOPE, "leave out the outputs' sigmoid slopes");
        says.put(Slip.STRAY_X, "carry the input xᵢ twice");
        says.put(Slip.H_FOR_X, "multiply by a hidden value hᵢ");
        says.put(Slip.SIGN, "the opposite sign");
        says.put(Slip.U_TRANSPOSED, "u is 3 × 2, row j for hidden unit j");
        says.put(Slip.LESSON_NETWORK, "come from the lesson's network");
        says.put(Slip.LESSON_X, "the lesson's input x = (0.5, 0.8)");
        says.put(Slip.LESSON_T, "the lesson's target t = (1, 0)");
        says.put(Slip.CONSTANT, "the same for every network, input and target");
        assertEquals(says.size(), Verdicts.eachSays(says, HiddenGradientsExerciseTest::check).size(), "every mistake has its own hint");
    }

    @Test
    void theStrayXiIsWrongOnlyForTheWeightsByAFactorThatEqualsTheInput() {
        String message = Verdicts.fails(() -> check(Slip.STRAY_X));
        assertTrue(message.contains("Right for bias, wrong for from x₁ and from x₂."), message);
        // Without the planted mistake the general pattern still names the factor entry by entry.
        Exercise<Trial> bare = new Exercise<>("w", "kit", HiddenGradientsExercise.exercise().trials(), Trial::whereXT,
                Layout.entries("w₁₁", "w₂₁"), trial -> new double[] {trial.x()[0] * 2, trial.x()[1] * 3})
                .quantities(Trial::quantities);
        CheckFailed e = org.junit.jupiter.api.Assertions.assertThrows(CheckFailed.class,
                () -> bare.check(trial -> new double[] {trial.x()[0] * trial.x()[0] * 2, trial.x()[1] * trial.x()[1] * 3}));
        assertTrue(e.getMessage().contains("Yours is the expected value times x₁ in w₁₁ and times x₂ in w₂₁, on every case"),
                e.getMessage());
    }

    @Test
    void theLessonsHiddenErrorSignalsWithTheGivenInputAreNamed() {
        double[] lessonDelta = new double[3];
        for (int j = 1; j <= 3; j++) {
            lessonDelta[j - 1] = hiddenDelta(Article.network(), Article.x(), Article.t(), j, Slip.NONE);
        }
        String message = Verdicts.fails(() -> Exercises.hiddenGradients((net, x, t, i, j) -> lessonDelta[j - 1] * x[i - 1],
                (net, x, t, j) -> bias(net, x, t, j, Slip.NONE)));
        assertTrue(message.contains("Right for bias, wrong for from x₁ and from x₂."), message);
        assertTrue(message.contains("the lesson network's hidden error signals δ⁽¹⁾ with the x your method is given"), message);
    }

    @Test
    void aConstantInTheWeightsAloneIsCalledConstantEvenWhenTheBiasesAreRight() {
        String message = Verdicts.fails(() -> Exercises.hiddenGradients((net, x, t, i, j) -> -0.0182527,
                (net, x, t, j) -> bias(net, x, t, j, Slip.NONE)));
        assertTrue(message.contains("Your gradients are the same for every network, input and target"), message);
    }
}
