package org.backpropkit.data;

import java.util.List;
import java.util.Random;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Require;
import org.backpropkit.core.Shuffle;

/**
 * Inputs {@code x} and targets {@code t}, one sample per row, ready for
 * {@code Trainer.train(net, ex.x(), ex.t())}; made by {@code DataSet.load(…).inputs(…).targets(…)}
 * or {@code .oneHot(…)}.
 *
 * <p>Immutable: {@link #x()} and {@link #t()} return copies, and {@link #split} and
 * {@link #standardized} return new examples. For one-hot targets {@link #classes()} keeps the
 * class names in the order of the target columns, so {@code classes().get(k)} is the class whose
 * target has its 1 in column {@code k}.
 */
public final class Examples {

    private final String name;
    private final List<String> inputs;
    private final Matrix x;
    private final List<String> targets;
    private final Matrix t;
    private final List<String> classes;

    Examples(String name, List<String> inputs, Matrix x, List<String> targets, Matrix t, List<String> classes) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
        this.x = x;
        this.targets = List.copyOf(targets);
        this.t = t;
        this.classes = List.copyOf(classes);
    }

    /** The name of the data set these came from, e.g. {@code iris}. */
    public String name() {
        return name;
    }

    /** The inputs {@code x}: samples × input columns (a copy). */
    public Matrix x() {
        return x.copy();
    }

    /** The targets {@code t}: samples × target columns (a copy). */
    public Matrix t() {
        return t.copy();
    }

    /** The number of samples. */
    public int size() {
        return x.rows();
    }

    /** The input column names, in the order of {@code x}'s columns. */
    public List<String> inputs() {
        return inputs;
    }

    /** The target column names, e.g. {@code t}, or {@code species=setosa, …} for one-hot targets. */
    public List<String> targets() {
        return targets;
    }

    /** The class names of one-hot targets, in target-column order; empty for plain targets. */
    public List<String> classes() {
        return classes;
    }

    /**
     * Shuffles the samples with {@code new Random(seed)} and puts the first
     * {@code round(trainFraction · size)} in the training part, the rest in the test part. The
     * same seed gives the same split.
     */
    public Split split(double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction must lie strictly between 0 and 1, got " + trainFraction);
        }
        int n = size();
        int nTrain = (int) Math.round(trainFraction * n);
        if (nTrain == 0 || nTrain == n) {
            throw new IllegalArgumentException("a split of " + n + " samples with trainFraction " + trainFraction
                    + " leaves " + (nTrain == 0 ? "no training" : "no test") + " samples");
        }
        int[] order = Shuffle.order(n, new Random(seed));
        return new Split(rows(order, 0, nTrain), rows(order, nTrain, n), null);
    }

    /** These examples with {@code x} replaced by {@code z.apply(x)}; targets unchanged. */
    public Examples standardized(Standardization z) {
        Require.notNull("the standardization z", z, "fit one on the training inputs: Standardization.fit(train.x())");
        return new Examples(name, inputs, z.apply(x), targets, t, classes);
    }

    private Examples rows(int[] order, int from, int to) {
        double[][] xs = new double[to - from][];
        double[][] ts = new double[to - from][];
        for (int k = from; k < to; k++) {
            xs[k - from] = x.row(order[k]);
            ts[k - from] = t.row(order[k]);
        }
        return new Examples(name, inputs, Matrix.of(xs), targets, Matrix.of(ts), classes);
    }

    /** E.g. {@code iris: 150 samples, x: sepal_length, … (4), t: one-hot species (3 classes)}. */
    @Override
    public String toString() {
        return name + ": " + size() + " samples, x: " + String.join(", ", inputs) + ", t: "
                + (classes.isEmpty() ? String.join(", ", targets) : "one-hot " + String.join(", ", classes));
    }
}
