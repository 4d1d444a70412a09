package org.backpropkit.exercise;

import static org.backpropkit.exercise.LessonMatrices.each;
import static org.backpropkit.exercise.LessonMatrices.times;
import static org.backpropkit.exercise.LessonMatrices.transpose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 7's checker against the general rule written as a learner would, with the lesson's matrix helpers. */
class GeneralRuleExerciseTest {

    enum Slip { NONE, NO_OUTPUT_SLOPE, NO_HIDDEN_SLOPE, NO_SLOPE, SLOPE_OF_SUMS, STRAY_X, NO_MEAN, MEAN_TWICE, SIGN,
        W_NOT_TRANSPOSED, H_OF_LAYER_L, SLOPE_OF_LAYER_ABOVE, BIAS_ROW_SUMS, TRANSPOSED_READ, CONSTANT }

    static final String[] SOLUTION = {"d = each(times(d, transpose(net.layer(k + 1).w())), fp.h(k), (e, h) -> e * h * (1 - h));",
        "Matrix g = times(transpose(net.forward(x).h(l - 1)), delta(net, x, t, l));"};

    static Matrix delta(Network net, Matrix x, Matrix t, int l, Slip slip) {
        ForwardPass fp = net.forward(x);
        int depth = net.depth();
        Matrix y = fp.y();
        int sign = slip == Slip.SIGN ? -1 : 1;
        boolean outputSlope = slip != Slip.NO_OUTPUT_SLOPE && slip != Slip.NO_SLOPE;
        boolean hiddenSlope = slip != Slip.NO_HIDDEN_SLOPE && slip != Slip.NO_SLOPE;
        Matrix s = slip == Slip.SLOPE_OF_SUMS ? fp.a(depth) : y;
        Matrix d = each(each(y, t, (p, q) -> sign * (p - q)), s, (e, h) -> e * (outputSlope ? h * (1 - h) : 1));
        for (int k = depth - 1; k >= l; k--) {
            Matrix w = net.layer(k + 1).w();
            Matrix back = slip == Slip.W_NOT_TRANSPOSED ? times(d, w) : times(d, transpose(w));
            Matrix h = slip == Slip.SLOPE_OF_SUMS ? fp.a(k) : slip == Slip.SLOPE_OF_LAYER_ABOVE ? fp.h(k + 1) : fp.h(k);
            d = each(back, h, (e, v) -> e * (hiddenSlope ? v * (1 - v) : 1));
        }
        return d;
    }

    static Matrix dL_dW(Network net, Matrix x, Matrix t, int l, Slip slip) {
        if (slip == Slip.CONSTANT) {
            return Matrix.of(new double[net.layer(l).w().rows()][net.layer(l).w().cols()]);
        }
        Matrix d = delta(net, x, t, l, slip);
        Matrix in = slip == Slip.H_OF_LAYER_L ? net.forward(x).h(l) : net.forward(x).h(l - 1);
        if (slip == Slip.STRAY_X && l < net.depth()) {
            in = each(in, in, (p, q) -> p * q);
        }
        if (slip == Slip.TRANSPOSED_READ) {  // loops that read W's shape the other way round
            double[][] g = new double[d.cols()][in.cols()];
            for (int i = 0; i < in.cols(); i++) {
                for (int j = 0; j < d.cols(); j++) {
                    g[j][i] = 0;
                    for (int s = 0; s < x.rows(); s++) {
                        g[i][j] += in.get(s, i) * d.get(s, j);
                    }
                }
            }
            return Matrix.of(g);
        }
        Matrix g = times(transpose(in), d);
        g.scale(slip == Slip.NO_MEAN ? 1 : slip == Slip.MEAN_TWICE ? 1.0 / (x.rows() * x.rows()) : 1.0 / x.rows());
        return g;
    }

    static Matrix dL_db(Network net, Matrix x, Matrix t, int l, Slip slip) {
        if (slip == Slip.CONSTANT) {
            return Matrix.of(new double[1][net.layer(l).b().cols()]);
        }
        Matrix d = delta(net, x, t, l, slip);
        if (slip == Slip.BIAS_ROW_SUMS) {  // a sum over each sample's units instead of over the samples
            double[][] b = new double[d.rows()][1];
            for (int s = 0; s < d.rows(); s++) {
                for (int j = 0; j < d.cols(); j++) {
                    b[s][0] += d.get(s, j) / x.rows();
                }
            }
            return Matrix.of(b);
        }
        double[][] b = new double[1][d.cols()];
        for (int s = 0; s < d.rows(); s++) {
            for (int j = 0; j < d.cols(); j++) {
                b[0][j] += d.get(s, j);
            }
        }
        Matrix m = Matrix.of(b);
        m.scale(slip == Slip.NO_MEAN ? 1 : slip == Slip.MEAN_TWICE ? 1.0 / (x.rows() * x.rows()) : 1.0 / x.rows());
        return m;
    }

    static String check(Slip slip) {
        return Exercises.generalRule((net, x, t, l) -> new Matrix[] {dL_dW(net, x, t, l, slip), dL_db(net, x, t, l, slip)});
    }

    @Test
    void theSolutionPassesOnThreeDeeperNetworksWithBatchesOfThreeFourAndFiveSamples() {
        String line = Verdicts.passes(() -> check(Slip.NONE));
        assertTrue(line.startsWith("✓ your general rule and the kit's backpropagation agree on 3 cases the lesson never showed"
                + " (105 values;"), line);
        assertEquals(java.util.List.of(3, 4, 5), GeneralRuleExercise.batches(7).stream().map(b -> b.x().rows()).toList());
    }

    @Test
    void theNetworksHaveNoSquareWeightMatrixSoATransposeCannotGoUnnoticed() {
        for (GeneralRuleExercise.Batch b : GeneralRuleExercise.batches(7)) {
            for (int l = 1; l <= b.net().depth(); l++) {
                assertTrue(b.net().layer(l).w().rows() != b.net().layer(l).w().cols(), b.where() + ", layer " + l);
            }
            b.net().parameters().forEach(p -> assertTrue(Math.abs(b.net().get(p)) >= 0.2, p + " is near 0"));
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
        says.put(Slip.NO_OUTPUT_SLOPE, "Your output error is the bare difference Y − T");
        says.put(Slip.NO_HIDDEN_SLOPE, "but not through the hidden units' sigmoids");
        says.put(Slip.NO_SLOPE, "never pass through a sigmoid's slope");
        says.put(Slip.SLOPE_OF_SUMS, "taken of the sums A instead of the activations H");
        says.put(Slip.STRAY_X, "carry their input twice");
        says.put(Slip.NO_MEAN, "n times too large");
        says.put(Slip.MEAN_TWICE, "n times too small");
        says.put(Slip.SIGN, "the opposite sign");
        says.put(Slip.H_OF_LAYER_L, "your ∂L/∂W⁽¹⁾ is 4×4, but W⁽¹⁾ is 2×4");
        says.put(Slip.BIAS_ROW_SUMS, "your ∂L/∂b⁽¹⁾ is 3×1, but b⁽¹⁾ is 1×4 (a row, one entry per unit of layer 1)");
        says.put(Slip.W_NOT_TRANSPOSED, "which way round must W⁽ᵏ⁺¹⁾ be");
        says.put(Slip.SLOPE_OF_LAYER_ABOVE, "entry by entry needs equal shapes");
        says.put(Slip.TRANSPOSED_READ, "An index ran past the end of a matrix");
        says.put(Slip.CONSTANT, "the same for every network and batch");
        assertEquals(says.size() - 2, Verdicts.eachSays(says, GeneralRuleExerciseTest::check).size(),
                "the two shape errors of the returned gradients share a hint, and so do the two products that do not fit");
    }

    @Test
    void aSlipInTheHiddenLayersIsRightForTheOutputLayer() {
        String message = Verdicts.fails(() -> check(Slip.NO_HIDDEN_SLOPE));
        assertTrue(message.contains("Right for layer 3, wrong for layer 1 and layer 2."), message);
    }

    @Test
    void aWrongShapeSaysWhichLayerAndWhatShapeIsExpected() {
        String message = Verdicts.fails(() -> check(Slip.H_OF_LAYER_L));
        assertTrue(message.contains("stopped on network 1 (3 samples) with WrongShape: your ∂L/∂W⁽¹⁾ is 4×4, but W⁽¹⁾ "
                + "is 2×4 (one row per input, one column per unit of layer 1)"), message);
    }

    @Test
    void theStrayInputIsRightForTheOutputLayerAndTheBiasesAndTheMessageSaysSo() {
        String message = Verdicts.fails(() -> check(Slip.STRAY_X));
        assertTrue(message.contains("Right for ∂L/∂b⁽¹⁾, ∂L/∂b⁽²⁾, ∂L/∂W⁽³⁾ and ∂L/∂b⁽³⁾, wrong for ∂L/∂W⁽¹⁾ and ∂L/∂W⁽²⁾."),
                message);
    }
}
