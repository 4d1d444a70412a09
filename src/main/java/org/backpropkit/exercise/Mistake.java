package org.backpropkit.exercise;

import java.util.List;
import java.util.function.Function;

/**
 * A typical mistake of one exercise, planted in the checker: what code with that mistake computes
 * ({@code gives}), or the exception such code throws ({@code thrown}), and what a learner whose answer
 * matches it reads — a first {@code hint} that names the mistake in words and says where to look, and a
 * {@code stronger} one shown only on request ({@link Exercises#hint}). Neither may hold the solution:
 * no code and no formula that is the answer line (each checker's tests assert this).
 *
 * @param <C> what the exercise is tried on, e.g. a {@link Trial}
 */
record Mistake<C>(String name, Function<C, double[]> gives, Class<? extends RuntimeException> thrown, String hint,
        String stronger) {

    /** A mistake recognised by its numbers: the learner's answer equals {@code gives} on every trial. */
    static <C> Mistake<C> gives(String name, Function<C, double[]> gives, String hint, String stronger) {
        return new Mistake<>(name, gives, null, hint, stronger);
    }

    /** A mistake recognised by the exception the learner's code throws, e.g. an index out of range. */
    static <C> Mistake<C> throwing(String name, Class<? extends RuntimeException> thrown, String hint, String stronger) {
        return new Mistake<>(name, null, thrown, hint, stronger);
    }

    /**
     * The mistakes of code that reads the notebook's variables instead of its arguments: its answer is
     * the lesson network's, or uses the lesson's {@code x} (or {@code t}) with the network it was given.
     */
    static List<Mistake<Trial>> lessonValues(Function<Trial, double[]> expected, boolean usesTarget) {
        String stronger = "Run your method on the lesson's network, then on Network.of(2, 3, 2).seed(1) with another x: "
                + "if both give the same numbers, it is not reading what it is given. Every value it uses must come "
                + "from its own parameters.";
        Trial lesson = Trial.lesson();
        List<Mistake<Trial>> all = new java.util.ArrayList<>(List.of(
                gives("the lesson's network and input", trial -> expected.apply(lesson),
                        "Your numbers are the lesson network's, whatever network and input your method is given (or they "
                                + "were copied from the lesson's output): compute from the method's parameters, not the notebook's variables.", stronger),
                gives("the lesson's network", trial -> expected.apply(trial.withNet(lesson.net())),
                        "Your numbers come from the lesson's network, not from the network your method is given: "
                                + "read every weight and bias from the method's own network parameter.", stronger),
                gives("the lesson's input", trial -> expected.apply(trial.withX(lesson.x())),
                        "Your numbers use the lesson's input x = (0.5, 0.8), not the x your method is given.", stronger)));
        if (usesTarget) {
            all.add(gives("the lesson's target", trial -> expected.apply(trial.withT(lesson.t())),
                    "Your numbers use the lesson's target t = (1, 0), not the t your method is given.", stronger));
        }
        return all;
    }
}
