package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backpropkit.core.Article;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 8's checker against update steps written as a learner would, right and with each typical slip. */
class UpdateStepExerciseTest {

    enum Slip { NONE, PLUS, NO_ETA, NO_BIASES, OUTPUT_ONLY, HIDDEN_ONLY, PER_PARAMETER, LAYER_BY_LAYER, NOTHING, LESSON_NETWORK }

    static final String[] SOLUTION = {"net.layer(l).w().addScaled(-eta, g.w(l));", "net.layer(l).b().addScaled(-eta, g.b(l));"};

    /** A learner's step: the gradients once, then each layer's matrices moved against them. */
    static void learner(Network given, double[] x, double[] t, double eta, Slip slip) {
        Network net = slip == Slip.LESSON_NETWORK ? Article.network() : given;
        if (slip == Slip.NOTHING) {
            return;
        }
        if (slip == Slip.PER_PARAMETER) {
            for (Parameter p : net.parameters()) {
                net.set(p, net.get(p) - eta * net.gradients(x, t).of(p));
            }
            return;
        }
        Gradients g = net.gradients(x, t);
        for (int l = 2; l >= 1; l--) {
            if (slip == Slip.LAYER_BY_LAYER) {
                g = net.gradients(x, t);
            }
            if ((slip == Slip.OUTPUT_ONLY && l == 1) || (slip == Slip.HIDDEN_ONLY && l == 2)) {
                continue;
            }
            double scale = slip == Slip.PLUS ? eta : slip == Slip.NO_ETA ? -1 : -eta;
            net.layer(l).w().addScaled(scale, g.w(l));
            if (slip != Slip.NO_BIASES) {
                net.layer(l).b().addScaled(scale, g.b(l));
            }
        }
    }

    static String check(Slip slip) {
        return Exercises.updateStep((net, x, t, eta) -> learner(net, x, t, eta, slip));
    }

    @Test
    void theSolutionPasses() {
        assertTrue(Verdicts.passes(() -> check(Slip.NONE)).startsWith(
                "✓ your update step and one step of the kit's Trainer agree on 3 cases the lesson never showed (51 values;"));
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.PLUS, "in the wrong direction");
        says.put(Slip.NO_ETA, "the learning rate η, which scales the step, is missing");
        says.put(Slip.NO_BIASES, "leaves the biases where they were");
        says.put(Slip.OUTPUT_ONLY, "Only the output layer (u and b⁽²⁾) moved");
        says.put(Slip.HIDDEN_ONLY, "Only the hidden layer (w and b⁽¹⁾) moved");
        says.put(Slip.PER_PARAMETER, "recomputes the gradients after moving some parameters");
        says.put(Slip.LAYER_BY_LAYER, "moves the output layer and then recomputes the gradients");
        says.put(Slip.NOTHING, "left every parameter of the network it was given where it was");
        says.put(Slip.LESSON_NETWORK, "changing the notebook's net instead changes the wrong network");
        assertEquals(says.size() - 1, Verdicts.eachSays(says, UpdateStepExerciseTest::check).size(), "nothing changed and the lesson's network changed share a hint");
    }

    @Test
    void aStepThatForgetsTheBiasesIsRightForTheWeightsAndSaysSo() {
        String message = Verdicts.fails(() -> check(Slip.NO_BIASES));
        assertTrue(message.contains("Right for the weights, wrong for the biases."), message);
        assertTrue(message.contains("    b⁽¹⁾₁: yours "), message);
    }

    @Test
    void theCheckUsesADifferentLearningRateOnEachNetwork() {
        assertEquals(3, UpdateStepExercise.exercise().trials().stream().mapToDouble(UpdateStepExercise.Case::eta).distinct().count());
    }
}
