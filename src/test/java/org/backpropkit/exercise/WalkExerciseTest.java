package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backpropkit.core.Article;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson 9's checkers: a walk on two weights written as a learner would, and the open choice of η on that slice. */
class WalkExerciseTest {

    enum Slip { NONE, ALL_PARAMETERS, PLUS, NO_ETA, GRADIENT_ONCE, SEQUENTIAL, LESSON_WEIGHTS, SWAPPED, NO_START, CONSTANT }

    static final String[] SOLUTION = {"net.set(p, net.get(p) - eta * dp);", "net.set(q, net.get(q) - eta * dq);"};

    /** A learner's walk, with one slip (or none). */
    static double[][] walk(Network net, double[] x, double[] t, String givenP, String givenQ, double eta, int steps, Slip slip) {
        if (slip == Slip.CONSTANT) {
            return new double[][] {{0.7, 0.9}, {0.75, 0.95}, {0.8, 1}, {0.85, 1.05}, {0.9, 1.1}};
        }
        String p = slip == Slip.LESSON_WEIGHTS ? "u11" : givenP, q = slip == Slip.LESSON_WEIGHTS ? "u21" : givenQ;
        double[][] path = new double[steps + 1][];
        path[0] = slip == Slip.SWAPPED ? new double[] {net.get(q), net.get(p)} : new double[] {net.get(p), net.get(q)};
        Gradients first = net.gradients(x, t);
        for (int k = 1; k <= steps; k++) {
            Gradients g = slip == Slip.GRADIENT_ONCE ? first : net.gradients(x, t);
            if (slip == Slip.ALL_PARAMETERS) {
                for (var parameter : net.parameters()) {
                    net.set(parameter, net.get(parameter) - eta * g.of(parameter));
                }
            } else {
                double scale = slip == Slip.PLUS ? eta : slip == Slip.NO_ETA ? -1 : -eta;
                double dp = g.of(p);
                net.set(p, net.get(p) + scale * dp);
                double dq = slip == Slip.SEQUENTIAL ? net.gradients(x, t).of(q) : g.of(q);
                net.set(q, net.get(q) + scale * dq);
            }
            path[k] = slip == Slip.SWAPPED ? new double[] {net.get(q), net.get(p)} : new double[] {net.get(p), net.get(q)};
        }
        return slip == Slip.NO_START ? java.util.Arrays.copyOfRange(path, 1, path.length) : path;
    }

    static String check(Slip slip) {
        return Exercises.walk((net, x, t, p, q, eta, steps) -> walk(net, x, t, p, q, eta, steps, slip));
    }

    @Test
    void theSolutionPassesOnThreeNetworksEachWithItsOwnPairAndLearningRate() {
        String line = Verdicts.passes(() -> check(Slip.NONE));
        assertTrue(line.startsWith("✓ your walk and the kit's Trainer on p and q alone agree on 3 cases the lesson never showed"
                + " (30 values;"), line);
        assertEquals(3, WalkExercise.exercise().trials().stream().map(WalkExercise.Case::p).distinct().count());
        assertEquals(3, WalkExercise.exercise().trials().stream().mapToDouble(WalkExercise.Case::eta).distinct().count());
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.ALL_PARAMETERS, "Your walk moves more than p and q");
        says.put(Slip.PLUS, "Your walk goes uphill");
        says.put(Slip.NO_ETA, "Your steps are the bare gradients");
        says.put(Slip.GRADIENT_ONCE, "each step needs the gradients at the point it starts from");
        says.put(Slip.SEQUENTIAL, "Your q moves by its gradient taken after p has already moved");
        says.put(Slip.LESSON_WEIGHTS, "Your path is that of u₁₁ and u₂₁");
        says.put(Slip.SWAPPED, "coordinates the other way round");
        says.put(Slip.NO_START, "your path for 4 steps has 4 points; expected 5");
        says.put(Slip.CONSTANT, "the same for every network, pair of weights and η");
        assertEquals(says.size(), Verdicts.eachSays(says, WalkExerciseTest::check).size());
    }

    @Test
    void aWalkThatReusesTheFirstGradientIsRightForItsFirstStep() {
        String message = Verdicts.fails(() -> check(Slip.GRADIENT_ONCE));
        assertTrue(message.contains("Right for the start and step 1, wrong for step 2, step 3 and step 4."), message);
    }

    /** Lesson 9's slice: u₁₁ and u₂₁ of the article's network, 20 steps, the loss below 0.063. */
    static String slice(double eta) {
        return Exercises.learningRate(eta, Article.network(), Matrix.row(Article.x()), Matrix.row(Article.t()), 20, 0.063,
                "u11", "u21");
    }

    @ParameterizedTest
    @ValueSource(doubles = {20, 40, 100, 1000})
    void onTheSliceEveryLargeEnoughRatePassesAndTheLineSaysTheExerciseIsOpen(double eta) {
        assertTrue(Verdicts.passes(() -> slice(eta)).contains("every η that gets there passes"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {2, 8})
    void onTheSliceASmallRateIsTooSmall(double eta) {
        String message = Verdicts.fails(() -> slice(eta));
        assertTrue(message.contains("is too small"), message);
    }

    @Test
    void theSliceMovesOnlyTheTwoWeightsItNames() {
        // with every parameter training, η = 2 gets below 0.063 in 20 steps; on the slice it does not
        assertTrue(Verdicts.passes(() -> Exercises.learningRate(2, Article.network(), Matrix.row(Article.x()),
                Matrix.row(Article.t()), 20, 0.063)).startsWith("✓ η = 2 works"));
        Verdicts.fails(() -> slice(2));
    }
}
