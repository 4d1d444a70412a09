package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backpropkit.autodiff.Value;
import org.backpropkit.core.Article;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 15's checker against scalar losses built as a learner would, right and with each typical slip. */
class ScalarLossExerciseTest {

    enum Slip { NONE, NO_HALF, NO_OUTPUT_SIGMA, NO_HIDDEN_SIGMA, FIRST_OUTPUT_ONLY, NOT_SQUARED, WEIGHT_AS_NUMBER, LESSON_T, CONSTANT }

    static final String[] SOLUTION = {"Value a = w.get(\"w1\" + j).mul(x[0]).add(w.get(\"w2\" + j).mul(x[1])).add(w.get(\"b(1)\" + j));"};

    static Value loss(Network net, double[] x, double[] givenT, Slip slip) {
        double[] t = slip == Slip.LESSON_T ? Article.t() : givenT;
        Map<String, Value> w = new LinkedHashMap<>();
        for (var p : net.parameters()) {
            w.put(p.name(), Value.of(net.get(p), p.name()));
        }
        if (slip == Slip.CONSTANT) {
            return Value.of(0.1).add(w.get("w11").mul(0));
        }
        List<Value> h = new ArrayList<>();
        for (int j = 1; j <= 3; j++) {
            Value first = slip == Slip.WEIGHT_AS_NUMBER && j == 1 ? Value.of(x[0]).mul(net.get("w11")) : w.get("w1" + j).mul(x[0]);
            Value a = first.add(w.get("w2" + j).mul(x[1])).add(w.get("b(1)" + j));
            h.add(slip == Slip.NO_HIDDEN_SIGMA ? a : a.sigmoid());
        }
        List<Value> terms = new ArrayList<>();
        for (int k = 1; k <= (slip == Slip.FIRST_OUTPUT_ONLY ? 1 : 2); k++) {
            Value a = h.get(0).mul(w.get("u1" + k)).add(h.get(1).mul(w.get("u2" + k))).add(h.get(2).mul(w.get("u3" + k)))
                    .add(w.get("b(2)" + k));
            Value y = slip == Slip.NO_OUTPUT_SIGMA ? a : a.sigmoid();
            Value d = y.sub(Value.of(t[k - 1]));
            terms.add(slip == Slip.NOT_SQUARED ? d : slip == Slip.NO_HALF ? d.mul(d) : d.pow(2).mul(0.5));
        }
        return Value.sum(terms);
    }

    static String check(Slip slip) {
        return Exercises.scalarLoss((net, x, t) -> loss(net, x, t, slip));
    }

    @Test
    void theSolutionPasses() {
        assertTrue(Verdicts.passes(() -> check(Slip.NONE)).startsWith(
                "✓ your scalar loss and its gradients and the kit's forward pass and backpropagation agree on 3 cases the lesson never showed (54 values;"));
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFails(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamed() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.NO_HALF, "exactly twice the kit's");
        says.put(Slip.NO_OUTPUT_SIGMA, "Your outputs are the sums a⁽²⁾");
        says.put(Slip.NO_HIDDEN_SIGMA, "Your hidden units pass their sums");
        says.put(Slip.FIRST_OUTPUT_ONLY, "no leaf named u12, u22, u32 and b(2)2");
        says.put(Slip.NOT_SQUARED, "without squaring them");
        says.put(Slip.WEIGHT_AS_NUMBER, "no leaf named w11");
        says.put(Slip.LESSON_T, "the lesson's target t = (1, 0)");
        says.put(Slip.CONSTANT, "(1 of the 17 parameters found)");
        assertEquals(says.size() - 2, Verdicts.eachSays(says, ScalarLossExerciseTest::check).size(),
                "every mistake has its own hint; a missing leaf, a missing term and a constant share one");
    }
}
