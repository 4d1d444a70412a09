package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;

/**
 * Lesson 10: the learner's accuracy of a classifier, the fraction of samples whose predicted class (the
 * index of the largest output) is the true class (the index of the 1 in the one-hot target), tried on
 * three labelled data sets with 2, 3 and 4 classes and compared with the fraction counted here.
 *
 * <p>The data sets are made so that no constant passes: each network is a seeded softmax classifier,
 * and each sample's label agrees with its prediction with a different probability, so the three
 * accuracies differ from each other, from 0 and 1, and from the share of the largest class.
 *
 * <p>Planted mistakes: integer division (0 everywhere); the count of right answers instead of the
 * fraction; the error rate {@code 1 − accuracy}; the smallest output taken as the prediction; the
 * two-class rule "output 2 above output 1" applied to more classes; a constant.
 */
final class AccuracyExercise {

    /** A classifier and labelled samples, one per row of {@code x} and of the one-hot {@code t}. */
    record Labelled(String name, Network net, Matrix x, Matrix t) {
        String where() {
            return name + " (" + x.rows() + " samples, " + t.cols() + " classes)";
        }
    }

    private AccuracyExercise() {
    }

    static Exercise<Labelled> exercise() {
        return new Exercise<>("your accuracy", "the fraction counted by the checker", sets(10), Labelled::where,
                Layout.entries("accuracy"), set -> new double[] {fraction(set, AccuracyExercise::argmax)})
                .mistakes(
                        Mistake.gives("integer division", set -> new double[] {0},
                                "Your accuracy is 0 on every data set: in Java an int divided by an int is an int, "
                                        + "rounded down (7 / 10 is 0).",
                                "Make one of the two numbers a double before you divide."),
                        Mistake.gives("count instead of fraction", set -> new double[] {count(set, AccuracyExercise::argmax)},
                                "Your number is how many samples are right, not which fraction of them: accuracy lies "
                                        + "between 0 and 1.",
                                "Divide by the number of samples, the rows of x."),
                        Mistake.gives("error rate", set -> new double[] {1 - fraction(set, AccuracyExercise::argmax)},
                                "Your number is the fraction of samples that are wrong, the error rate: accuracy counts "
                                        + "the right ones.",
                                "Check the comparison that decides whether a sample counts."),
                        Mistake.gives("argmin", set -> new double[] {fraction(set, AccuracyExercise::argmin)},
                                "Your predictions are the classes with the smallest output: the predicted class is the "
                                        + "one the network gives the largest output.",
                                "Look at the comparison inside your search for the predicted class."),
                        Mistake.gives("two-class rule", set -> new double[] {twoClassRule(set)},
                                "Your accuracy is what the lesson's two-class rule gives (is output 2 above output 1?): "
                                        + "with three or four classes the prediction must look at every output.",
                                "The two-class set passes; the others do not. Find the largest of all outputs of a row, "
                                        + "and the position of the 1 in the target row."))
                .whenConstant("Your accuracy is the same number for every data set: it must be counted from the "
                        + "network and the samples your method is given.")
                .otherwise("Count by hand for the first three rows of a small data set: the predicted class, the true "
                        + "class, right or wrong.", "For each row i: the predicted class is the position of the largest "
                        + "output in row i of y, the true class the position of the 1 in row i of t; accuracy is the "
                        + "share of rows where the two agree.");
    }

    /** Checks the learner's accuracy, given as {@code (net, x, t) -> accuracy(net, x, t)}. */
    static String check(Exercises.Accuracy yours) {
        return exercise().check(set -> new double[] {yours.of(set.net().copy(), set.x().copy(), set.t().copy())});
    }

    /**
     * Three data sets: 2 inputs and 2 classes, 3 and 3, 4 and 4; 5 tanh hidden units and softmax outputs;
     * labels that agree with the network's prediction with probability 0.65, 0.4 and 0.8.
     */
    static List<Labelled> sets(long seed) {
        int[][] shapes = {{2, 2, 20}, {3, 3, 30}, {4, 4, 24}};
        double[] agree = {0.65, 0.4, 0.8};
        Random random = new Random(seed);
        List<Labelled> sets = new ArrayList<>();
        for (int s = 0; s < shapes.length; s++) {
            int inputs = shapes[s][0], classes = shapes[s][1], n = shapes[s][2];
            Network net = Network.of(inputs, 5, classes).hidden(Activation.TANH).loss(Loss.CROSS_ENTROPY).seed(seed + s);
            double[][] x = new double[n][inputs], t = new double[n][classes];
            for (double[] row : x) {
                for (int k = 0; k < inputs; k++) {
                    row[k] = Unseen.between(random, -2, 2);
                }
            }
            Matrix y = net.forward(Matrix.of(x)).y();
            for (int i = 0; i < n; i++) {
                int predicted = argmax(y.row(i));
                int label = random.nextDouble() < agree[s] ? predicted : (predicted + 1 + random.nextInt(classes - 1)) % classes;
                t[i][label] = 1;
            }
            sets.add(new Labelled("data set " + (s + 1), net, Matrix.of(x), Matrix.of(t)));
        }
        return sets;
    }

    /** The index of the largest entry (the first, on a tie): a row's predicted class, or a one-hot row's class. */
    static int argmax(double[] row) {
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            best = row[k] > row[best] ? k : best;
        }
        return best;
    }

    /** The index of the smallest entry (the first, on a tie): the planted slip "the smallest output". */
    static int argmin(double[] row) {
        int least = 0;
        for (int k = 1; k < row.length; k++) {
            least = row[k] < row[least] ? k : least;
        }
        return least;
    }

    /** How many rows have {@code predict(y row) == argmax(t row)}. */
    private static int count(Labelled set, ToIntFunction<double[]> predict) {
        Matrix y = set.net().forward(set.x()).y(), t = set.t();
        int right = 0;
        for (int i = 0; i < t.rows(); i++) {
            right += predict.applyAsInt(y.row(i)) == argmax(t.row(i)) ? 1 : 0;
        }
        return right;
    }

    private static double fraction(Labelled set, ToIntFunction<double[]> predict) {
        return (double) count(set, predict) / set.t().rows();
    }

    private static double twoClassRule(Labelled set) {
        Matrix y = set.net().forward(set.x()).y(), t = set.t();
        int right = 0;
        for (int i = 0; i < t.rows(); i++) {
            right += (y.get(i, 1) > y.get(i, 0) ? 1 : 0) == (t.get(i, 1) == 1 ? 1 : 0) ? 1 : 0;
        }
        return (double) right / t.rows();
    }
}
