package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;

/** Lesson 13's checker against the buggy backward pass as the lesson prints it, with every set of its bugs left in. */
class FindTheBugsExerciseTest {

    enum Bug { SWAPPED, BIAS_SUMMED, ONE_PATH, NO_HIDDEN_SLOPE, BIAS_SIGN, STRAY_X }

    static final String[] SOLUTION = {"d1[j] = (d2[0] * u.get(j, 0) + d2[1] * u.get(j, 1)) * h[j] * (1 - h[j]);"};

    /** The lesson's method, written as a learner reads it, with the bugs in {@code left}. */
    static Map<String, Double> backward(Network net, Matrix X, Matrix T, Set<Bug> left) {
        Matrix w = net.layer(1).w(), b1 = net.layer(1).b(), u = net.layer(2).w(), b2 = net.layer(2).b();
        int n = X.rows();
        double[][] dw = new double[2][3], du = new double[3][2];
        double[] db1 = new double[3], db2 = new double[2];
        for (int s = 0; s < n; s++) {
            double[] x = X.row(s), t = T.row(s), h = new double[3], y = new double[2];
            for (int j = 0; j < 3; j++) {
                h[j] = 1 / (1 + Math.exp(-(x[0] * w.get(0, j) + x[1] * w.get(1, j) + b1.get(0, j))));
            }
            for (int k = 0; k < 2; k++) {
                y[k] = 1 / (1 + Math.exp(-(h[0] * u.get(0, k) + h[1] * u.get(1, k) + h[2] * u.get(2, k) + b2.get(0, k))));
            }
            double[] d2 = new double[2], d1 = new double[3];
            for (int k = 0; k < 2; k++) {
                d2[k] = (y[k] - t[k]) * y[k] * (1 - y[k]);
            }
            for (int j = 0; j < 3; j++) {
                double back = d2[0] * u.get(j, 0) + (left.contains(Bug.ONE_PATH) ? 0 : d2[1] * u.get(j, 1));
                d1[j] = back * (left.contains(Bug.NO_HIDDEN_SLOPE) ? 1 : h[j] * (1 - h[j]));
            }
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 2; k++) {
                    du[i][k] += d2[k] * h[left.contains(Bug.SWAPPED) ? k : i] / n;
                }
            }
            for (int k = 0; k < 2; k++) {
                db2[k] += d2[k] / (left.contains(Bug.BIAS_SUMMED) ? 1 : n);
            }
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    dw[i][j] += d1[j] * x[i] * (left.contains(Bug.STRAY_X) ? x[i] : 1) / n;
                }
            }
            for (int j = 0; j < 3; j++) {
                db1[j] += (left.contains(Bug.BIAS_SIGN) ? -1 : 1) * d1[j] / n;
            }
        }
        Map<String, Double> g = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                g.put("w" + (i + 1) + (j + 1), dw[i][j]);
            }
        }
        for (int j = 0; j < 3; j++) {
            g.put("b(1)" + (j + 1), db1[j]);
        }
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                g.put("u" + (i + 1) + (k + 1), du[i][k]);
            }
        }
        for (int k = 0; k < 2; k++) {
            g.put("b(2)" + (k + 1), db2[k]);
        }
        return g;
    }

    static String check(Set<Bug> left) {
        return Exercises.findTheBugs((net, x, t) -> backward(net, x, t, left));
    }

    @Test
    void theRepairedPassPasses() {
        assertTrue(Verdicts.passes(() -> check(EnumSet.noneOf(Bug.class))).startsWith(
                "✓ your repaired backward pass and the kit's backpropagation agree on 3 cases the lesson never showed (51 values;"));
    }

    @Test
    void everySetOfBugsLeftFailsAndCountsThemAndNamesTheFirstFromTheOutputDown() {
        String[] first = {"right only for u₁₁ and u₂₂", "output biases' rows are n times too large", "miss a path",
            "lack a factor", "ratio −1", "hidden weights' rows are wrong while the hidden biases beside them are right"};
        for (int mask = 1; mask < 64; mask++) {
            Set<Bug> left = EnumSet.noneOf(Bug.class);
            for (Bug b : Bug.values()) {
                if ((mask & 1 << b.ordinal()) != 0) {
                    left.add(b);
                }
            }
            String message = Verdicts.fails(() -> check(left), SOLUTION);
            int size = left.size();
            assertTrue(message.contains(size == 1 ? "One of the six bugs remains" : size + " of the six bugs remain"), message);
            assertTrue(message.contains(first[left.iterator().next().ordinal()]), left + ": " + message);
        }
    }

    @Test
    void theLessonsBuggyPassAgreesWithThePlantedOne() {
        for (FindTheBugsExercise.Case c : FindTheBugsExercise.cases(5)) {
            double[] learner = Answers.ofParameters(c.net(), backward(c.net(), c.x(), c.t(), EnumSet.allOf(Bug.class)));
            double[] planted = PlantedBackward.gradients(c.net(), c.x(), c.t(), EnumSet.copyOf(FindTheBugsExercise.BUGS));
            for (int k = 0; k < planted.length; k++) {
                assertEquals(planted[k], learner[k], 1e-15);
            }
        }
    }
}
