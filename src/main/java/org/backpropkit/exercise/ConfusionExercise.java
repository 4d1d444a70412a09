package org.backpropkit.exercise;

import static org.backpropkit.exercise.AccuracyExercise.argmax;
import static org.backpropkit.exercise.AccuracyExercise.argmin;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;

/**
 * Lesson 14: the learner's confusion matrix, {@code counts[true class][predicted class]}, for a classifier
 * {@code net} on inputs {@code x} and one-hot targets {@code t}: the true class is where a target row has its
 * 1, the predicted class is the largest output. Tried on three unseen 4-class softmax networks (tanh hidden units), each with 40
 * samples whose classes are spread over all four, and compared with a count made here.
 *
 * <p>Planted mistakes: rows and columns swapped (predicted × true); the smallest output taken as the
 * prediction; both classes read from the outputs, or both from the targets (every count on the diagonal);
 * an index past the end (classes counted from 1); a constant.
 */
final class ConfusionExercise {

    /** A classifier and its samples, one per row. */
    record Case(String name, Network net, Matrix x, Matrix t) {
    }

    private static final int CLASSES = 4;
    private static final int SAMPLES = 40;

    private ConfusionExercise() {
    }

    static Exercise<Case> exercise() {
        List<String> truth = new ArrayList<>(), predicted = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            truth.add("true class " + k);
            predicted.add("predicted class " + k);
        }
        return new Exercise<>("your confusion matrix", "a count made by the check", cases(1414), Case::name,
                Layout.table(truth, predicted, (r, c) -> "true " + r + ", predicted " + c),
                c -> counts(c, (y, t) -> argmax(t), (y, t) -> argmax(y)))
                .mistakes(Mistake.throwing("an index past the end", IndexOutOfBoundsException.class,
                        "An index ran past the end: with 4 classes, counts is 4 × 4 and classes count from 0 to 3, the "
                                + "column numbers of the target's 1 and of the largest output.",
                        "Print the class your code finds for the first sample, then the size of your array."))
                .mistakes(
                        Mistake.gives("rows and columns swapped", c -> counts(c, (y, t) -> argmax(y), (y, t) -> argmax(t)),
                                "Your table is the right one read the other way round: its rows are the predicted classes. "
                                        + "Row k must count the samples whose true class is k, spread over what was predicted.",
                                "The entry in row a, column b counts the samples of true class a that the network called b."),
                        Mistake.gives("the smallest output", c -> counts(c, (y, t) -> argmax(t), (y, t) -> argmin(y)),
                                "Your predicted classes are the smallest outputs: the network's answer is the class with "
                                        + "the largest output.",
                                "Check the comparison in the loop that picks the predicted class."),
                        Mistake.gives("both classes from the outputs", c -> counts(c, (y, t) -> argmax(y), (y, t) -> argmax(y)),
                                "All your counts lie on the diagonal, and each row holds what the network predicted: the "
                                        + "true class must come from the target row, not from the outputs.",
                                "The true class is the column where the target row t has its 1."),
                        Mistake.gives("both classes from the targets", c -> counts(c, (y, t) -> argmax(t), (y, t) -> argmax(t)),
                                "All your counts lie on the diagonal, and each row counts the samples of that class: the "
                                        + "predicted class must come from the network's outputs.",
                                "The network's answer is the largest entry of its output row, not of the target row."))
                .whenConstant("Your table is the same for every classifier and data set: count the samples you are given.")
                .otherwise("Work through the first three samples of the lesson's test set by hand: their true class, the "
                        + "network's answer, and which entry each adds 1 to.",
                        "cm.count(a, b) on the lesson's ConfusionMatrix gives the kit's count for true class a, predicted b: "
                                + "compare a few entries with yours.");
    }

    /** Checks the learner's table, {@code (net, x, t) -> confusion(net, x, t)}. */
    static String check(Exercises.Confusion yours) {
        return exercise().check(c -> {
            int[][] mine = yours.counts(c.net().copy(), c.x().copy(), c.t().copy());
            if (mine == null || mine.length != CLASSES) {
                throw new Answers.NotAnAnswer("your table has " + (mine == null ? "no" : mine.length) + " rows; with "
                        + CLASSES + " classes it needs " + CLASSES + " rows of " + CLASSES + " counts");
            }
            double[] all = new double[CLASSES * CLASSES];
            for (int r = 0; r < CLASSES; r++) {
                if (mine[r] == null || mine[r].length != CLASSES) {
                    throw new Answers.NotAnAnswer("row " + r + " of your table has " + (mine[r] == null ? "no" : mine[r].length)
                            + " counts; with " + CLASSES + " classes every row needs " + CLASSES);
                }
                for (int k = 0; k < CLASSES; k++) {
                    all[r * CLASSES + k] = mine[r][k];
                }
            }
            return all;
        });
    }

    /** Three 4-6-4 softmax classifiers (tanh hidden units, so that no output wins everywhere) with weights away from zero, 40 samples each, the classes spread over all four. */
    static List<Case> cases(long seed) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Network net = Unseen.awayFromZero(Network.of(4, 6, CLASSES).hidden(Activation.TANH).loss(Loss.CROSS_ENTROPY).seed(seed + k), random);
            net.setBiases(2, new double[CLASSES]);  // no class favoured before the inputs speak
            double[][] x = new double[SAMPLES][4], t = new double[SAMPLES][CLASSES];
            for (int s = 0; s < SAMPLES; s++) {
                for (int i = 0; i < 4; i++) {
                    x[s][i] = Math.round(random.nextGaussian() * 2500) / 1000.0;
                }
                t[s][(s + random.nextInt(2)) % CLASSES] = 1;
            }
            cases.add(new Case("classifier " + k, net, Matrix.of(x), Matrix.of(t)));
        }
        return cases;
    }

    /** The table with the true class read by {@code truth} and the prediction by {@code prediction}. */
    private static double[] counts(Case c, BiFunction<double[], double[], Integer> truth,
            BiFunction<double[], double[], Integer> prediction) {
        Matrix y = c.net().forward(c.x()).y();
        double[] all = new double[CLASSES * CLASSES];
        for (int s = 0; s < c.x().rows(); s++) {
            double[] ys = y.row(s), ts = c.t().row(s);
            all[truth.apply(ys, ts) * CLASSES + prediction.apply(ys, ts)] += 1;
        }
        return all;
    }
}
