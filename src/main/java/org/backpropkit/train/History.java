package org.backpropkit.train;

import java.util.Arrays;
import java.util.List;
import org.backpropkit.core.Format;
import org.backpropkit.core.Network;
import org.backpropkit.core.Notation;
import org.backpropkit.core.Parameter;
import org.backpropkit.core.Require;
import org.backpropkit.core.RichText;

/**
 * What a training run recorded: the loss on the whole training set before training (epoch 0) and
 * after every epoch, and the value of each tracked parameter at the same moments — so
 * {@code trajectory("w11")[0]} is the weight's starting value. A tracked parameter is asked for by any
 * name the network reads ({@code "w11"}, {@code "w₁₁"}) or as a {@link Parameter}.
 */
public final class History implements RichText {

    private final double eta;
    private final Notation notation;
    private final List<Parameter> tracked;
    private final double[] loss;
    private final double[][] trajectories;
    private int recorded;

    History(double eta, int epochs, Notation notation, List<Parameter> tracked) {
        this.eta = eta;
        this.notation = notation;
        this.tracked = List.copyOf(tracked);
        this.loss = new double[epochs + 1];
        this.trajectories = new double[tracked.size()][epochs + 1];
    }

    /** Records the state after {@code epoch} (0 = before training): the loss, and each tracked parameter of {@code net}. */
    void record(int epoch, double lossValue, Network net) {
        loss[epoch] = lossValue;
        for (int k = 0; k < trajectories.length; k++) {
            trajectories[k][epoch] = net.get(tracked.get(k));
        }
        recorded = epoch + 1;
    }

    /** The learning rate {@code η} of the run. */
    public double eta() {
        return eta;
    }

    /** The number of epochs completed (a run that diverged or was interrupted completes fewer than asked). */
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

    /** The tracked parameters, in the order given to {@link Trainer#track}. */
    public List<Parameter> tracked() {
        return tracked;
    }

    /** The tracked parameter with this name, in any spelling the network reads ({@code "w11"}, {@code "w₁₁"}). */
    public Parameter tracked(String name) {
        Parameter p = notation.parameter(name);
        index(p);
        return p;
    }

    /** The values of a tracked parameter, named as the network reads it ({@code "w11"}, {@code "w₁₁"}), by epoch. */
    public double[] trajectory(String name) {
        return trajectory(notation.parameter(name));
    }

    /** The values of tracked parameter {@code p} before training and after each epoch. */
    public double[] trajectory(Parameter p) {
        Require.notNull("the parameter p", p);
        return Arrays.copyOf(trajectories[index(p)], recorded);
    }

    private int index(Parameter p) {
        int k = tracked.indexOf(p);
        if (k < 0) {
            throw new IllegalArgumentException("this run did not track " + p.name() + " (" + p.symbol() + "); tracked: "
                    + (tracked.isEmpty() ? "nothing" : String.join(", ", tracked.stream().map(Parameter::name).toList()))
                    + ". Train with Trainer….track(\"" + p.name() + "\") to record its values");
        }
        return k;
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
