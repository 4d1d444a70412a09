package org.backpropkit.train;

import org.backpropkit.core.Interrupted;

/**
 * Thrown when training stops because its thread was interrupted (the kernel's Interrupt button or
 * time limit). The message says in which epoch and step; the network keeps the weights of the last
 * completed step, and the run so far stays available in {@link #history()} — and, without catching
 * anything, in {@link Trainer#history()} of the trainer that ran it.
 */
public final class TrainingInterrupted extends Interrupted {

    private final transient History history;

    TrainingInterrupted(History history, int epoch, int epochs, int step, int steps) {
        super("Training interrupted in epoch " + epoch + " of " + epochs
                + (step == 0 ? ", before its first step" : ", after step " + step + " of its " + steps)
                + ". The network keeps its weights after the last completed step"
                + (step == 0 ? " (the end of epoch " + (epoch - 1) + ")" : "")
                + "; history() holds epochs 0 to " + history.epochs() + " (so does the trainer's history()).");
        this.history = history;
    }

    /** The run up to the last completed epoch (the interrupted one is {@code history().epochs() + 1}). */
    public History history() {
        return history;
    }
}
