package org.backpropkit.check;

/**
 * Thrown by {@link Check} when a lesson's check does not hold. Its message says what was checked,
 * what came, what was expected and, where the lesson gives one, a hint.
 */
public final class CheckFailed extends RuntimeException {

    /** A failed check; by the kit's convention {@code message} starts with ✗ (the exercise checkers throw these too). */
    public CheckFailed(String message) {
        super(message);
    }
}
