package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;

/**
 * Lesson 2: the learner's derivative of the sigmoid, {@code σ′(a) = σ(a)(1 − σ(a))}, tried at points the
 * lesson never used and compared with the slope of {@code σ(a) = 1/(1 + e^{−a})} measured here by a centred
 * difference, {@code (σ(a + ε) − σ(a − ε)) / 2ε} with {@code ε = 1e-5} — a measurement, independent of
 * any formula for σ′ (it agrees with the exact slope to about {@code 1e-10}, relative).
 *
 * <p>Planted mistakes, each computed here: {@code σ(1 + σ)}; the opposite sign (the chain rule's inner
 * derivative of {@code −a}, which is −1, forgotten, or {@code σ(σ − 1)}); {@code a(1 − a)}, the sum in place of
 * σ's value; σ itself, not differentiated; {@code e^{−a}/(1 + e^{−a})} with the square forgotten, which is
 * {@code 1 − σ}; tanh's rule {@code 1 − σ²}; the peak value ¼ everywhere; a constant.
 */
final class SigmoidDerivativeExercise {

    private static final double EPSILON = 1e-5;

    /** A point {@code a} at which the learner's σ′ is tried. */
    record Point(double a) {
        String where() {
            return "a = " + String.format(Locale.ROOT, "%.3f", a).replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
    }

    private SigmoidDerivativeExercise() {
    }

    static Exercise<Point> exercise() {
        return new Exercise<>("your σ′", "the measured slope of σ", points(), Point::where, Layout.entries("σ′(a)"),
                p -> new double[] {measured(p.a())})
                .mistakes(
                        formula("σ(1 + σ)", (a, s) -> s * (1 + s),
                                "Your σ′ is σ times (1 + σ), which exceeds ¼ wherever σ is above 0.21 — and the slope "
                                        + "of σ never exceeds ¼. Look again at the second factor.",
                                "In the derivation's middle step, write the second fraction, e^(−a) over (1 + e^(−a)), "
                                        + "in terms of σ(a): add the two fractions and see what they make."),
                        formula("opposite sign", (a, s) -> -s * (1 - s),
                                "Your σ′ has the right size and the opposite sign, but σ rises everywhere, so its slope "
                                        + "is positive. Either the chain rule's inner factor (the derivative of −a is −1) "
                                        + "went missing, or the second factor is written the wrong way round.",
                                "Differentiate (1 + e^(−a))^(−1) once more, one link at a time: the power, then "
                                        + "1 + e^(−a), then the exponent −a. Count the minus signs."),
                        formula("a in place of σ(a)", (a, s) -> a * (1 - a),
                                "Your σ′ uses the input a where the short form needs σ's value: σ′(a) is written in "
                                        + "terms of σ(a), not of a.",
                                "Compute σ(a) first, as its own number between 0 and 1, and build the slope from that "
                                        + "number."),
                        formula("σ itself", (a, s) -> s,
                                "Your numbers are σ(a) itself, not its slope: the derivative is a second function of a.",
                                "At a = 0, σ is ½ and its slope is ¼. Which does your method give?"),
                        formula("square left out", (a, s) -> 1 - s,
                                "Your σ′ is 1 − σ(a), which is e^(−a)/(1 + e^(−a)): the derivative of a reciprocal has "
                                        + "the square of the denominator underneath.",
                                "Differentiate 1/g for g = 1 + e^(−a): the quotient rule gives −g′ over g squared."),
                        formula("tanh's rule", (a, s) -> 1 - s * s,
                                "Your σ′ is 1 − σ², the rule for tanh: the sigmoid's slope is a product of two factors, "
                                        + "σ and what σ leaves of 1.",
                                "Check the value at a = 0: it must be ¼, and 1 − σ² gives ¾ there."),
                        formula("¼ everywhere", (a, s) -> 0.25,
                                "Your σ′ is ¼ everywhere: that is its value at a = 0 only, its peak. Away from 0 the "
                                        + "slope fades towards 0, as the dashed curve shows.",
                                "σ′ must depend on a: compute σ(a) for the a your method is given, then the slope."))
                .whenConstant("Your σ′ is the same at every point: it must be computed from the a your method is given.")
                .otherwise("Print your σ′ at a = 0, 2 and −2 and compare with ¼ and about 0.105 at both 2 and −2 (σ′ is "
                                + "symmetric).",
                        "The derivation above ends in a product of two factors, each built from σ(a). Compute σ(a) as "
                                + "the lesson does, then that product, and compare with the numeric slope at a point of your choice.");
    }

    /** Checks the learner's σ′, given as {@code a -> sigmoidPrime(a)}. */
    static String check(Exercises.SigmoidDerivative yours) {
        return exercise().check(p -> new double[] {yours.at(p.a())});
    }

    /** Six points in [−5, 5], none on the lesson's grid of quarters, three on each side of 0. */
    static List<Point> points() {
        List<Point> points = new ArrayList<>();
        for (double a : new double[] {-4.137, -2.61, -0.883, 0.412, 1.736, 3.059}) {
            points.add(new Point(a));
        }
        return points;
    }

    /** The slope of σ at {@code a}, measured: {@code (σ(a + ε) − σ(a − ε)) / 2ε}. */
    private static double measured(double a) {
        return (sigma(a + EPSILON) - sigma(a - EPSILON)) / (2 * EPSILON);
    }

    private static double sigma(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    /** A planted formula for σ′ in terms of {@code a} and {@code s = σ(a)}. */
    private static Mistake<Point> formula(String name, DoubleBinaryOperator slope, String hint,
            String stronger) {
        return Mistake.gives(name, p -> new double[] {slope.applyAsDouble(p.a(), sigma(p.a()))}, hint, stronger);
    }
}
