package org.backpropkit.exercise;

/**
 * What a checker throws when the learner's answer has the wrong shape — a gradient shaped unlike its
 * weights, a path with a point too few — before any number is compared, so that a planted
 * {@link Mistake#throwing} can name it; its message says what came and what was expected.
 */
final class WrongShape extends RuntimeException {

    WrongShape(String message) {
        super(message);
    }
}
