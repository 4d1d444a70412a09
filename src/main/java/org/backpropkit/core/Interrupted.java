package org.backpropkit.core;

/**
 * Thrown when one of the kit's long loops (training, a gradient check, a loss surface) stops because its
 * thread was interrupted: the kernel's Interrupt button, or its time limit, sets the cell thread's
 * interrupt flag. The message says how far the loop got and what it left behind.
 *
 * <p>The loops poll the flag between steps ({@link #requested()}) and leave it set, so code around them
 * sees it too; the kernel clears it before the next cell.
 */
public class Interrupted extends RuntimeException {

    public Interrupted(String message) {
        super(message);
    }

    /** True when the current thread has been asked to stop; the flag stays as it is. */
    public static boolean requested() {
        return Thread.currentThread().isInterrupted();
    }
}
