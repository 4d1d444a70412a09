package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backpropkit.core.Activation;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The open learning-rate exercise of lesson 8: every η that reaches the goal passes, the others say which way to go. */
class LearningRateExerciseTest {

    /** Lesson 8's linear network on the lesson's sample, 300 epochs, loss below 1e-6. */
    static String check(double eta) {
        return Exercises.learningRate(eta, Network.of(2, 3, 2).output(Activation.IDENTITY).seed(3), Matrix.row(0.5, 0.8),
                Matrix.row(1, 0), 300, 1e-6);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.2, 0.5, 1.0, 1.5, 1.9})
    void everyWorkingRatePassesAndTheLineSaysTheExerciseIsOpen(double eta) {
        String line = Verdicts.passes(() -> check(eta));
        assertTrue(line.contains("every η that gets there passes"), line);
    }

    @org.junit.jupiter.api.Test
    void aLossOfExactlyZeroSaysWhyItCanBeZeroInsteadOfReadingLikeABug() {
        String line = Verdicts.passes(() -> check(0.5));
        assertTrue(line.contains("to 0 (below the smallest positive double) in 300 epochs"), line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "30   | is too large: the loss stopped being a finite number in epoch 106.",
        "4    | is too large: after 300 epochs the loss is 3.32",
        "1.99 | is too large: after 300 epochs the loss is 0.0462",
        "0.01 | is too small: after 300 epochs the loss is 2.51",
        "0.001| is too small: after 300 epochs the loss is 0.0794",
        "0    | η = 0.0 cannot get the loss below 1e-06 in 300 epochs.",
        "-0.5 | η = -0.5 cannot get the loss below 1e-06 in 300 epochs."})
    void aRateThatFailsSaysWhichWayToMove(double eta, String says) {
        String message = Verdicts.fails(() -> check(eta));
        assertTrue(message.contains(says), message);
        assertTrue(message.contains("This exercise is open: many values of η work."), message);
        assertTrue(message.contains(eta > 1 ? "Try a smaller η." : eta > 0 ? "Try a larger η." : "η must be a positive number"), message);
    }
}
