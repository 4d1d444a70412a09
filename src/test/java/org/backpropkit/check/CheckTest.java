package org.backpropkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void closeValuesPassWithAGreenLine() {
        assertEquals("✓ σ'(0) = 0.25 (expected 0.25)", Check.close("σ'(0)", 0.25 + 1e-12, 0.25));
    }

    @Test
    void farValuesThrowWithBothNumbersAndTheHint() {
        CheckFailed e = assertThrows(CheckFailed.class,
                () -> Check.close("∂L/∂u₁₁", -0.05, -0.0283604, 1e-6, "did you multiply by h₁?"));
        assertEquals("✗ ∂L/∂u₁₁: got -0.05, expected -0.0283604 (difference 2.2e-02, tolerance 1.0e-06)."
                + " Hint: did you multiply by h₁?", e.getMessage());
    }

    @Test
    void conditionThatFailsNamesItselfAndTheHint() {
        CheckFailed e = assertThrows(CheckFailed.class, () -> Check.that("loss went down", false, "try a smaller η"));
        assertEquals("✗ loss went down does not hold. Hint: try a smaller η", e.getMessage());
    }

    @Test
    void aFailedCheckCarriesNoStackTraceSoTheNotebookShowsTheMessageAlone() {
        CheckFailed e = assertThrows(CheckFailed.class, () -> Check.that("x", false, "y"));
        assertEquals(0, e.getStackTrace().length);
    }
}
