package org.backpropkit.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backpropkit.core.Format;
import org.backpropkit.core.RichText;

/**
 * What a training run recorded: the loss on the whole training set before training (epoch 0) and
 * after every epoch, and the value of each tracked weight at the same moments — so
 * {@code trajectory("w11")[0]} is the weight's starting value.
 */
public final class History implements RichText {

    private final double eta;
    private final double[] loss;
    private final Map<String, double[]> trajectories;
    private int recorded;

    History(double eta, int epochs, List<String> tracked) {
        this.eta = eta;
        this.loss = new double[epochs + 1];
        this.trajectories = new LinkedHashMap<>();
        for (String name : tracked) {
            trajectories.put(name, new double[epochs + 1]);
        }
    }

    /** Records the state after {@code epoch} (0 = before training); values follow {@link #tracked()}'s order. */
    void record(int epoch, double lossValue, double[] weights) {
        loss[epoch] = lossValue;
        int k = 0;
        for (double[] path : trajectories.values()) {
            path[epoch] = weights[k++];
        }
        recorded = epoch + 1;
    }

    /** The learning rate {@code η} of the run. */
    public double eta() {
        return eta;
    }

    /** The number of epochs completed (a run that diverged completes fewer than it was asked for). */
    public int epochs() {
        return recorded - 1;
    }

    /** The loss before training and after each epoch: {@code epochs() + 1} values. */
    public double[] loss() {
        return Arrays.copyOf(loss, recorded);
    }

    /** The loss after {@code epoch} (0 = before training). */
    public double loss(int epoch) {
        if (epoch < 0 || epoch >= recorded) {
            throw new IllegalArgumentException("epoch " + epoch + " was not recorded: this run has epochs 0 to "
                    + (recorded - 1));
        }
        return loss[epoch];
    }

    /** The loss after the last completed epoch. */
    public double finalLoss() {
        return loss[recorded - 1];
    }

    /** The names of the tracked weights, as given to {@link Trainer#track}. */
    public List<String> tracked() {
        return new ArrayList<>(trajectories.keySet());
    }

    /** The values of a tracked weight before training and after each epoch. */
    public double[] trajectory(String name) {
        double[] path = trajectories.get(name);
        if (path == null) {
            throw new IllegalArgumentException("'" + name + "' was not tracked; tracked: " + tracked()
                    + ". Ask for it with Trainer.track(\"" + name + "\") before training");
        }
        return Arrays.copyOf(path, recorded);
    }

    /** E.g. {@code 1000 epochs with η = 0.5: loss 0.25 → 0.0012}. */
    @Override
    public String toString() {
        return epochs() + " epochs with η = " + Format.number(eta) + ": loss " + Format.number(loss[0]) + " → "
                + Format.number(finalLoss());
    }

    @Override
    public String toMarkdown() {
        return epochs() + " epochs with $\\eta = " + Format.number(eta) + "$: loss $" + Format.number(loss[0])
                + " \\to " + Format.number(finalLoss()) + "$";
    }
}
