package org.backpropkit.exercise;

import static org.backpropkit.exercise.LessonMatrices.each;
import static org.backpropkit.exercise.LessonMatrices.ones;
import static org.backpropkit.exercise.LessonMatrices.times;
import static org.backpropkit.exercise.LessonMatrices.transpose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 12's matrix checker against backward passes for any depth written as a learner would, with lesson 12's helpers. */
class MatrixBackwardExerciseTest {

    enum Slip { NONE, OUTPUT_SLOPE, HIDDEN_SLOPE, SLOPE_OF_SUMS, STRAY_X, SIGN, NO_MEAN, MEAN_TWICE, BIASES_SUMMED,
        W_NOT_TRANSPOSED, TWO_LAYERS_ONLY, WRONG_SHAPE, CONSTANT }

    static final String[] SOLUTION = {"d = each(times(d, transpose(net.layer(l).w())), h[l - 1], (e, v) -> e * v * (1 - v));"};


    static Map<String, Matrix> backward(Network net, Matrix x, Matrix t, Slip slip) {
        int depth = net.depth(), n = x.rows();
        Matrix[] a = new Matrix[depth + 1], h = new Matrix[depth + 1];
        h[0] = x;
        for (int l = 1; l <= depth; l++) {
            a[l] = each(times(h[l - 1], net.layer(l).w()), times(ones(n, 1), net.layer(l).b()), Double::sum);
            h[l] = each(a[l], a[l], (v, unused) -> 1 / (1 + Math.exp(-v)));
        }
        double sign = slip == Slip.SIGN ? -1 : 1;
        Matrix slopeOut = slip == Slip.SLOPE_OF_SUMS ? a[depth] : h[depth];
        Matrix d = each(each(h[depth], t, (y, tt) -> sign * (y - tt)), slopeOut,
                (e, v) -> e * (slip == Slip.OUTPUT_SLOPE ? 1 : v * (1 - v)));
        double mean = slip == Slip.NO_MEAN ? 1 : slip == Slip.MEAN_TWICE ? 1.0 / n / n : 1.0 / n;
        Map<String, Matrix> g = new LinkedHashMap<>();
        int lowest = slip == Slip.TWO_LAYERS_ONLY ? Math.max(1, depth - 1) : 1;
        for (int l = depth; l >= lowest; l--) {
            Matrix input = slip == Slip.STRAY_X && l < depth ? each(h[l - 1], h[l - 1], (p, q) -> p * q) : h[l - 1];
            Matrix dW = times(transpose(input), d);
            dW.scale(mean);
            Matrix db = times(ones(1, n), d);
            db.scale(slip == Slip.BIASES_SUMMED ? 1 : mean);
            if (slip == Slip.CONSTANT) {
                dW.scale(0);
                db.scale(0);
            }
            g.put("W(" + l + ")", slip == Slip.WRONG_SHAPE ? transpose(dW) : dW);
            g.put("b(" + l + ")", db);
            if (l > 1) {
                Matrix back = slip == Slip.W_NOT_TRANSPOSED ? times(d, net.layer(l).w()) : times(d, transpose(net.layer(l).w()));
                Matrix s = slip == Slip.SLOPE_OF_SUMS ? a[l - 1] : h[l - 1];
                d = each(back, s, (e, v) -> e * (slip == Slip.HIDDEN_SLOPE ? 1 : v * (1 - v)));
            }
        }
        return g;
    }

    static String check(Slip slip) {
        return Exercises.matrixBackward((net, x, t) -> backward(net, x, t, slip));
    }

    @Test
    void theSolutionPasses() {
        assertTrue(Verdicts.passes(() -> check(Slip.NONE)).startsWith(
                "✓ your matrix backward pass and the kit's backpropagation agree on 3 cases the lesson never showed (423 values;"));
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.OUTPUT_SLOPE, "bare difference Y − T");
        says.put(Slip.HIDDEN_SLOPE, "not through the hidden units' sigmoids");
        says.put(Slip.SLOPE_OF_SUMS, "taken of the sums A");
        says.put(Slip.STRAY_X, "carry their input twice");
        says.put(Slip.SIGN, "the opposite sign");
        says.put(Slip.NO_MEAN, "n times too large on a batch");
        says.put(Slip.MEAN_TWICE, "n times too small");
        says.put(Slip.BIASES_SUMMED, "bias gradients n times too large");
        says.put(Slip.W_NOT_TRANSPOSED, "which way round must W⁽ˡ⁾ be");
        says.put(Slip.TWO_LAYERS_ONLY, "have no W(1) and b(1)");
        says.put(Slip.WRONG_SHAPE, "it must have the shape of W⁽");
        says.put(Slip.CONSTANT, "the same for every network and batch");
        assertEquals(says.size() - 1, Verdicts.eachSays(says, MatrixBackwardExerciseTest::check).size(),
                "every mistake has its own hint (a missing layer and a wrong shape share the hint about keys and shapes)");
    }

    @Test
    void aPassForOneDepthOnlyIsToldWhichNetworksItGetsWrong() {
        String message = Verdicts.fails(() -> Exercises.matrixBackward((net, x, t) -> {
            Map<String, Matrix> right = backward(net, x, t, Slip.NONE);
            if (net.depth() == 4) {
                right.get("W(1)").scale(2);
            }
            return right;
        }));
        assertTrue(message.contains("Wrong for W⁽¹⁾ of the 4-layer network, right for the other 17."), message);
    }
}
