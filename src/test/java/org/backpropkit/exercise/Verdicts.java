package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.backpropkit.check.CheckFailed;

/** What every checker's tests assert: a ✓ line for the solution, a ✗ message per mistake, no solution in any hint. */
final class Verdicts {

    /** Code in a hint: a statement, a loop, a Java call such as Math.exp, an array index. */
    private static final Pattern CODE = Pattern.compile("Math\\.|for \\(|return |\\w\\[\\w+( ?[-+] ?1)?\\]|\\) \\{");

    private Verdicts() {
    }

    static String passes(Supplier<String> check) {
        String line = check.get();
        assertTrue(line.startsWith("✓ "), line);
        assertTrue(Exercises.hint(2).contains("passed"), "after a pass, hint(2) says there is nothing to hint at");
        return line;
    }

    /** The failure message, after checking that it and both hints start right and hold no code and no solution line. */
    static String fails(Supplier<String> check, String... solutionLines) {
        CheckFailed e = assertThrows(CheckFailed.class, check::get);
        String message = e.getMessage();
        assertTrue(message.startsWith("✗ "), message);
        assertTrue(message.contains("Exercises.hint(2)"), "the message offers the stronger hint: " + message);
        String stronger = Exercises.hint(2);
        assertTrue(stronger.startsWith("Hint 2 for "), stronger);
        assertTrue(Exercises.hint(1).startsWith("Hint 1 for "));
        for (String text : List.of(message, stronger)) {
            assertFalse(CODE.matcher(text).find(), "a hint must be words, not code: " + text);
            for (String line : solutionLines) {
                assertFalse(text.contains(line.strip()), "the solution line '" + line.strip() + "' appears in: " + text);
            }
        }
        return message;
    }

    /**
     * Fails {@code check} for every slip, asserting that its message holds the words given for it;
     * returns the distinct first hints, so that a test can assert each mistake has its own.
     */
    static <S> Set<String> eachSays(Map<S, String> says, Function<S, String> check) {
        Set<String> hints = new HashSet<>();
        says.forEach((slip, words) -> {
            String message = fails(() -> check.apply(slip));
            assertTrue(message.contains(words), slip + " should say '" + words + "':\n" + message);
            hints.add(message.substring(message.indexOf("Hint: ")));
        });
        return hints;
    }
}
