package org.backpropkit.exercise;

/**
 * The hints of the last exercise check that ran in this JVM (one notebook's kernel): the first hint is
 * part of the failure message, the stronger one waits until the learner asks for it with
 * {@link Exercises#hint(int) Exercises.hint(2)}.
 */
final class Hints {

    private static volatile String exercise;
    private static volatile String[] levels;

    private Hints() {
    }

    static void failed(String what, String hint, String stronger) {
        exercise = what;
        levels = new String[] {hint, stronger};
    }

    static void passed(String what) {
        exercise = what;
        levels = null;
    }

    /** The hint of {@code level} 1 or 2 for the last check, or a sentence saying why there is none. */
    static String get(int level) {
        if (level != 1 && level != 2) {
            throw new IllegalArgumentException("hint levels are 1 (the hint in the failure message) and 2 (a stronger one), got "
                    + level);
        }
        String what = exercise;
        String[] hints = levels;
        if (what == null) {
            return "No exercise check has run yet: run the check cell after your answer first.";
        }
        if (hints == null) {
            return "The last exercise check (" + what + ") passed: there is nothing to hint at.";
        }
        return "Hint " + level + " for " + what + ": " + hints[level - 1];
    }
}
