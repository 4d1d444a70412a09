package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.backpropkit.check.CheckFailed;
import org.backpropkit.core.Format;

/**
 * The checker every exercise shares. It runs the learner's code on trials the lesson never showed,
 * compares each number with an independent computation, and either returns a ✓ line or throws a
 * {@link CheckFailed} that says what differs and where to look — without printing the solution:
 * <ol>
 *   <li>run the learner's code on every trial (an exception a planted mistake predicts is recognised;
 *       any other, and a student copy's "Not yet implemented", passes through unchanged);</li>
 *   <li>compare entry by entry ({@link Comparison#close}); all close: ✓ with Karpathy's
 *       exact / approximate / max difference;</li>
 *   <li>otherwise name the mistake: the first planted {@link Mistake} whose numbers match every wrong
 *       entry on every trial; else a constant answer; else the general patterns — the opposite sign,
 *       one factor throughout, or a factor that equals a value of the forward pass (e.g. {@code x₂});</li>
 *   <li>the message lists the wrong entries (yours vs expected, with the trial), the pattern ("right for
 *       output 1, wrong for output 2"), the mistake's hint, and points to {@code Exercises.hint(2)}.</li>
 * </ol>
 *
 * <p>A new exercise is a few lines: its trials, the layout of its answer, the independent expected
 * values, and its typical mistakes, each computed by the checker itself ({@link ForwardPassExercise} is
 * the model).
 *
 * @param <C> what the learner's code is tried on, e.g. a {@link Trial}
 */
final class Exercise<C> {

    private static final int SHOWN = 4;

    private final String what;
    private final String against;
    private final List<C> trials;
    private final Function<C, String> where;
    private BiFunction<C, Integer, String> whereEntry;
    private final Layout layout;
    private final Function<C, double[]> expected;
    private final List<Mistake<C>> mistakes = new ArrayList<>();
    private Function<C, Map<String, Double>> quantities = c -> Map.of();
    private String hint = "Compare your code with the lesson's steps one at a time.";
    private String stronger = "Print the intermediate values of your code for the lesson's example and compare each with the lesson's.";
    private String constant = "Your answer is the same whatever it is given: it does not compute from its parameters "
            + "(a number copied from the lesson's output is such a constant).";

    /**
     * An exercise whose answer is checked against {@code expected}: {@code what} names the learner's
     * work ("your forward pass"), {@code against} the reference ("the kit's forward pass"), {@code where}
     * describes a trial in a message.
     */
    Exercise(String what, String against, List<C> trials, Function<C, String> where, Layout layout,
            Function<C, double[]> expected) {
        this.what = what;
        this.against = against;
        this.trials = List.copyOf(trials);
        this.where = where;
        this.whereEntry = (trial, k) -> where.apply(trial);
        this.layout = layout;
        this.expected = expected;
    }

    /**
     * Describes where entry {@code k} of a trial comes from, when that differs by entry (each entry its own
     * network, say); by default a wrong entry is shown with its whole trial's description.
     */
    Exercise<C> whereEntry(BiFunction<C, Integer, String> describe) {
        this.whereEntry = describe;
        return this;
    }

    /** Adds planted mistakes; the first that matches is named, so list specific ones before general ones. */
    @SafeVarargs
    final Exercise<C> mistakes(Mistake<C>... planted) {
        mistakes.addAll(List.of(planted));
        return this;
    }

    Exercise<C> mistakes(List<Mistake<C>> planted) {
        mistakes.addAll(planted);
        return this;
    }

    /** The values a "factor that equals …" can name, per trial (e.g. {@link Trial#quantities}). */
    Exercise<C> quantities(Function<C, Map<String, Double>> named) {
        this.quantities = named;
        return this;
    }

    /** The hints when no planted mistake matches. */
    Exercise<C> otherwise(String hint, String stronger) {
        this.hint = hint;
        this.stronger = stronger;
        return this;
    }

    /** The first hint for an answer that is the same on every trial. */
    Exercise<C> whenConstant(String hint) {
        this.constant = hint;
        return this;
    }

    List<Mistake<C>> planted() {
        return List.copyOf(mistakes);
    }

    List<C> trials() {
        return trials;
    }

    /** Runs {@code yours} on every trial: a ✓ line when every number is close, else a {@link CheckFailed}. */
    String check(Function<C, double[]> yours) {
        int n = trials.size(), m = layout.size();
        double[][] mine = new double[n][], truth = new double[n][];
        for (int c = 0; c < n; c++) {
            truth[c] = expected.apply(trials.get(c));
            mine[c] = answer(yours, c);
        }
        boolean[] wrong = new boolean[m];
        for (int k = 0; k < m; k++) {
            for (int c = 0; c < n; c++) {
                wrong[k] |= !Comparison.close(mine[c][k], truth[c][k]);
            }
        }
        if (count(wrong) == 0) {
            Hints.passed(what);
            return "✓ " + what + " and " + against + " agree on " + n + " " + (n == 1 ? "case" : "cases")
                    + " the lesson never showed (" + m * n + " values; " + Comparison.of(flat(mine), flat(truth)) + ")";
        }
        String differences = differences(mine, truth, wrong);
        Mistake<C> matched = matching(mine, wrong);
        if (matched != null) {
            throw fail(differences, matched.hint(), matched.stronger());
        }
        if (isConstant(mine, wrong) && !isConstant(truth, wrong)) {
            throw fail(differences, constant, stronger);
        }
        String general = generalPattern(mine, truth, wrong);
        throw fail(differences + (general == null ? "" : "\n  " + general), hint, stronger);
    }

    /** The learner's numbers for trial {@code c}, after checking there is one finite number per entry. */
    private double[] answer(Function<C, double[]> yours, int c) {
        double[] mine = run(yours, c);
        List<String> labels = layout.labels();
        String on = " on " + where.apply(trials.get(c));
        if (mine == null || mine.length != labels.size()) {
            throw fail(what + " gave " + (mine == null ? "null" : mine.length + " value" + (mine.length == 1 ? "" : "s")) + on
                    + "; expected " + labels.size() + ": " + Layout.and(labels) + ".",
                    "Return one number for each of " + Layout.and(labels) + ", in that order.", stronger);
        }
        for (int k = 0; k < mine.length; k++) {
            if (!Double.isFinite(mine[k])) {
                throw fail(what + " gave " + mine[k] + " for " + labels.get(k) + on + ".", "A NaN comes from 0/0 or "
                        + "∞ − ∞, an infinity from dividing by 0 or from an exponent that overflows. Print the steps "
                        + "that lead to it.", stronger);
            }
        }
        return mine;
    }

    /** The wrong entries (yours against expected, on the first trial where they differ) and their pattern. */
    private String differences(double[][] mine, double[][] truth, boolean[] wrong) {
        StringBuilder text = new StringBuilder(what + " and " + against + " differ on cases the lesson never showed:");
        int shown = 0;
        for (int k = 0; k < wrong.length && shown < SHOWN; k++) {
            if (wrong[k]) {
                int c = firstWrong(mine, truth, k);
                String[] pair = apart(mine[c][k], truth[c][k]);
                text.append("\n    ").append(layout.labels().get(k)).append(": yours ").append(pair[0])
                        .append(", expected ").append(pair[1]).append("   (").append(whereEntry.apply(trials.get(c), k))
                        .append(")");
                shown++;
            }
        }
        if (count(wrong) > shown) {
            text.append("\n    … and ").append(count(wrong) - shown).append(" more");
        }
        String pattern = layout.pattern(wrong);
        if (pattern != null) {
            text.append("\n  ").append(capitalised(pattern)).append(".");
        }
        return text.toString();
    }

    /** Yours and expected as printed: six digits, or as many more (up to 12) as it takes to tell them apart. */
    private static String[] apart(double mine, double truth) {
        String a = Format.number(mine), b = Format.number(truth);
        for (int digits = 7; a.equals(b) && digits <= 12; digits++) {
            a = String.format(Locale.ROOT, "%." + digits + "g", mine);
            b = String.format(Locale.ROOT, "%." + digits + "g", truth);
        }
        return new String[] {a, b};
    }

    private double[] run(Function<C, double[]> yours, int c) {
        try {
            return yours.apply(trials.get(c));
        } catch (UnsupportedOperationException | CheckFailed e) {
            throw e;  // a student copy's "Not yet implemented: your turn", or a check inside the learner's code
        } catch (RuntimeException e) {
            for (Mistake<C> mistake : mistakes) {
                if (mistake.thrown() != null && mistake.thrown().isInstance(e)) {
                    throw fail(what + " stopped on " + where.apply(trials.get(c)) + " with " + e.getClass().getSimpleName()
                            + ": " + e.getMessage(), mistake.hint(), mistake.stronger());
                }
            }
            throw e;
        }
    }

    /** The first planted mistake whose numbers equal the learner's in every wrong entry on every trial. */
    private Mistake<C> matching(double[][] mine, boolean[] wrong) {
        for (Mistake<C> mistake : mistakes) {
            if (mistake.gives() != null && explains(mistake, mine, wrong)) {
                return mistake;
            }
        }
        return null;
    }

    private boolean explains(Mistake<C> mistake, double[][] mine, boolean[] wrong) {
        for (int c = 0; c < trials.size(); c++) {
            double[] planted;
            try {
                planted = mistake.gives().apply(trials.get(c));
            } catch (RuntimeException e) {
                return false;
            }
            for (int k = 0; k < wrong.length; k++) {
                if (wrong[k] && !Comparison.close(mine[c][k], planted[k])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The opposite sign, one factor throughout, or per entry a factor that equals a named value; null if none. */
    private String generalPattern(double[][] mine, double[][] truth, boolean[] wrong) {
        Double factor = null;
        boolean same = true;
        for (int k = 0; k < wrong.length; k++) {
            for (int c = 0; c < mine.length && wrong[k]; c++) {
                double r = mine[c][k] / truth[c][k];
                same &= Double.isFinite(r) && (factor == null || Comparison.close(r, factor));
                factor = factor == null ? r : factor;
            }
        }
        if (same && factor != null && Comparison.close(factor, -1)) {
            return "Each wrong value has the right size but the opposite sign: look for a difference taken the wrong way round.";
        }
        if (same && factor != null && factor != 0) {
            return "Each wrong value is the expected one times " + Format.number(factor) + ": a constant factor is missing or extra.";
        }
        List<String> named = new ArrayList<>();
        for (int k = 0; k < wrong.length; k++) {
            String q = wrong[k] ? namedFactor(mine, truth, k) : null;
            if (q != null) {
                named.add(q + " in " + layout.labels().get(k));
            }
        }
        if (!named.isEmpty() && named.size() == count(wrong)) {
            return "Yours is the expected value " + Layout.and(named) + ", on every case: look for that factor.";
        }
        return null;
    }

    /** "times x₂" or "divided by h₁(1−h₁)" when entry k is the expected value times or over one named value on every trial. */
    private String namedFactor(double[][] mine, double[][] truth, int k) {
        List<Map<String, Double>> values = new ArrayList<>();
        for (C trial : trials) {
            values.add(quantities.apply(trial));
        }
        for (String name : values.get(0).keySet()) {
            boolean times = true, over = true;
            for (int c = 0; c < mine.length; c++) {
                double q = values.get(c).get(name);
                times &= Comparison.close(mine[c][k], truth[c][k] * q);
                over &= Comparison.close(mine[c][k], truth[c][k] / q);
            }
            if (times || over) {
                return (times ? "times " : "divided by ") + name;
            }
        }
        return null;
    }

    private CheckFailed fail(String text, String firstHint, String secondHint) {
        Hints.failed(what, firstHint, secondHint);
        return new CheckFailed("✗ " + text + "\n  Hint: " + firstHint + "\n  A stronger hint, if you want one: Exercises.hint(2)");
    }

    /** Whether every entry marked {@code wrong} is the same on every trial (an answer that ignores what it is given). */
    private boolean isConstant(double[][] answers, boolean[] wrong) {
        for (double[] answer : answers) {
            for (int k = 0; k < answer.length; k++) {
                if (wrong[k] && !Comparison.close(answer[k], answers[0][k])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int firstWrong(double[][] mine, double[][] truth, int k) {
        for (int c = 0; c < mine.length; c++) {
            if (!Comparison.close(mine[c][k], truth[c][k])) {
                return c;
            }
        }
        return 0;
    }

    private static long count(boolean[] flags) {
        long n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    private static double[] flat(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
