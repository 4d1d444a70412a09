package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.backpropkit.core.Article;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.exercise.PlantedBackward.Bug;

/**
 * Lesson 13: the learner repairs a batched backward pass of the 2-3-2 network that has six planted bugs,
 * one of each kind people really make — listed here from the output down, as a gradient-check report
 * shows them:
 * <ol>
 *   <li>the output weights' gradient reads {@code hⱼ} where {@code hᵢ} belongs (swapped indices: right only
 *       for {@code u₁₁} and {@code u₂₂});</li>
 *   <li>the output biases' gradient is summed over the batch, not averaged ({@code n} times too large);</li>
 *   <li>the hidden error signal keeps only the path through {@code y₁} (a forgotten path of the hidden sum);</li>
 *   <li>the hidden error signal lacks the hidden units' σ′;</li>
 *   <li>the hidden biases' gradient has the opposite sign;</li>
 *   <li>the hidden weights' gradient carries the article's stray {@code xᵢ}.</li>
 * </ol>
 * The repaired method is tried on three unseen networks with batches of 3, 4 and 5 samples and compared
 * with the kit's backpropagation. When the answer matches the buggy pass with some of the bugs still in
 * it (all 63 combinations are computed by {@link PlantedBackward}), the message says how many remain and
 * describes the first of them, from the output down, by its pattern in the report — not by its fix.
 */
final class FindTheBugsExercise {

    /** The six bugs, from the output down. */
    static final List<Bug> BUGS = List.of(Bug.OUTPUT_INPUT_SWAPPED, Bug.OUTPUT_BIAS_NOT_AVERAGED, Bug.FIRST_PATH_ONLY,
            Bug.HIDDEN_SLOPE, Bug.HIDDEN_BIAS_SIGN, Bug.STRAY_INPUT);

    private static final String[][] PATTERNS = {
        {"the output weights' rows are right only for u₁₁ and u₂₂, where i = j: the others multiply the wrong hidden value.",
            "uᵢⱼ joins hidden unit i to output j. Which of the two indices must pick the hidden value?"},
        {"the output biases' rows are n times too large on a batch of n samples (the ratio column shows the batch size): a "
                + "sum over the samples where the mean belongs.",
            "Compare that line with the output weights' line just above it."},
        {"the hidden error signals miss a path: with everything above right, the hidden biases are still wrong, and a bias's "
                + "gradient is its unit's error signal alone. Each hidden unit feeds both outputs.",
            "Lesson 6: ∂L/∂hⱼ has one term per output. Count the terms in the hidden sum."},
        {"the hidden error signals lack a factor: with everything above right, the hidden biases are still wrong, by a ratio "
                + "that changes from unit to unit and from batch to batch.",
            "Between hⱼ and its sum a⁽¹⁾ⱼ lies a sigmoid; list the factors of δ⁽¹⁾ⱼ from lesson 6."},
        {"the hidden biases' rows have ratio −1: the right size and the opposite sign. A gradient is the slope itself; the "
                + "minus sign belongs to the update step.",
            "Compare the hidden biases' line with the output biases' line."},
        {"the hidden weights' rows are wrong while the hidden biases beside them are right: the error signal is fine, so the "
                + "extra factor is in what the weight multiplies.",
            "The article's printed rule has an xᵢ too many (lesson 7)."}
    };

    private FindTheBugsExercise() {
    }

    static Exercise<Case> exercise() {
        List<Case> cases = cases(1313);
        List<Mistake<Case>> mistakes = new ArrayList<>();
        for (Set<Bug> remaining : subsets()) {
            Bug first = BUGS.stream().filter(remaining::contains).findFirst().orElseThrow();
            String[] pattern = PATTERNS[BUGS.indexOf(first)];
            String count = remaining.size() == 1 ? "One of the six bugs remains: "
                    : remaining.size() + " of the six bugs remain. The first, reading the report from the output down: ";
            mistakes.add(Mistake.gives(remaining.toString(), c -> PlantedBackward.gradients(c.net(), c.x(), c.t(), remaining),
                    count + pattern[0], pattern[1]));
        }
        return new Exercise<>("your repaired backward pass", "the kit's backpropagation", cases, Case::where,
                Layout.parameters(cases.get(0).net()), c -> BackwardPassExercise.kit(c.net(), c.x(), c.t()))
                .mistakes(Mistake.throwing("not every name", Answers.NotAnAnswer.class, BackwardPassExercise.NAMES,
                                BackwardPassExercise.NAMES_STRONGER),
                        Mistake.throwing("an index past the end", IndexOutOfBoundsException.class,
                                BackwardPassExercise.INDICES, BackwardPassExercise.INDICES_STRONGER))
                .mistakes(mistakes)
                .mistakes(Mistake.gives("the lesson's batch", c -> BackwardPassExercise.kit(c.net(), lessonX(), lessonT()),
                        "Your gradients are those of the lesson's batch, whatever batch your method is given: read X and T "
                                + "from the method's parameters.", "Every value your method uses must come from its parameters."))
                .whenConstant("Your gradients are the same for every network and batch: they must be computed from the ones "
                        + "your method is given.")
                .otherwise("Your answer is not the buggy pass with some of its bugs left: a change introduced a new "
                                + "difference. Run the lesson's report on your method and read it from the output down.",
                        "Start again from the buggy method and fix one bug at a time, running the report after each fix: "
                                + "each fix should turn some rows green and leave the green ones green.");
    }

    /** One network and its batch. */
    record Case(String name, Network net, Matrix x, Matrix t) {
        String where() {
            return name + " (" + x.rows() + " samples)";
        }
    }

    /** Checks the learner's repaired pass, {@code (net, x, t) -> backward(net, x, t)}. */
    static String check(Exercises.BatchBackward yours) {
        return exercise().check(c -> Answers.ofParameters(c.net(), yours.backward(c.net().copy(), c.x().copy(), c.t().copy())));
    }

    /** The lesson's batch: four samples around the article's x, with targets (see lesson 13). */
    static Matrix lessonX() {
        return Matrix.of(Article.x(), new double[] {0.2, 0.4}, new double[] {0.9, 0.3}, new double[] {0.6, 0.1});
    }

    static Matrix lessonT() {
        return Matrix.of(Article.t(), new double[] {0, 1}, new double[] {1, 1}, new double[] {0, 0});
    }

    static List<Case> cases(long seed) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        List<Trial> trials = Unseen.networks(seed, 3);
        for (int k = 0; k < trials.size(); k++) {
            Network net = trials.get(k).net();
            Matrix x = Unseen.inputs(random, k + 3, 2);
            cases.add(new Case(trials.get(k).name(), net, x, Unseen.targetsAwayFrom(random, net.forward(x).y())));
        }
        return cases;
    }

    /** Every non-empty set of the six bugs, fewest first. */
    static List<Set<Bug>> subsets() {
        List<Set<Bug>> all = new ArrayList<>();
        for (int size = 1; size <= BUGS.size(); size++) {
            for (int mask = 1; mask < 1 << BUGS.size(); mask++) {
                if (Integer.bitCount(mask) == size) {
                    Set<Bug> s = EnumSet.noneOf(Bug.class);
                    for (int b = 0; b < BUGS.size(); b++) {
                        if ((mask & 1 << b) != 0) {
                            s.add(BUGS.get(b));
                        }
                    }
                    all.add(s);
                }
            }
        }
        return all;
    }
}
