package org.backpropkit.check;

/**
 * Thrown by {@link Check} when a lesson's check does not hold, and by the exercise checkers when an
 * answer is wrong. Its message says what was checked, what came, what was expected and, where the lesson
 * gives one, a hint; by the kit's convention it starts with ✗.
 *
 * <p>A failed check is a verdict on the learner's answer, not a fault in the kit, so it carries no stack
 * trace: the notebook shows the message alone, not the kit's methods that produced it.
 */
public final class CheckFailed extends RuntimeException {

    /** A failed check with this message (starting with ✗). */
    public CheckFailed(String message) {
        super(message, null, false, false);
    }
}
