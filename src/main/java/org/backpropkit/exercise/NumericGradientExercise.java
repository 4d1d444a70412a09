package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * Lesson 3: the learner's numeric gradient — for every entry {@code k} of {@code v}, the centred difference
 * {@code (f(v + ε eₖ) − f(v − ε eₖ)) / 2ε} with {@code ε = 1e-5} — tried on three functions the lesson never
 * showed and compared with their exact gradients, worked out by hand here:
 * <ul>
 *   <li>{@code ½ Σₖ (vₖ − tₖ)²}, the lesson's loss with three outputs: {@code ∂f/∂vₖ = vₖ − tₖ};</li>
 *   <li>{@code Σₖ (vₖ − tₖ)²}, the same without the ½: {@code 2(vₖ − tₖ)};</li>
 *   <li>{@code ½ (σ(v·z) − τ)²}, one sigmoid unit's loss as a function of its three weights
 *       ({@code z} its inputs, {@code τ} its target): {@code (y − τ) y(1 − y) zₖ} with {@code y = σ(v·z)}.
 *       Its entries interact, so a nudge left in place shows up in the next entries.</li>
 * </ul>
 * Planted mistakes, each measured here the way such code measures: divided by ε instead of 2ε (twice
 * the slope); every entry nudged at once; nudges made in {@code v} itself and not undone; the second
 * point taken at {@code v} itself over 2ε (half a one-sided difference, what code that nudges the same
 * array twice gives); a one-sided difference with ε from {@code 1e-4} to {@code 1e-6}, forwards or
 * backwards; a centred difference with too large a step ({@code 1e-4} to {@code 0.1}) or too small a one
 * ({@code 1e-12} to {@code 1e-8}); both nudges cancelling (all zero); {@code f(v)} in place of a slope; an index past the end.
 */
final class NumericGradientExercise {

    private static final double EPSILON = 1e-5;

    /** A function of a vector, its exact gradient, and the point {@code v} where both are taken. */
    record Case(String name, ToDoubleFunction<double[]> f, UnaryOperator<double[]> gradient, double[] v) {
        String where() {
            return name + ", at v = " + Unseen.vector(v);
        }
    }

    private NumericGradientExercise() {
    }

    static Exercise<Case> exercise() {
        return new Exercise<>("your numeric gradient", "the exact gradient", cases(), Case::where,
                Layout.entries("∂f/∂v₁", "∂f/∂v₂", "∂f/∂v₃"), c -> c.gradient().apply(c.v().clone()))
                .mistakes(Mistake.throwing("an index past the end", IndexOutOfBoundsException.class,
                        "An index ran past the end of v. The check's v has three entries, the lesson's y two: loop "
                                + "over as many entries as the v your method is given, counted from 0.",
                        "Your method must work for a v of any length; ask v itself how many entries it has."))
                .mistakes(
                        measured("divided by ε, not 2ε", (c, k) -> centred(c, k, EPSILON) * 2,
                                "Your slopes are twice the true ones: the two nudged points are ε above and ε below v, "
                                        + "so they lie 2ε apart, and the change in f must be divided by that distance.",
                                "For f(v) = v² at v = 1 the slope is 2. Work out what your code gives for it by hand."),
                        measured("every entry nudged at once", NumericGradientExercise::allAtOnce,
                                "Your slopes are the same for every entry: each one nudges all entries of v at once. "
                                        + "A partial derivative nudges one entry and keeps the others as they are.",
                                "Inside your loop over k, change only entry k of each copy."),
                        Mistake.gives("nudges not undone", NumericGradientExercise::notUndone,
                                "Your slopes are right for the first entry and off in the next ones where the entries "
                                        + "interact: each nudge stays in v, so later entries are measured at a moved point.",
                                "Nudge copies of v, never v itself — or put every entry back before the next one."),
                        measured("second point at v itself", (c, k) -> (f(c, k, EPSILON) - f(c, k, 0)) / (2 * EPSILON),
                                "Your slopes are about half the true ones: the point below is v itself rather than "
                                        + "v − ε in entry k. That happens when both nudges go to the same array.",
                                "Make two separate copies of v for the two points. In Java, assigning an array to a "
                                        + "second name does not copy it; clone() does."),
                        oneSided(1e-4, 1), oneSided(1e-5, 1), oneSided(1e-6, 1),
                        oneSided(1e-4, -1), oneSided(1e-5, -1), oneSided(1e-6, -1),
                        step(1e-1), step(1e-2), step(1e-3), step(1e-4),
                        step(1e-8), step(1e-9), step(1e-10), step(1e-11), step(1e-12),
                        measured("both nudges cancelled", (c, k) -> 0,
                                "Your slopes are all 0: the two points where you evaluate f are the same. If both nudges "
                                        + "went to one array, the second undid the first before f was called.",
                                "Print the two values of f for one entry: they must differ. Each point needs its own "
                                        + "copy of v."),
                        measured("f's value", (c, k) -> c.f().applyAsDouble(c.v().clone()),
                                "Your numbers are the value of f at v, not its slopes: a slope is a change in f divided "
                                        + "by the change in v that caused it.",
                                "Evaluate f twice per entry, once on each side of v, and divide the difference."))
                .whenConstant("Your slopes are the same for every function and point: they must be measured with the f "
                        + "and v your method is given.")
                .otherwise("Compare your method with the lesson's slope(y, t, k, eps) on the lesson's loss: they should "
                                + "agree for both outputs.",
                        "Per entry k: f at a copy of v with ε added to entry k, minus f at a copy with ε taken away, "
                                + "over the distance between the two points. Check each of those pieces.");
    }

    /** Checks the learner's numeric gradient, given as {@code (f, v) -> numericGradient(f, v)}. */
    static String check(Exercises.NumericGradient yours) {
        return exercise().check(c -> yours.of(c.f(), c.v().clone()));
    }

    /** The three functions, with points and constants the lesson never used. */
    static List<Case> cases() {
        double[] t1 = {0.9, 0.1, 0.6}, t2 = {0.2, 0.8, 0.35}, z = {0.7, -0.4, 0.9};
        double tau = 0.95;
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("f(v) = ½ Σₖ (vₖ − tₖ)² with t = " + Unseen.vector(t1),
                v -> 0.5 * squaredDistance(v, t1), v -> minus(v, t1, 1), new double[] {0.412, 0.733, 0.25}));
        cases.add(new Case("f(v) = Σₖ (vₖ − tₖ)² with t = " + Unseen.vector(t2),
                v -> squaredDistance(v, t2), v -> minus(v, t2, 2), new double[] {0.64, 0.31, 0.7}));
        cases.add(new Case("f(v) = ½ (σ(v₁z₁ + v₂z₂ + v₃z₃) − τ)² with z = " + Unseen.vector(z) + ", τ = 0.95",
                v -> {
                    double y = unit(v, z);
                    return 0.5 * (y - tau) * (y - tau);
                },
                v -> {
                    double y = unit(v, z);
                    double[] g = new double[v.length];
                    for (int k = 0; k < v.length; k++) {
                        g[k] = (y - tau) * y * (1 - y) * z[k];
                    }
                    return g;
                }, new double[] {0.35, 0.8, -0.6}));
        return cases;
    }

    private static double squaredDistance(double[] v, double[] t) {
        double sum = 0;
        for (int k = 0; k < v.length; k++) {
            sum += (v[k] - t[k]) * (v[k] - t[k]);
        }
        return sum;
    }

    /** {@code c (v − t)}, entry by entry. */
    private static double[] minus(double[] v, double[] t, double c) {
        double[] d = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            d[k] = c * (v[k] - t[k]);
        }
        return d;
    }

    /** {@code σ(v·z)}. */
    private static double unit(double[] v, double[] z) {
        double a = 0;
        for (int k = 0; k < v.length; k++) {
            a += v[k] * z[k];
        }
        return 1 / (1 + Math.exp(-a));
    }

    /** {@code f} at a copy of {@code v} with {@code step} added to entry {@code k}. */
    private static double f(Case c, int k, double step) {
        double[] moved = c.v().clone();
        moved[k] += step;
        return c.f().applyAsDouble(moved);
    }

    /** The centred difference for entry {@code k}. */
    private static double centred(Case c, int k, double eps) {
        return (f(c, k, eps) - f(c, k, -eps)) / (2 * eps);
    }

    /** Every entry's "slope" with all entries nudged together. */
    private static double allAtOnce(Case c, int k) {
        double[] up = c.v().clone(), down = c.v().clone();
        for (int m = 0; m < up.length; m++) {
            up[m] += EPSILON;
            down[m] -= EPSILON;
        }
        return (c.f().applyAsDouble(up) - c.f().applyAsDouble(down)) / (2 * EPSILON);
    }

    /** Centred differences taken in {@code v} itself, each entry left ε below where it was. */
    private static double[] notUndone(Case c) {
        double[] v = c.v().clone(), g = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            v[k] += EPSILON;
            double up = c.f().applyAsDouble(v);
            v[k] -= 2 * EPSILON;
            g[k] = (up - c.f().applyAsDouble(v)) / (2 * EPSILON);
        }
        return g;
    }

    private static Mistake<Case> oneSided(double eps, int direction) {
        return measured("one-sided difference, ε = " + eps + (direction > 0 ? ", forwards" : ", backwards"),
                (c, k) -> (f(c, k, direction * eps) - f(c, k, 0)) / (direction * eps),
                "Your slopes are one-sided differences, between v and one nudged point: their error shrinks only "
                        + "like ε, so they miss by about ε times the curvature. The centred difference, with a point on "
                        + "each side of v, is exact for the lesson's loss up to rounding.",
                "Lesson 2 compared the two: nudge entry k up by ε in one copy and down by ε in another.");
    }

    /** The centred difference with a step that is too large (a chord's slope) or too small (rounding noise). */
    private static Mistake<Case> step(double eps) {
        return measured("centred difference, ε = " + eps, (c, k) -> centred(c, k, eps),
                eps > EPSILON ? "Your slopes are centred differences with too large a step: they measure the slope of "
                        + "a chord, which misses the curve's slope by about ε² times its third derivative. The lesson's "
                        + "loss is a parabola, where that error is 0, but the other functions are not."
                        : "Your slopes are centred differences with too small a step: the two values of f agree in most "
                        + "of their digits, and their difference is mostly rounding noise.",
                "Lesson 2's table of steps: the error is smallest near ε = 1e-5. Use that.");
    }

    /** A mistake measured entry by entry. */
    private static Mistake<Case> measured(String name, EntryRule rule, String hint, String stronger) {
        return Mistake.gives(name, c -> {
            double[] g = new double[c.v().length];
            for (int k = 0; k < g.length; k++) {
                g[k] = rule.slope(c, k);
            }
            return g;
        }, hint, stronger);
    }

    @FunctionalInterface
    private interface EntryRule {
        double slope(Case c, int k);
    }
}
