package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 10's checker against accuracy functions written as a learner would, right and with each typical slip. */
class AccuracyExerciseTest {

    enum Slip { NONE, INT_DIVISION, COUNT, ERROR_RATE, ARGMIN, TWO_CLASSES, CONSTANT, PERFECT }

    static final String[] SOLUTION = {"if (argmax(y.row(i)) == argmax(t.row(i))) right++;", "(double) right / t.rows()"};

    static int argmax(double[] row, boolean smallest) {
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            if (smallest ? row[k] < row[best] : row[k] > row[best]) {
                best = k;
            }
        }
        return best;
    }

    static double learner(Network net, Matrix x, Matrix t, Slip slip) {
        if (slip == Slip.CONSTANT || slip == Slip.PERFECT) {
            return slip == Slip.PERFECT ? 1.0 : 0.65;
        }
        Matrix y = net.forward(x).y();
        int right = 0;
        for (int i = 0; i < t.rows(); i++) {
            boolean same = slip == Slip.TWO_CLASSES ? (y.get(i, 1) > y.get(i, 0)) == (t.get(i, 1) == 1)
                    : argmax(y.row(i), slip == Slip.ARGMIN) == argmax(t.row(i), false);
            right += same ? 1 : 0;
        }
        return switch (slip) {
            case INT_DIVISION -> right / t.rows();
            case COUNT -> right;
            case ERROR_RATE -> 1 - (double) right / t.rows();
            default -> (double) right / t.rows();
        };
    }

    static String check(Slip slip) {
        return Exercises.accuracy((net, x, t) -> learner(net, x, t, slip));
    }

    @Test
    void theSolutionPasses() {
        assertTrue(Verdicts.passes(() -> check(Slip.NONE)).startsWith(
                "✓ your accuracy and the fraction counted by the checker agree on 3 cases the lesson never showed (3 values;"));
    }

    @Test
    void noConstantCanPassTheDataSets() {
        Set<Double> accuracies = new HashSet<>();
        for (AccuracyExercise.Labelled set : AccuracyExercise.sets(10)) {
            double accuracy = learner(set.net(), set.x(), set.t(), Slip.NONE);
            assertTrue(accuracy > 0.2 && accuracy < 0.9, set.where() + ": " + accuracy);
            int[] perClass = new int[set.t().cols()];
            for (int i = 0; i < set.t().rows(); i++) {
                perClass[argmax(set.t().row(i), false)]++;
            }
            double largestShare = (double) java.util.Arrays.stream(perClass).max().getAsInt() / set.t().rows();
            assertNotEquals(largestShare, accuracy, set.where() + ": always predicting the largest class would pass");
            accuracies.add(accuracy);
        }
        assertEquals(3, accuracies.size(), "three different accuracies, so one number cannot match all three");
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.INT_DIVISION, "an int divided by an int is an int");
        says.put(Slip.COUNT, "how many samples are right, not which fraction");
        says.put(Slip.ERROR_RATE, "the error rate");
        says.put(Slip.ARGMIN, "the classes with the smallest output");
        says.put(Slip.TWO_CLASSES, "the lesson's two-class rule");
        says.put(Slip.CONSTANT, "the same number for every data set");
        says.put(Slip.PERFECT, "the same number for every data set");
        assertEquals(says.size() - 1, Verdicts.eachSays(says, AccuracyExerciseTest::check).size());
    }

    @Test
    void theFailureNamesTheDataSetItsSizeAndClasses() {
        String message = Verdicts.fails(() -> check(Slip.TWO_CLASSES));
        assertTrue(message.contains("    accuracy: yours "), message);
        assertTrue(message.contains("(data set 2 (30 samples, 3 classes))"), message);
    }
}
