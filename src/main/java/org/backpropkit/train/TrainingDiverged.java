package org.backpropkit.train;

import org.backpropkit.core.Format;

/**
 * Thrown when the loss, or a weight, stops being a finite number during training. The message says in which
 * epoch, with which {@code η}, and what to try; the run so far stays available in {@link #history()},
 * and the network keeps the weights it had after the last good epoch.
 */
public final class TrainingDiverged extends RuntimeException {

    private final transient History history;
    private final int epoch;

    TrainingDiverged(History history, int epoch, double loss, double momentum) {
        super("Training diverged: " + (Double.isNaN(loss) ? "the loss became NaN" : Double.isInfinite(loss)
                ? "the loss became infinite" : "a weight became infinite") + " in epoch " + epoch
                + " with η = " + Format.number(history.eta())
                + (momentum > 0 ? " and momentum " + Format.number(momentum) : "")
                + ". The steps overshot and the weights grew without bound. The network keeps its weights from epoch "
                + (epoch - 1) + " (loss " + Format.number(history.finalLoss()) + "), and history() holds the run so far. "
                + "Try a smaller learning rate, e.g. η = " + Format.number(history.eta() / 10)
                + (momentum > 0 ? ", or less momentum" : "") + ".");
        this.history = history;
        this.epoch = epoch;
    }

    /** The run up to the last epoch whose loss was finite. */
    public History history() {
        return history;
    }

    /** The epoch in which the loss stopped being finite. */
    public int epoch() {
        return epoch;
    }
}
