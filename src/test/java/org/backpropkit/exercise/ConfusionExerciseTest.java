package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 14's checker against confusion matrices counted as a learner would, right and with each typical slip. */
class ConfusionExerciseTest {

    enum Slip { NONE, TRANSPOSED, ARGMIN, BOTH_FROM_Y, BOTH_FROM_T, FROM_ONE, CONSTANT }

    static final String[] SOLUTION = {"counts[largest(t.row(s))][largest(y.row(s))]++;"};

    static int largest(double[] v, boolean smallest) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (smallest ? v[k] < v[best] : v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    static int[][] confusion(Network net, Matrix x, Matrix t, Slip slip) {
        Matrix y = net.forward(x).y();
        int k = t.cols();
        int[][] counts = new int[k][k];
        if (slip == Slip.CONSTANT) {
            counts[0][0] = 10;
            return counts;
        }
        for (int s = 0; s < x.rows(); s++) {
            int truth = largest(slip == Slip.BOTH_FROM_Y ? y.row(s) : t.row(s), false);
            int predicted = largest(slip == Slip.BOTH_FROM_T ? t.row(s) : y.row(s), slip == Slip.ARGMIN);
            if (slip == Slip.TRANSPOSED) {
                counts[predicted][truth]++;
            } else if (slip == Slip.FROM_ONE) {
                counts[truth + 1][predicted + 1]++;
            } else {
                counts[truth][predicted]++;
            }
        }
        return counts;
    }

    static String check(Slip slip) {
        return Exercises.confusion((net, x, t) -> confusion(net, x, t, slip));
    }

    @Test
    void theSolutionPasses() {
        assertTrue(Verdicts.passes(() -> check(Slip.NONE)).startsWith(
                "✓ your confusion matrix and a count made by the check agree on 3 cases the lesson never showed (48 values;"));
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFails(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamed() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.TRANSPOSED, "read the other way round");
        says.put(Slip.ARGMIN, "the smallest outputs");
        says.put(Slip.BOTH_FROM_Y, "true class must come from the target row");
        says.put(Slip.BOTH_FROM_T, "predicted class must come from the network's outputs");
        says.put(Slip.FROM_ONE, "An index ran past the end");
        says.put(Slip.CONSTANT, "the same for every classifier");
        assertEquals(says.size(), Verdicts.eachSays(says, ConfusionExerciseTest::check).size());
    }

    @Test
    void theCasesSpreadTheirSamplesSoThatNoShortcutPasses() {
        for (ConfusionExercise.Case c : ConfusionExercise.cases(1414)) {
            int[][] counts = confusion(c.net(), c.x(), c.t(), Slip.NONE);
            int offDiagonal = 0, predictedClasses = 0;
            for (int b = 0; b < 4; b++) {
                int column = 0;
                for (int a = 0; a < 4; a++) {
                    offDiagonal += a == b ? 0 : counts[a][b];
                    column += counts[a][b];
                }
                predictedClasses += column > 0 ? 1 : 0;
            }
            assertTrue(offDiagonal > 0, "some samples are misclassified");
            assertTrue(predictedClasses >= 3, c.name() + " predicts at least three classes: " + java.util.Arrays.deepToString(counts));
        }
    }
}
