package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.backpropkit.core.Network;

/**
 * Lesson 1: the learner's count of the parameters of a dense network with layer sizes
 * {@code n₀, n₁, …, n_D} — a weight for every pair of units in neighbouring layers and a bias for every
 * unit above the inputs, {@code Σ_{l=1}^{D} (n_{l−1} n_l + n_l)} — tried on networks of one to four layers
 * of weights that the lesson never showed, and compared with the number of parameters the kit's
 * {@link Network} of those sizes holds.
 *
 * <p>Each case is a set of four networks, one each of 2, 3, 4 and 5 sizes, so that a message can say
 * "right for 2 and 3 sizes, wrong for 4 and 5 sizes" (a count that only works for the lesson's shape).
 * Planted mistakes, each counted here: the biases left out; a bias on the inputs too; one bias per layer
 * instead of per unit; biases on the hidden units only; the last layer left out (a loop that stops one
 * pair early); the units counted instead of the parameters; the lesson's 17 for every network; an index
 * past the end of the sizes (a loop that runs one pair too far, or code written for exactly three sizes).
 */
final class ParameterCountExercise {

    /** Networks given by their layer sizes, one per entry of the answer. */
    record Networks(String name, List<int[]> sizes) {
        String where() {
            return name + ": " + sizes.stream().map(ParameterCountExercise::shape).collect(Collectors.joining(", "));
        }
    }

    private ParameterCountExercise() {
    }

    static Exercise<Networks> exercise() {
        return new Exercise<>("your parameter count", "the kit's networks", cases(), Networks::where,
                Layout.entries("2 sizes", "3 sizes", "4 sizes", "5 sizes"),
                each(sizes -> Network.of(sizes).seed(0).parameters().size()))
                .whereEntry((networks, k) -> "network " + shape(networks.sizes().get(k)))
                .mistakes(Mistake.throwing("an index past the end of the sizes", ArrayIndexOutOfBoundsException.class,
                        "An index ran past the end of the sizes. A network with n sizes has n − 1 layers of weights, one "
                                + "between each pair of neighbouring sizes — and your method must work for any number of "
                                + "sizes, two or more, not only for the lesson's three.",
                        "Say which pairs of neighbouring layers the network 5-2 has (one) and the network 4-2-6-3 (three). "
                                + "Then check that your code visits exactly those pairs and reads no size beyond the last."))
                .mistakes(
                        counted("biases left out", sizes -> weights(sizes),
                                "Your count has the weights but no biases: every unit above the inputs has one bias.",
                                "For the network 3-4-1, count the arrows (3 · 4 + 4 · 1) and then the units that add a "
                                        + "bias: the hidden units and the outputs."),
                        counted("a bias on the inputs too", sizes -> weights(sizes) + units(sizes, 0),
                                "Your count gives the inputs a bias as well: inputs are the data, not units that compute, "
                                        + "so only the hidden units and the outputs have biases.",
                                "In the lesson's 2-3-2 network the biases are b⁽¹⁾ (three, one per hidden unit) and b⁽²⁾ "
                                        + "(two, one per output): five, none for x₁ and x₂."),
                        counted("one bias per layer", sizes -> weights(sizes) + sizes.length - 1,
                                "Your count has one bias per layer: every unit has its own bias, so a layer of n units "
                                        + "has n of them.",
                                "b⁽¹⁾ of the lesson's network is a row with one entry per hidden unit: three numbers, "
                                        + "not one."),
                        counted("biases on the hidden units only", sizes -> weights(sizes) + units(sizes, 1)
                                        - sizes[sizes.length - 1],
                                "Your count leaves out the output units' biases: the outputs compute a sum plus a bias "
                                        + "too, like the hidden units.",
                                "The lesson's network has b⁽²⁾ = (0.2, −0.3), one bias per output."),
                        counted("last layer left out", sizes -> parameters(Arrays.copyOf(sizes, sizes.length - 1)),
                                "Your count leaves out the last layer of weights and biases: a network with n sizes has "
                                        + "n − 1 layers, and the one into the outputs is the last.",
                                "For the network 5-2 your count should not be 0: it has one layer, 5 · 2 weights and 2 "
                                        + "biases. Check where your loop stops."),
                        counted("units counted", sizes -> units(sizes, 0),
                                "Your count is the number of units: the parameters are the weights on the arrows "
                                        + "between units and the biases in them.",
                                "Between a layer of m units and one of n units there are m · n arrows, each with its "
                                        + "own weight."),
                        Mistake.gives("the lesson's 17", networks -> constant(networks, 17),
                                "Your count is the lesson's 17 for every network: that is right for 2-3-2 only. Count "
                                        + "from the sizes your method is given.",
                                "Write the count for 2-3-2 as a sum of products of the sizes, and then let the sizes be "
                                        + "any numbers and any number of them."))
                .whenConstant("Your count is the same for every network: it must be computed from the sizes your method "
                        + "is given.")
                .otherwise("Count a small network by hand, for example 3-4-1: its weights between each pair of "
                                + "neighbouring layers, then its biases. Compare with what your method returns for it.",
                        "Between neighbouring layers of m and n units every unit below is joined to every unit above, "
                                + "and each unit above has its own bias. A network with n sizes has n − 1 such pairs.");
    }

    /** Checks the learner's count, given as {@code sizes -> parameterCount(sizes)}. */
    static String check(Exercises.ParameterCount yours) {
        return exercise().check(networks -> each(sizes -> yours.count(sizes.clone())).apply(networks));
    }

    /** Three sets of networks, each with one network of 2, 3, 4 and 5 sizes; none is the lesson's 2-3-2. */
    static List<Networks> cases() {
        int[][][] sets = {
            {{5, 2}, {3, 4, 1}, {4, 2, 6, 3}, {6, 8, 4, 5, 2}},
            {{2, 7}, {6, 3, 5}, {3, 5, 2, 4}, {2, 6, 6, 3, 1}},
            {{8, 3}, {4, 9, 2}, {7, 3, 4, 2}, {3, 2, 5, 4, 6}}};
        List<Networks> cases = new ArrayList<>();
        for (int k = 0; k < sets.length; k++) {
            cases.add(new Networks("networks " + "ABC".charAt(k), List.of(sets[k])));
        }
        return cases;
    }

    private static java.util.function.Function<Networks, double[]> each(ToIntFunction<int[]> count) {
        return networks -> networks.sizes().stream().mapToDouble(count::applyAsInt).toArray();
    }

    private static Mistake<Networks> counted(String name, ToIntFunction<int[]> count, String hint, String stronger) {
        return Mistake.gives(name, each(count), hint, stronger);
    }

    /** {@code Σ_l n_{l−1} n_l}: one weight per pair of units in neighbouring layers. */
    private static int weights(int[] sizes) {
        int w = 0;
        for (int l = 1; l < sizes.length; l++) {
            w += sizes[l - 1] * sizes[l];
        }
        return w;
    }

    /** The units of layers {@code from} to the last. */
    private static int units(int[] sizes, int from) {
        return Arrays.stream(sizes, from, sizes.length).sum();
    }

    /** Weights and biases, counted here; 0 for fewer than two sizes. */
    private static int parameters(int[] sizes) {
        return sizes.length < 2 ? 0 : weights(sizes) + units(sizes, 1);
    }

    private static double[] constant(Networks networks, double value) {
        double[] all = new double[networks.sizes().size()];
        Arrays.fill(all, value);
        return all;
    }

    /** E.g. {@code 4-2-6-3}. */
    static String shape(int[] sizes) {
        return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }
}
