package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.backpropkit.core.Article;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lesson 4's checker against forward passes written as a learner would, right and with each typical slip. */
class ForwardPassExerciseTest {

    /** The slips a learner makes in a forward pass by hand. */
    enum Slip { NONE, NO_SIGMA, NO_HIDDEN_SIGMA, NO_OUTPUT_SIGMA, NO_BIAS, NO_HIDDEN_BIAS, NO_OUTPUT_BIAS, SIGMA_BEFORE_BIAS,
        EXP_SIGN, OUTPUT_FROM_X, TRANSPOSED_W, TRANSPOSED_U, LESSON_NETWORK, LESSON_X, CONSTANT, LESSON_NUMBERS }

    static final String[] SOLUTION = {
        "h[j] = sigma(x[0] * w.get(0, j) + x[1] * w.get(1, j) + b1.get(0, j));",
        "y[k] = sigma(h[0] * u.get(0, k) + h[1] * u.get(1, k) + h[2] * u.get(2, k) + b2.get(0, k));",
        "1 / (1 + Math.exp(-a))"};

    static double sigma(double a, Slip slip) {
        return slip == Slip.EXP_SIGN ? 1 / (1 + Math.exp(a)) : 1 / (1 + Math.exp(-a));
    }

    /** A learner's forward pass: the two layers written out with scalar sums, with one slip (or none). */
    static double[] learner(Network given, double[] givenX, Slip slip) {
        Network net = slip == Slip.LESSON_NETWORK ? Article.network() : given;
        double[] x = slip == Slip.LESSON_X ? Article.x() : givenX;
        if (slip == Slip.CONSTANT) {
            return new double[] {0.7, 0.3};
        }
        if (slip == Slip.LESSON_NUMBERS) {
            return Article.network().forward(Article.x()).y().row(0);
        }
        Matrix w = net.layer(1).w(), b1 = net.layer(1).b(), u = net.layer(2).w(), b2 = net.layer(2).b();
        boolean hiddenSigma = slip != Slip.NO_SIGMA && slip != Slip.NO_HIDDEN_SIGMA;
        boolean outputSigma = slip != Slip.NO_SIGMA && slip != Slip.NO_OUTPUT_SIGMA;
        double hiddenBias = slip == Slip.NO_BIAS || slip == Slip.NO_HIDDEN_BIAS ? 0 : 1;
        double outputBias = slip == Slip.NO_BIAS || slip == Slip.NO_OUTPUT_BIAS ? 0 : 1;
        double[] h = new double[3];
        for (int j = 0; j < 3; j++) {
            double a = slip == Slip.TRANSPOSED_W ? x[0] * w.get(j, 0) + x[1] * w.get(j, 1) : x[0] * w.get(0, j) + x[1] * w.get(1, j);
            h[j] = slip == Slip.SIGMA_BEFORE_BIAS ? sigma(a, slip) + b1.get(0, j)
                    : hiddenSigma ? sigma(a + hiddenBias * b1.get(0, j), slip) : a + hiddenBias * b1.get(0, j);
        }
        double[] in = slip == Slip.OUTPUT_FROM_X ? x : h;
        double[] y = new double[2];
        for (int k = 0; k < 2; k++) {
            double a = outputBias * b2.get(0, k);
            for (int j = 0; j < in.length; j++) {
                a += in[j] * (slip == Slip.TRANSPOSED_U ? u.get(k, j) : u.get(j, k));
            }
            y[k] = slip == Slip.SIGMA_BEFORE_BIAS ? sigma(a - outputBias * b2.get(0, k), slip) + b2.get(0, k)
                    : outputSigma ? sigma(a, slip) : a;
        }
        return y;
    }

    static String check(Slip slip) {
        return Exercises.forwardPass((net, x) -> learner(net, x, slip));
    }

    @Test
    void theSolutionPassesWithKarpathysComparison() {
        String line = Verdicts.passes(() -> check(Slip.NONE));
        assertTrue(line.startsWith("✓ your forward pass and the kit's forward pass agree on 3 cases the lesson never showed"
                + " (6 values; exact: "), line);
        assertTrue(line.contains("approximate: yes"), line);
    }

    @Test
    void theLearnersMethodGetsUnseenNetworksAndInputsAwayFromZeroOneAndTheLesson() {
        Network lesson = Article.network();
        Set<String> seen = new HashSet<>();
        for (Trial trial : ForwardPassExercise.exercise().trials()) {
            for (double xi : trial.x()) {
                assertTrue(xi > 0.1 && xi < 0.9, "x = " + xi);
            }
            assertTrue(Math.abs(trial.x()[0] - trial.x()[1]) >= 0.15);
            trial.net().parameters().forEach(p -> {
                assertTrue(Math.abs(trial.net().get(p)) >= 0.2, p + " = " + trial.net().get(p));
                assertTrue(Math.abs(trial.net().get(p) - lesson.get(p)) >= 0.05, p + " is too close to the lesson's");
            });
            seen.add(Unseen.vector(trial.x()));
        }
        assertEquals(3, seen.size());
    }

    @Test
    void theLearnersCodeCannotChangeTheNetworksTheCheckComparesWith() {
        for (int run = 0; run < 2; run++) {
            Verdicts.passes(() -> Exercises.forwardPass((net, x) -> {
                double[] y = learner(net, x, Slip.NONE);
                net.set("u11", 100);  // code that scribbles on what it is given must not change the next case or run
                x[0] = 0;
                return y;
            }));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Slip.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everySlipFailsWithoutShowingTheSolution(Slip slip) {
        Verdicts.fails(() -> check(slip), SOLUTION);
    }

    @Test
    void eachPlantedMistakeIsNamedWithItsOwnHint() {
        Map<Slip, String> says = new LinkedHashMap<>();
        says.put(Slip.NO_SIGMA, "σ is never applied");
        says.put(Slip.NO_HIDDEN_SIGMA, "when the hidden units are not squashed");
        says.put(Slip.NO_OUTPUT_SIGMA, "the output layer's sums a⁽²⁾: they still need the sigmoid");
        says.put(Slip.NO_BIAS, "with every bias left out");
        says.put(Slip.NO_HIDDEN_BIAS, "without the hidden biases b⁽¹⁾");
        says.put(Slip.NO_OUTPUT_BIAS, "without the output biases b⁽²⁾");
        says.put(Slip.SIGMA_BEFORE_BIAS, "applying σ first and adding the bias after it");
        says.put(Slip.EXP_SIGN, "the wrong sign in its exponent");
        says.put(Slip.OUTPUT_FROM_X, "computed from the inputs x, not from the hidden units");
        says.put(Slip.TRANSPOSED_W, "(transposed) runs off its end");
        says.put(Slip.TRANSPOSED_U, "(transposed) runs off its end");
        says.put(Slip.LESSON_NETWORK, "come from the lesson's network");
        says.put(Slip.LESSON_X, "use the lesson's input x = (0.5, 0.8)");
        says.put(Slip.CONSTANT, "Your y is the same for every network and input");
        says.put(Slip.LESSON_NUMBERS, "Your numbers are the lesson network's");
        assertEquals(says.size() - 1, Verdicts.eachSays(says, ForwardPassExerciseTest::check).size(),
                "w and u transposed share a hint; every other mistake has its own");
    }

    @Test
    void aFailureSaysWhichOutputDiffersYoursAgainstExpectedAndOnWhichCase() {
        String message = Verdicts.fails(() -> check(Slip.NO_OUTPUT_BIAS));
        Trial first = ForwardPassExercise.exercise().trials().get(0);
        double[] y = first.net().forward(first.x()).y().row(0);
        assertTrue(message.startsWith("✗ your forward pass and the kit's forward pass differ on cases the lesson never showed:\n"
                + "    y₁: yours "), message);
        assertTrue(message.contains(", expected " + org.backpropkit.core.Format.number(y[0]) + "   (network 1, x = "
                + Unseen.vector(first.x()) + ")"), message);
    }

    @Test
    void aSlipInOneOutputOnlyIsReportedAsRightForTheOtherOutput() {
        String message = Verdicts.fails(() -> Exercises.forwardPass((net, x) -> {
            double[] y = learner(net, x, Slip.NONE);
            y[1] = learner(net, x, Slip.NO_OUTPUT_SIGMA)[1];
            return y;
        }));
        assertTrue(message.contains("Right for y₁, wrong for y₂."), message);
        assertTrue(message.contains("they still need the sigmoid"), message);
    }

    @Test
    void anUnknownMistakeGetsThePatternAndTheGeneralHint() {
        String message = Verdicts.fails(() -> Exercises.forwardPass((net, x) -> {
            double[] y = learner(net, x, Slip.NONE);
            return new double[] {y[0], y[1] * x[1]};
        }));
        assertTrue(message.contains("Right for y₁, wrong for y₂."), message);
        assertTrue(message.contains("Yours is the expected value times x₂ in y₂, on every case: look for that factor."), message);
        assertTrue(message.contains("Hint: Follow one number"), message);
    }

    @Test
    void aWrongNumberOfOutputsSaysHowManyAreExpected() {
        String message = Verdicts.fails(() -> Exercises.forwardPass((net, x) -> new double[] {1, 2, 3}));
        assertTrue(message.startsWith("✗ your forward pass gave 3 values on network 1, x = "), message);
        assertTrue(message.contains("expected 2: y₁ and y₂."), message);
    }

    @Test
    void aStudentCopysNotYetStubAndOtherExceptionsPassThroughUnchanged() {
        UnsupportedOperationException stub = assertThrows(UnsupportedOperationException.class, () -> Exercises.forwardPass(
                (net, x) -> {
                    throw new UnsupportedOperationException("Not yet implemented: your turn.");
                }));
        assertEquals("Not yet implemented: your turn.", stub.getMessage());
        assertThrows(ArithmeticException.class, () -> Exercises.forwardPass((net, x) -> new double[] {1 / (int) (x[0] - x[0])}));
    }

    @Test
    void hintsBeforeAnyCheckAndAfterAPassSayWhyThereIsNone() {
        Verdicts.passes(() -> check(Slip.NONE));
        assertTrue(Exercises.hint(1).contains("The last exercise check (your forward pass) passed"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Exercises.hint(3));
        assertEquals("hint levels are 1 (the hint in the failure message) and 2 (a stronger one), got 3", e.getMessage());
    }
}
