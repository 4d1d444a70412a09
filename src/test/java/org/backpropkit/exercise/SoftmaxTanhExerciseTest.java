package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 11's checker against error signals of a tanh + softmax network written as a learner would. */
class SoftmaxTanhExerciseTest {

    enum Slip { NONE, SOFTMAX_ELEMENTWISE, ARTICLE_OUTPUT, SIGMOID_OUTPUT, SUMS_FOR_Y, SIGN, TANH_OF_A, SIGMOID_SLOPE,
        NO_TANH_SLOPE, U_TRANSPOSED, LAYERS_SWAPPED, CONSTANT }

    static final String[] SOLUTION = {"d2[k] = y[k] - t[k];", "d1[j] = back * (1 - h[j] * h[j]);"};

    /** The learner's deltas, with one slip (or none): loops over arrays, as lessons 5 and 6 wrote them. */
    static double[][] deltas(Network net, double[] x, double[] t, Slip slip) {
        if (slip == Slip.CONSTANT) {
            return new double[][] {{0.1, 0.1, 0.1, 0.1}, {0.2, -0.1, -0.1}};
        }
        ForwardPass fp = net.forward(x);
        double[] h = fp.h(1).row(0), a1 = fp.a(1).row(0), a2 = fp.a(2).row(0), y = fp.y().row(0);
        double[][] u = net.layer(2).w().toArray();
        double[] d2 = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            double yk = slip == Slip.SIGMOID_OUTPUT ? 1 / (1 + Math.exp(-a2[k])) : slip == Slip.SUMS_FOR_Y ? a2[k] : y[k];
            d2[k] = switch (slip) {
                case SOFTMAX_ELEMENTWISE -> -t[k] / y[k] * y[k] * (1 - y[k]);
                case ARTICLE_OUTPUT -> (y[k] - t[k]) * y[k] * (1 - y[k]);
                case SIGN -> t[k] - y[k];
                default -> yk - t[k];
            };
        }
        double[] d1 = new double[h.length];
        for (int j = 0; j < h.length; j++) {
            double back = 0;
            for (int k = 0; k < d2.length; k++) {
                back += d2[k] * (slip == Slip.U_TRANSPOSED ? u[k][j] : u[j][k]);
            }
            d1[j] = back * switch (slip) {
                case TANH_OF_A -> 1 - a1[j] * a1[j];
                case SIGMOID_SLOPE -> h[j] * (1 - h[j]);
                case NO_TANH_SLOPE -> 1;
                default -> 1 - h[j] * h[j];
            };
        }
        return slip == Slip.LAYERS_SWAPPED ? new double[][] {d2, d1} : new double[][] {d1, d2};
    }

    static String check(Slip slip) {
        return Exercises.errorSignals((net, x, t) -> deltas(net, x, t, slip));
    }

    @Test
    void theSolutionPasses() {
        assertTrue(Verdicts.passes(() -> check(Slip.NONE)).startsWith(
                "✓ your error signals and the kit's backpropagation agree on 3 cases the lesson never showed (21 values;"));
    }

    @Test
    void eachTargetIsOneHotAtAClassTheNetworkDoesNotFavour() {
        for (Trial trial : SoftmaxTanhExercise.trials(11)) {
            double[] y = trial.net().forward(trial.x()).y().row(0);
            assertEquals(1, java.util.Arrays.stream(trial.t()).sum(), 0);
            assertTrue(trial.t()[AccuracyExercise.argmax(y)] == 0, trial.name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.SOFTMAX_ELEMENTWISE, "treat softmax entry by entry");
        says.put(Slip.ARTICLE_OUTPUT, "are the article's, (y − t) times the sigmoid's slope");
        says.put(Slip.SIGMOID_OUTPUT, "sigmoids of the sums, not softmax");
        says.put(Slip.SUMS_FOR_Y, "use the sums a where the outputs y belong");
        says.put(Slip.SIGN, "the opposite sign");
        says.put(Slip.TANH_OF_A, "use 1 − a² where tanh′ written with its output is 1 − h²");
        says.put(Slip.SIGMOID_SLOPE, "use the sigmoid's slope h(1 − h)");
        says.put(Slip.NO_TANH_SLOPE, "stop at the hidden units' outputs");
        says.put(Slip.U_TRANSPOSED, "u is 4 × 3, row j for hidden unit j");
        says.put(Slip.LAYERS_SWAPPED, "your answer has 2 rows of 3, 4 values");
        says.put(Slip.CONSTANT, "the same for every network, input and target");
        assertEquals(says.size(), Verdicts.eachSays(says, SoftmaxTanhExerciseTest::check).size());
    }

    @Test
    void aHiddenSlipIsRightForTheOutputLayer() {
        String message = Verdicts.fails(() -> check(Slip.TANH_OF_A));
        assertTrue(message.contains("Right for the output layer, wrong for the hidden layer."), message);
    }
}
