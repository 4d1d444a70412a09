package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backpropkit.core.Article;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 12's scalar checker against backward passes written as a learner would, right and with each typical slip. */
class BackwardPassExerciseTest {

    enum Slip { NONE, OUTPUT_SLOPE, HIDDEN_SLOPE, SLOPE_OF_SUMS, ONLY_Y1, ONLY_Y2, STRAY_X, SIGN, H_J_FOR_H_I, HIDDEN_BIAS_SIGN,
        MISSING_BIAS, U_TRANSPOSED, LESSON_NETWORK, CONSTANT }

    static final String[] SOLUTION = {"d1[j] = (d2[0] * u[j][0] + d2[1] * u[j][1]) * h[j] * (1 - h[j]);",
        "g.put(\"u\" + (i + 1) + (k + 1), d2[k] * h[i]);"};

    /** A learner's backward pass: plain arrays, one loop per rule, with one slip (or none). */
    static Map<String, Double> backward(Network given, double[] x, double[] t, Slip slip) {
        Network net = slip == Slip.LESSON_NETWORK ? Article.network() : given;
        double[][] w = net.layer(1).w().toArray(), u = net.layer(2).w().toArray();
        double[] b1 = net.layer(1).b().row(0), b2 = net.layer(2).b().row(0);
        double[] a1 = new double[3], h = new double[3], a2 = new double[2], y = new double[2];
        for (int j = 0; j < 3; j++) {
            a1[j] = x[0] * w[0][j] + x[1] * w[1][j] + b1[j];
            h[j] = 1 / (1 + Math.exp(-a1[j]));
        }
        for (int k = 0; k < 2; k++) {
            a2[k] = h[0] * u[0][k] + h[1] * u[1][k] + h[2] * u[2][k] + b2[k];
            y[k] = 1 / (1 + Math.exp(-a2[k]));
        }
        double[] d2 = new double[2], d1 = new double[3];
        for (int k = 0; k < 2; k++) {
            double diff = slip == Slip.SIGN ? t[k] - y[k] : y[k] - t[k];
            double slope = slip == Slip.OUTPUT_SLOPE ? 1 : slip == Slip.SLOPE_OF_SUMS ? a2[k] * (1 - a2[k]) : y[k] * (1 - y[k]);
            d2[k] = diff * slope;
        }
        for (int j = 0; j < 3; j++) {
            double back = slip == Slip.ONLY_Y1 ? d2[0] * u[j][0] : slip == Slip.ONLY_Y2 ? d2[1] * u[j][1]
                    : slip == Slip.U_TRANSPOSED ? d2[0] * u[0][j] + d2[1] * u[1][j] : d2[0] * u[j][0] + d2[1] * u[j][1];
            double slope = slip == Slip.HIDDEN_SLOPE ? 1 : slip == Slip.SLOPE_OF_SUMS ? a1[j] * (1 - a1[j]) : h[j] * (1 - h[j]);
            d1[j] = back * slope;
        }
        Map<String, Double> g = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                g.put("w" + (i + 1) + (j + 1), slip == Slip.CONSTANT ? 0.1 : d1[j] * x[i] * (slip == Slip.STRAY_X ? x[i] : 1));
            }
        }
        for (int j = 0; j < 3; j++) {
            if (!(slip == Slip.MISSING_BIAS && j == 2)) {
                g.put("b(1)" + (j + 1), slip == Slip.HIDDEN_BIAS_SIGN ? -d1[j] : d1[j]);
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                g.put("u" + (i + 1) + (k + 1), d2[k] * (slip == Slip.H_J_FOR_H_I ? h[k] : h[i]));
            }
        }
        for (int k = 0; k < 2; k++) {
            g.put("b(2)" + (k + 1), d2[k]);
        }
        return g;
    }

    static String check(Slip slip) {
        return Exercises.backwardPass((net, x, t) -> backward(net, x, t, slip));
    }

    @Test
    void theSolutionPasses() {
        assertTrue(Verdicts.passes(() -> check(Slip.NONE)).startsWith(
                "✓ your backward pass and the kit's backpropagation agree on 3 cases the lesson never showed (51 values;"));
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.OUTPUT_SLOPE, "bare differences y − t");
        says.put(Slip.HIDDEN_SLOPE, "stop at the sum over the outputs");
        says.put(Slip.SLOPE_OF_SUMS, "taken of the sums a");
        says.put(Slip.ONLY_Y1, "only the path through output 1");
        says.put(Slip.ONLY_Y2, "only the path through output 2");
        says.put(Slip.STRAY_X, "carry the input xᵢ twice");
        says.put(Slip.SIGN, "the opposite sign: the loss's slope");
        says.put(Slip.H_J_FOR_H_I, "right only where i = j");
        says.put(Slip.HIDDEN_BIAS_SIGN, "Your hidden biases' gradients have the right size and the opposite sign");
        says.put(Slip.MISSING_BIAS, "none for b(1)3");
        says.put(Slip.U_TRANSPOSED, "An index ran past the end");
        says.put(Slip.LESSON_NETWORK, "come from the lesson's network");
        says.put(Slip.CONSTANT, "Right for b⁽¹⁾, u and b⁽²⁾, wrong for w.");
        assertEquals(says.size(), Verdicts.eachSays(says, BackwardPassExerciseTest::check).size(),
                "every mistake has its own hint");
    }

    @Test
    void thePlantedBackwardPassWithoutBugsIsTheKitsBackpropagation() {
        for (Trial trial : Unseen.networks(3, 3)) {
            Matrix x = Matrix.of(trial.x(), new double[] {0.3, 0.6}), t = Matrix.of(trial.t(), new double[] {0.2, 0.9});
            double[] planted = PlantedBackward.gradients(trial.net(), x, t);
            double[] kit = BackwardPassExercise.kit(trial.net(), x, t);
            assertArrayEquals(kit, planted, 1e-15);
        }
    }

    @Test
    void eachPlantedBugChangesOnlyTheParametersItShould() {
        Trial trial = Unseen.networks(3, 1).get(0);
        Matrix x = Matrix.of(trial.x(), new double[] {0.3, 0.6}), t = Matrix.of(trial.t(), new double[] {0.2, 0.9});
        double[] right = PlantedBackward.gradients(trial.net(), x, t);
        // parameters: w11..w23 (0-5), b(1)1..3 (6-8), u11..u32 (9-14), b(2)1..2 (15-16)
        assertChanged(right, PlantedBackward.gradients(trial.net(), x, t, PlantedBackward.Bug.OUTPUT_BIAS_NOT_AVERAGED), 15, 16);
        assertChanged(right, PlantedBackward.gradients(trial.net(), x, t, PlantedBackward.Bug.HIDDEN_BIAS_SIGN), 6, 7, 8);
        assertChanged(right, PlantedBackward.gradients(trial.net(), x, t, PlantedBackward.Bug.STRAY_INPUT), 0, 1, 2, 3, 4, 5);
        assertChanged(right, PlantedBackward.gradients(trial.net(), x, t, PlantedBackward.Bug.OUTPUT_INPUT_SWAPPED), 10, 11, 13, 14);
        double[] summed = PlantedBackward.gradients(trial.net(), x, t, PlantedBackward.Bug.OUTPUT_BIAS_NOT_AVERAGED);
        assertEquals(2 * right[15], summed[15], 1e-15, "two samples: the sum is twice the mean");
    }

    private static void assertChanged(double[] right, double[] buggy, int... changed) {
        java.util.Set<Integer> expected = new java.util.HashSet<>();
        for (int k : changed) {
            expected.add(k);
        }
        for (int k = 0; k < right.length; k++) {
            assertEquals(expected.contains(k), !Comparison.close(right[k], buggy[k]), "entry " + k);
        }
    }
}
