package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 2's checker against σ′ written as a learner would, right and with each typical slip. */
class SigmoidDerivativeExerciseTest {

    enum Slip { NONE, QUOTIENT_FORM, ONE_PLUS_SIGMA, INNER_SIGN, SIGMA_MINUS_ONE, A_FOR_SIGMA, SIGMA_ITSELF, NO_SQUARE,
        TANH_RULE, QUARTER, ZERO }

    static final String[] SOLUTION = {"double s = 1 / (1 + Math.exp(-a));", "return s * (1 - s);"};

    static double learner(double a, Slip slip) {
        double s = 1 / (1 + Math.exp(-a));
        double e = Math.exp(-a);
        return switch (slip) {
            case QUOTIENT_FORM -> e / ((1 + e) * (1 + e));
            case ONE_PLUS_SIGMA -> s * (1 + s);
            case INNER_SIGN -> -e / ((1 + e) * (1 + e));      // the derivative of −a taken as +1
            case SIGMA_MINUS_ONE -> s * (s - 1);
            case A_FOR_SIGMA -> a * (1 - a);
            case SIGMA_ITSELF -> s;
            case NO_SQUARE -> e / (1 + e);
            case TANH_RULE -> 1 - s * s;
            case QUARTER -> 0.25;
            case ZERO -> 0;
            default -> s * (1 - s);
        };
    }

    static String check(Slip slip) {
        return Exercises.sigmoidDerivative(a -> learner(a, slip));
    }

    @Test
    void theShortFormAndTheQuotientFormBothPassAgainstTheMeasuredSlope() {
        for (Slip right : new Slip[] {Slip.NONE, Slip.QUOTIENT_FORM}) {
            String line = Verdicts.passes(() -> check(right));
            assertTrue(line.startsWith("✓ your σ′ and the measured slope of σ agree on 6 cases the lesson never showed (6 values; "
                    + "exact: no | approximate: yes | max difference "), line);
            double max = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1, line.length() - 1));
            assertTrue(max < 1e-10, "the measured slope is within rounding of the exact one: " + line);
        }
    }

    @Test
    void thePointsAreOffTheLessonsGridOnBothSidesOfZero() {
        long negative = 0;
        for (SigmoidDerivativeExercise.Point p : SigmoidDerivativeExercise.points()) {
            assertTrue(Math.abs(p.a()) <= 5 && Math.abs(p.a()) > 0.3, p.where());
            assertTrue(p.a() * 4 != Math.rint(p.a() * 4), p.where() + " lies on the lesson's grid of quarters");
            negative += p.a() < 0 ? 1 : 0;
        }
        assertEquals(3, negative);
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = {"NONE", "QUOTIENT_FORM"}, mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.ONE_PLUS_SIGMA, "Your σ′ is σ times (1 + σ)");
        says.put(Slip.INNER_SIGN, "the chain rule's inner factor (the derivative of −a is −1)");
        says.put(Slip.SIGMA_MINUS_ONE, "the second factor is written the wrong way round");
        says.put(Slip.A_FOR_SIGMA, "uses the input a where the short form needs σ's value");
        says.put(Slip.SIGMA_ITSELF, "Your numbers are σ(a) itself, not its slope");
        says.put(Slip.NO_SQUARE, "the square of the denominator");
        says.put(Slip.TANH_RULE, "the rule for tanh");
        says.put(Slip.QUARTER, "Your σ′ is ¼ everywhere");
        says.put(Slip.ZERO, "Your σ′ is the same at every point");
        assertEquals(says.size() - 1, Verdicts.eachSays(says, SigmoidDerivativeExerciseTest::check).size(),
                "the inner sign and σ(σ − 1) share the opposite-sign hint; every other mistake has its own");
    }

    @Test
    void aFailureShowsYoursAgainstTheMeasuredSlopeAndThePoint() {
        String message = Verdicts.fails(() -> check(Slip.A_FOR_SIGMA));
        assertTrue(message.startsWith("✗ your σ′ and the measured slope of σ differ on cases the lesson never showed:\n"
                + "    σ′(a): yours -21.2518, expected 0.0154725   (a = -4.137)"), message);
        assertTrue(message.contains("(a = -4.137)"), message);
    }
}
