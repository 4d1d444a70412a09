package org.backpropkit.check;

/**
 * Thrown by {@link Check} when a lesson's check does not hold. Its message says what was checked,
 * what came, what was expected and, where the lesson gives one, a hint.
 */
public final class CheckFailed extends RuntimeException {

    CheckFailed(String message) {
        super(message);
    }
}
