package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 3's checker against numeric gradients written as a learner would, right and with each typical slip. */
class NumericGradientExerciseTest {

    enum Slip { NONE, IN_PLACE_RESTORED, OVER_EPSILON, ALL_AT_ONCE, NOT_UNDONE, SAME_ARRAY, FORWARD, BACKWARD, BIG_STEP,
        TINY_STEP, BOTH_CANCEL, VALUE, TWO_ENTRIES, LOOP_TOO_FAR, CONSTANT }

    static final String[] SOLUTION = {"double[] up = v.clone(), down = v.clone();",
        "g[k] = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * eps);"};

    /** A learner's numeric gradient: a loop over the entries, two nudged points each, with one slip (or none). */
    static double[] learner(ToDoubleFunction<double[]> f, double[] v, Slip slip) {
        double eps = slip == Slip.BACKWARD ? 1e-4 : slip == Slip.BIG_STEP ? 1e-3 : slip == Slip.TINY_STEP ? 1e-10 : 1e-5;
        int n = slip == Slip.TWO_ENTRIES ? 2 : v.length;
        double[] g = new double[n];
        for (int k = 0; k < n + (slip == Slip.LOOP_TOO_FAR ? 1 : 0); k++) {
            switch (slip) {
                case IN_PLACE_RESTORED, NOT_UNDONE -> {
                    v[k] += eps;
                    double up = f.applyAsDouble(v);
                    v[k] -= 2 * eps;
                    g[k] = (up - f.applyAsDouble(v)) / (2 * eps);
                    if (slip == Slip.IN_PLACE_RESTORED) {
                        v[k] += eps;
                    }
                }
                case SAME_ARRAY -> {
                    double[] up = v, down = v;
                    up[k] += eps;
                    double fUp = f.applyAsDouble(up);
                    down[k] -= eps;
                    g[k] = (fUp - f.applyAsDouble(down)) / (2 * eps);
                }
                case BOTH_CANCEL -> {
                    double[] up = v, down = v;
                    up[k] += eps;
                    down[k] -= eps;
                    g[k] = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * eps);
                }
                case ALL_AT_ONCE -> {
                    double[] up = v.clone(), down = v.clone();
                    for (int m = 0; m < v.length; m++) {
                        up[m] += eps;
                        down[m] -= eps;
                    }
                    g[k] = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * eps);
                }
                case FORWARD -> {
                    double[] up = v.clone();
                    up[k] += eps;
                    g[k] = (f.applyAsDouble(up) - f.applyAsDouble(v)) / eps;
                }
                case BACKWARD -> {
                    double[] down = v.clone();
                    down[k] -= eps;
                    g[k] = (f.applyAsDouble(v) - f.applyAsDouble(down)) / eps;
                }
                case VALUE -> g[k] = f.applyAsDouble(v);
                case CONSTANT -> g[k] = 0.5;
                default -> {
                    double[] up = v.clone(), down = v.clone();
                    up[k] += eps;
                    down[k] -= eps;
                    g[k] = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (slip == Slip.OVER_EPSILON ? eps : 2 * eps);
                }
            }
        }
        return g;
    }

    static String check(Slip slip) {
        return Exercises.numericGradient((f, v) -> learner(f, v, slip));
    }

    @Test
    void theSolutionPassesAndSoDoesNudgingInPlaceWhenEveryEntryIsPutBack() {
        for (Slip right : new Slip[] {Slip.NONE, Slip.IN_PLACE_RESTORED}) {
            assertTrue(Verdicts.passes(() -> check(right)).startsWith(
                    "✓ your numeric gradient and the exact gradient agree on 3 cases the lesson never showed (9 values; "));
        }
    }

    @Test
    void theExactGradientsTheCheckTrustsAgreeWithAFineCentredDifference() {
        for (NumericGradientExercise.Case c : NumericGradientExercise.cases()) {
            double[] exact = c.gradient().apply(c.v().clone());
            for (int k = 0; k < exact.length; k++) {
                double[] up = c.v().clone(), down = c.v().clone();
                up[k] += 1e-6;
                down[k] -= 1e-6;
                double slope = (c.f().applyAsDouble(up) - c.f().applyAsDouble(down)) / 2e-6;
                assertEquals(exact[k], slope, 1e-9, c.where() + ", entry " + (k + 1));
                assertTrue(Math.abs(exact[k]) > 0.03, "a slope near 0 would hide a missing factor: " + c.where());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = {"NONE", "IN_PLACE_RESTORED"}, mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.OVER_EPSILON, "Your slopes are twice the true ones");
        says.put(Slip.ALL_AT_ONCE, "each one nudges all entries of v at once");
        says.put(Slip.NOT_UNDONE, "each nudge stays in v");
        says.put(Slip.SAME_ARRAY, "Your slopes are about half the true ones");
        says.put(Slip.FORWARD, "Your slopes are one-sided differences");
        says.put(Slip.BACKWARD, "Your slopes are one-sided differences");
        says.put(Slip.BIG_STEP, "centred differences with too large a step");
        says.put(Slip.TINY_STEP, "centred differences with too small a step");
        says.put(Slip.BOTH_CANCEL, "Your slopes are all 0");
        says.put(Slip.VALUE, "Your numbers are the value of f at v, not its slopes");
        says.put(Slip.TWO_ENTRIES, "your numeric gradient gave 2 values on f(v) = ½ Σₖ (vₖ − tₖ)²");
        says.put(Slip.LOOP_TOO_FAR, "An index ran past the end of v");
        says.put(Slip.CONSTANT, "Your slopes are the same for every function and point");
        assertEquals(says.size() - 1, Verdicts.eachSays(says, NumericGradientExerciseTest::check).size(),
                "forward and backward differences share one hint; every other mistake has its own");
    }

    @Test
    void nudgesLeftInPlaceShowOnlyWhereTheEntriesInteract() {
        String message = Verdicts.fails(() -> check(Slip.NOT_UNDONE));
        assertTrue(message.contains("Right for ∂f/∂v₁, wrong for ∂f/∂v₂ and ∂f/∂v₃."), message);
        assertTrue(message.contains("(f(v) = ½ (σ(v₁z₁ + v₂z₂ + v₃z₃) − τ)²"), message);
    }

    @Test
    void numbersThatAgreeToSixDigitsArePrintedWithEnoughDigitsToSeeTheDifference() {
        String message = Verdicts.fails(() -> check(Slip.BIG_STEP));
        assertTrue(message.contains("    ∂f/∂v₁: yours -0.09551889, expected -0.09551890   (f(v) = ½ (σ("), message);
    }
}
