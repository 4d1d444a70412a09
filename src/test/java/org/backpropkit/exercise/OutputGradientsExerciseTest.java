package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.backpropkit.core.Article;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 5's checker against ∂L/∂uᵢⱼ written as a learner would, right and with each typical slip. */
class OutputGradientsExerciseTest {

    enum Slip { NONE, NO_SLOPE, SLOPE_OF_SUM, SIGN, NO_H, TWICE, SWAPPED, ZERO_BASED, NAME_SWAPPED, LESSON_NETWORK, LESSON_X,
        LESSON_T, CONSTANT }

    static final String[] SOLUTION = {"(y[j - 1] - t[j - 1]) * y[j - 1] * (1 - y[j - 1]) * h[i - 1]", "delta[j - 1] * h[i - 1]"};

    static double learner(Network given, double[] givenX, double[] givenT, int i, int j, Slip slip) {
        Network net = slip == Slip.LESSON_NETWORK ? Article.network() : given;
        double[] x = slip == Slip.LESSON_X ? Article.x() : givenX;
        double[] t = slip == Slip.LESSON_T ? Article.t() : givenT;
        ForwardPass fp = net.forward(x);
        double[] h = fp.h(1).row(0), y = fp.y().row(0), a = fp.a(2).row(0);
        int k = j - 1;
        return switch (slip) {
            case NO_SLOPE -> (y[k] - t[k]) * h[i - 1];
            case SLOPE_OF_SUM -> (y[k] - t[k]) * a[k] * (1 - a[k]) * h[i - 1];
            case SIGN -> (t[k] - y[k]) * y[k] * (1 - y[k]) * h[i - 1];
            case NO_H -> (y[k] - t[k]) * y[k] * (1 - y[k]);
            case TWICE -> 2 * (y[k] - t[k]) * y[k] * (1 - y[k]) * h[i - 1];
            case SWAPPED -> (y[i - 1] - t[i - 1]) * y[i - 1] * (1 - y[i - 1]) * h[j - 1];
            case ZERO_BASED -> (y[j] - t[j]) * y[j] * (1 - y[j]) * h[i];
            case NAME_SWAPPED -> net.get("u" + j + i) * 0 + (y[k] - t[k]) * y[k] * (1 - y[k]) * h[i - 1];
            case CONSTANT -> -0.0286865;
            default -> (y[k] - t[k]) * y[k] * (1 - y[k]) * h[i - 1];
        };
    }

    static String check(Slip slip) {
        return Exercises.outputGradients((net, x, t, i, j) -> learner(net, x, t, i, j, slip));
    }

    @Test
    void theSolutionPasses() {
        assertTrue(Verdicts.passes(() -> check(Slip.NONE)).startsWith(
                "✓ your ∂L/∂uᵢⱼ and the kit's backpropagation agree on 3 cases the lesson never showed (18 values;"));
    }

    @Test
    void theKitsGradientsThatTheCheckTrustsAgreeWithTheLossesSlope() {
        for (Trial trial : OutputGradientsExercise.exercise().trials()) {
            var g = trial.net().gradients(trial.x(), trial.t());
            for (String name : new String[] {"u11", "u12", "u21", "u22", "u31", "u32"}) {
                Network up = trial.net().copy(), down = trial.net().copy();
                up.set(name, up.get(name) + 1e-5);
                down.set(name, down.get(name) - 1e-5);
                double slope = (up.loss(trial.x(), trial.t()) - down.loss(trial.x(), trial.t())) / 2e-5;
                assertEquals(slope, g.of(name), 1e-9, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new java.util.LinkedHashMap<>();
        says.put(Slip.NO_SLOPE, "without the sigmoid's slope");
        says.put(Slip.SLOPE_OF_SUM, "not in its input");
        says.put(Slip.SIGN, "the output minus its target, not the other way round");
        says.put(Slip.NO_H, "that is the output bias's gradient");
        says.put(Slip.TWICE, "exactly twice the kit's");
        says.put(Slip.SWAPPED, "An index ran past the end. In uᵢⱼ, i counts the hidden units");
        says.put(Slip.ZERO_BASED, "while Java arrays count from 0");
        says.put(Slip.NAME_SWAPPED, "IllegalArgumentException: 'u13' lies outside u");
        says.put(Slip.LESSON_NETWORK, "come from the lesson's network");
        says.put(Slip.LESSON_X, "the lesson's input x = (0.5, 0.8)");
        says.put(Slip.LESSON_T, "the lesson's target t = (1, 0)");
        says.put(Slip.CONSTANT, "the same for every network, input and target");
        assertEquals(says.size() - 2, Verdicts.eachSays(says, OutputGradientsExerciseTest::check).size(), "the three index slips share one hint; every other mistake has its own");
    }

    @Test
    void aSlipInOneOutputsColumnIsReportedAsRightForTheOtherOutput() {
        String message = Verdicts.fails(() -> Exercises.outputGradients((net, x, t, i, j) ->
                learner(net, x, t, i, j, j == 2 ? Slip.NO_SLOPE : Slip.NONE)));
        assertTrue(message.contains("Right for output 1, wrong for output 2."), message);
        assertTrue(message.contains("without the sigmoid's slope"), message);
        assertTrue(message.contains("    ∂L/∂u₁₂: yours "), message);
    }

    @Test
    void anExtraFactorIsNamedEntryByEntry() {
        String message = Verdicts.fails(() -> Exercises.outputGradients((net, x, t, i, j) ->
                learner(net, x, t, i, j, Slip.NONE) * net.forward(x).h(1).get(0, i - 1)));
        assertTrue(message.contains("Yours is the expected value times h₁ in ∂L/∂u₁₁, times h₁ in ∂L/∂u₁₂, times h₂ in "
                + "∂L/∂u₂₁, times h₂ in ∂L/∂u₂₂, times h₃ in ∂L/∂u₃₁ and times h₃ in ∂L/∂u₃₂, on every case"), message);
    }
}
