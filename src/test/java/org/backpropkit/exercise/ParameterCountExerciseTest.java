package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 1's checker against parameter counts written as a learner would, right and with each typical slip. */
class ParameterCountExerciseTest {

    enum Slip { NONE, NO_BIASES, INPUT_BIASES, BIAS_PER_LAYER, HIDDEN_BIASES_ONLY, LAST_LAYER_MISSING, UNITS, SEVENTEEN,
        LOOP_TOO_FAR, THREE_SIZES_ONLY, CONSTANT }

    static final String[] SOLUTION = {"count += sizes[l - 1] * sizes[l] + sizes[l];"};

    /** A learner's count: a loop over the pairs of neighbouring layers, with one slip (or none). */
    static int learner(int[] sizes, Slip slip) {
        switch (slip) {
            case SEVENTEEN:
                return 2 * 3 + 3 * 2 + 3 + 2;
            case CONSTANT:
                return 42;
            case UNITS:
                return Arrays.stream(sizes).sum();
            case THREE_SIZES_ONLY:
                return sizes[0] * sizes[1] + sizes[1] * sizes[2] + sizes[1] + sizes[2];
            default:
                break;
        }
        int count = slip == Slip.INPUT_BIASES ? sizes[0] : 0;
        int last = slip == Slip.LOOP_TOO_FAR ? sizes.length : slip == Slip.LAST_LAYER_MISSING ? sizes.length - 1 : sizes.length;
        for (int l = 1; l < last + (slip == Slip.LOOP_TOO_FAR ? 1 : 0); l++) {
            count += sizes[l - 1] * sizes[l];
            boolean output = l == sizes.length - 1;
            count += switch (slip) {
                case NO_BIASES -> 0;
                case BIAS_PER_LAYER -> 1;
                case HIDDEN_BIASES_ONLY -> output ? 0 : sizes[l];
                default -> sizes[l];
            };
        }
        return count;
    }

    static String check(Slip slip) {
        return Exercises.parameterCount(sizes -> learner(sizes, slip));
    }

    @Test
    void theSolutionPasses() {
        assertTrue(Verdicts.passes(() -> check(Slip.NONE)).startsWith(
                "✓ your parameter count and the kit's networks agree on 3 cases the lesson never showed (12 values; exact: yes"));
    }

    @Test
    void theKitsCountsThatTheCheckTrustsAreTheWeightsAndBiasesOfEachLayer() {
        for (ParameterCountExercise.Networks networks : ParameterCountExercise.cases()) {
            for (int[] sizes : networks.sizes()) {
                Network net = Network.of(sizes).seed(0);
                int byLayer = 0;
                for (int l = 1; l <= net.depth(); l++) {
                    byLayer += net.layer(l).w().rows() * net.layer(l).w().cols() + net.layer(l).b().cols();
                }
                assertEquals(byLayer, net.parameters().size(), ParameterCountExercise.shape(sizes));
            }
        }
        assertEquals(17, Network.of(2, 3, 2).seed(0).parameters().size());
    }

    @Test
    void theCasesHaveOneNetworkOfEachLengthAndNoneIsTheLessons() {
        for (ParameterCountExercise.Networks networks : ParameterCountExercise.cases()) {
            assertEquals(List.of(2, 3, 4, 5), networks.sizes().stream().map(s -> s.length).toList());
            networks.sizes().forEach(s -> assertFalse(Arrays.equals(s, new int[] {2, 3, 2})));
        }
    }

    @Test
    void everyPlantedMistakeIsWrongAndNoTwoGiveTheSameNumbers() {
        Exercise<ParameterCountExercise.Networks> exercise = ParameterCountExercise.exercise();
        List<String> seen = new ArrayList<>();
        String truth = answers(c -> c.sizes().stream().mapToDouble(s -> Network.of(s).seed(0).parameters().size()).toArray());
        for (Mistake<ParameterCountExercise.Networks> mistake : exercise.planted()) {
            if (mistake.gives() != null) {
                String numbers = answers(mistake.gives());
                assertFalse(numbers.equals(truth), mistake.name() + " gives the right count");
                assertFalse(seen.contains(numbers), mistake.name() + " gives the same numbers as another mistake");
                seen.add(numbers);
            }
        }
    }

    private static String answers(java.util.function.Function<ParameterCountExercise.Networks, double[]> f) {
        return ParameterCountExercise.cases().stream().map(c -> Arrays.toString(f.apply(c))).toList().toString();
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.NO_BIASES, "has the weights but no biases");
        says.put(Slip.INPUT_BIASES, "gives the inputs a bias as well");
        says.put(Slip.BIAS_PER_LAYER, "has one bias per layer");
        says.put(Slip.HIDDEN_BIASES_ONLY, "leaves out the output units' biases");
        says.put(Slip.LAST_LAYER_MISSING, "leaves out the last layer of weights and biases");
        says.put(Slip.UNITS, "is the number of units");
        says.put(Slip.SEVENTEEN, "is the lesson's 17 for every network");
        says.put(Slip.LOOP_TOO_FAR, "An index ran past the end of the sizes");
        says.put(Slip.THREE_SIZES_ONLY, "not only for the lesson's three");
        says.put(Slip.CONSTANT, "Your count is the same for every network");
        assertEquals(says.size() - 1, Verdicts.eachSays(says, ParameterCountExerciseTest::check).size(),
                "a loop one pair too far and code for three sizes share the index hint; every other mistake has its own");
    }

    @Test
    void aCountThatOnlyWorksUpToThreeSizesSaysWhichLengthsAreWrong() {
        String message = Verdicts.fails(() -> Exercises.parameterCount(sizes ->
                sizes[0] * sizes[1] + sizes[1] + (sizes.length > 2 ? sizes[1] * sizes[2] + sizes[2] : 0)));
        assertTrue(message.contains("Right for 2 sizes and 3 sizes, wrong for 4 sizes and 5 sizes."), message);
        assertTrue(message.contains("    4 sizes: yours 28, expected 49   (network 4-2-6-3)"),
                message);
    }

    @Test
    void theLearnersMethodCannotChangeTheSizesTheCheckUses() {
        Verdicts.passes(() -> Exercises.parameterCount(sizes -> {
            int n = learner(sizes, Slip.NONE);
            sizes[0] = 100;
            return n;
        }));
        Verdicts.passes(() -> check(Slip.NONE));
    }
}
