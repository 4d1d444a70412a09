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
 *
 * <p>The record grows as the run goes, doubling its room when it is full (so recording an epoch costs
 * amortised constant time and nothing between epochs): {@code epochs(1_000_000_000)} reserves nothing
 * up front, and a run that is interrupted early holds only what it did. A record holds at most
 * {@value #MAX_EPOCHS} epochs plus epoch 0, Java's largest array; a run that gets that far, or runs out
 * of memory first (8 bytes per epoch and tracked parameter), stops with a message and keeps what it has.
 */
public final class History implements RichText {

    /** The most epochs one record holds: Java's largest array, less epoch 0. */
    public static final int MAX_EPOCHS = Integer.MAX_VALUE - 9;
    /** Epochs of room a record starts with when more are planned: 8 KB per recorded quantity. */
    private static final int FIRST_ROOM = 1024;

    private final double eta;
    private final Notation notation;
    private final List<Parameter> tracked;
    private final int maxEpochs;
    private double[] loss;
    private final double[][] trajectories;
    private int recorded;

    History(double eta, int epochs, Notation notation, List<Parameter> tracked) {
        this(eta, epochs, notation, tracked, MAX_EPOCHS);
    }

    /** A record of at most {@code maxEpochs} epochs (tests use a small one). */
    History(double eta, int epochs, Notation notation, List<Parameter> tracked, int maxEpochs) {
        this.eta = eta;
        this.notation = notation;
        this.tracked = List.copyOf(tracked);
        this.maxEpochs = maxEpochs;
        int room = (int) Math.min((long) epochs + 1, Math.min(FIRST_ROOM, (long) maxEpochs + 1));
        this.loss = new double[room];
        this.trajectories = new double[tracked.size()][room];
    }

    /** Records the state after {@code epoch} (0 = before training): the loss, and each tracked parameter of {@code net}. */
    void record(int epoch, double lossValue, Network net) {
        if (epoch >= loss.length) {
            grow();
        }
        loss[epoch] = lossValue;
        for (int k = 0; k < trajectories.length; k++) {
            trajectories[k][epoch] = net.get(tracked.get(k));
        }
        recorded = epoch + 1;
    }

    /** Twice the room, or as much as a record may hold; a clear message when that is all or memory is out. */
    private void grow() {
        long room = Math.min(2L * loss.length, (long) maxEpochs + 1);
        if (room == loss.length) {
            throw full("a record holds at most " + maxEpochs + " epochs");
        }
        try {
            double[] more = Arrays.copyOf(loss, (int) room);
            for (int k = 0; k < trajectories.length; k++) {
                trajectories[k] = Arrays.copyOf(trajectories[k], (int) room);
            }
            loss = more;
        } catch (OutOfMemoryError e) {
            // The copy that failed was never made; the record as it is stays whole.
            throw full("memory ran out: " + room + " epochs of " + (1 + trajectories.length) + " recorded "
                    + (trajectories.length == 0 ? "quantity" : "quantities") + " need " + (room * 8 * (1 + trajectories.length)
                    >> 20) + " MB, and the JVM may use " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        }
    }

    private IllegalStateException full(String why) {
        return new IllegalStateException("Training stopped after epoch " + recorded + " because its history cannot grow: "
                + why + ". The network keeps its weights after epoch " + recorded + ", and the trainer's history() holds"
                + " epochs 0 to " + (recorded - 1) + ". Train in shorter runs (train again to continue from these"
                + " weights) or track fewer parameters.");
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
