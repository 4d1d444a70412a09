package org.backpropkit.exercise;

import org.backpropkit.check.CheckFailed;
import org.backpropkit.core.Format;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.train.History;
import org.backpropkit.train.Trainer;
import org.backpropkit.train.TrainingDiverged;

/**
 * An open-ended exercise (lessons 8 and 9): choose a learning rate η so that gradient descent gets the
 * loss below a goal within a number of epochs. There is no single answer: every η whose run reaches the
 * goal passes, and the ✓ line says so. A failure says which way to move η and why, read from the run
 * and from a second run with η/2: the loss stopped being finite, or η/2 gets lower (too large — the
 * steps overshoot); else η/2 gets less far (too small). Looking at η's own run alone is not enough: just
 * below the divergence limit the steps overshoot, yet the loss still falls in every epoch.
 */
final class LearningRateExercise {

    private static final String WHAT = "your learning rate";
    private static final String STRONGER = "Halve η when the run diverges or zigzags, double it when the loss falls "
            + "steadily but too slowly; a few tries find one that works, and any that works passes.";

    private LearningRateExercise() {
    }

    /**
     * Trains a copy of {@code net} with {@code Trainer.sgd(eta)} for {@code epochs} — only the parameters named in
     * {@code only}, if any, as on a slice of the loss — and passes when the loss ends below {@code goal}.
     */
    static String check(double eta, Network net, Matrix x, Matrix t, int epochs, double goal, String... only) {
        String target = "the loss below " + Format.number(goal) + " in " + epochs + " epochs";
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw fail("η = " + eta + " cannot get " + target + ".",
                    "η must be a positive number: with η ≤ 0 a step stands still or climbs the loss.");
        }
        History run;
        try {
            run = Trainer.sgd(eta).epochs(epochs).only(only).train(net.copy(), x, t);
        } catch (TrainingDiverged e) {
            throw fail("η = " + Format.number(eta) + " is too large: the loss stopped being a finite number in epoch "
                    + e.epoch() + ".", "Each step overshot the minimum by more than the last. Try a smaller η.");
        }
        double start = run.loss(0), end = run.finalLoss();
        if (end < goal) {
            Hints.passed(WHAT);
            return "✓ η = " + Format.number(eta) + " works: the loss falls from " + Format.number(start) + " to "
                    + loss(end) + " in " + epochs + " epochs (goal: below " + Format.number(goal)
                    + "). This exercise is open: every η that gets there passes.";
        }
        double half = finalLoss(eta / 2, net, x, t, epochs, only);
        String reached = "after " + epochs + " epochs the loss is " + loss(end) + " (it started at "
                + Format.number(start) + "), not below " + Format.number(goal) + ", and η = " + Format.number(eta / 2);
        if (half < end) {
            throw fail("η = " + Format.number(eta) + " is too large: " + reached + " gets lower, "
                    + loss(half) + ".", "The steps overshoot the valley's floor. Try a smaller η.");
        }
        throw fail("η = " + Format.number(eta) + " is too small: " + reached + " gets only to " + Format.number(half) + ".",
                "Each step goes the right way but is short. Try a larger η.");
    }

    /** A loss as a message prints it; an exact 0 says why it can be 0 (a loss that small underflows in doubles). */
    private static String loss(double value) {
        return value == 0 ? "0 (below the smallest positive double)" : Format.number(value);
    }

    /** The loss after training a copy with {@code eta}, infinite if the run diverges. */
    private static double finalLoss(double eta, Network net, Matrix x, Matrix t, int epochs, String... only) {
        try {
            return Trainer.sgd(eta).epochs(epochs).only(only).train(net.copy(), x, t).finalLoss();
        } catch (TrainingDiverged e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private static CheckFailed fail(String what, String hint) {
        Hints.failed(WHAT, hint, STRONGER);
        return new CheckFailed("✗ " + what + "\n  Hint: " + hint + " (This exercise is open: many values of η work.)"
                + "\n  A stronger hint, if you want one: Exercises.hint(2)");
    }
}
