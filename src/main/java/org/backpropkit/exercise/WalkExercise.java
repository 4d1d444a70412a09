package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Network;
import org.backpropkit.train.History;
import org.backpropkit.train.Trainer;

/**
 * Lesson 9: the learner's walk on a slice of the loss — gradient descent on two weights {@code p} and
 * {@code q} alone, every other parameter held still:
 * <pre>  p ← p − η ∂L/∂p,   q ← q − η ∂L/∂q,   both gradients at the point before the step</pre>
 * returned as the path it draws, the start and the point after each step. Tried on three unseen 2-3-2
 * networks, each with its own pair of weights (from both layers, a bias among them) and its own η, and
 * compared with {@code Trainer.sgd(η).only(p, q)} — the walk {@code Plot.descent} draws.
 *
 * <p>Planted mistakes, each walked here with that mistake: every parameter moved, not only the two;
 * {@code +η}; η left out; the gradients taken once at the start and reused; {@code q}'s gradient taken
 * after {@code p} has moved; the lesson's weights {@code u₁₁} and {@code u₂₁} instead of {@code p} and
 * {@code q}; the two coordinates of each point swapped; a path without its start (a point too few),
 * refused as a {@link WrongShape}.
 */
final class WalkExercise {

    /** One trial with its two weights and learning rate. */
    record Case(Trial trial, String p, String q, double eta) {
        String where() {
            return trial.name() + ", p = " + trial.net().parameter(p).symbol() + ", q = " + trial.net().parameter(q).symbol()
                    + ", η = " + eta;
        }
    }

    private static final int STEPS = 4;
    private static final String[][] PAIRS = {{"w21", "u12"}, {"u31", "b(2)2"}, {"w13", "b(1)1"}};
    private static final double[] ETAS = {1.5, 3, 0.8};
    private static final String STRONGER = "One step, written out: take the gradients of the loss at the current point, "
            + "then move p and q against their own gradient, each by η times it, and record the new point. Repeat "
            + "with fresh gradients at the new point.";

    private WalkExercise() {
    }

    static Exercise<Case> exercise() {
        List<Trial> trials = Unseen.networks(9, 3);
        List<Case> cases = new ArrayList<>();
        for (int k = 0; k < trials.size(); k++) {
            cases.add(new Case(trials.get(k), PAIRS[k][0], PAIRS[k][1], ETAS[k]));
        }
        return new Exercise<>("your walk", "the kit's Trainer on p and q alone", cases, Case::where, layout(),
                c -> kit(c, true))
                .mistakes(Mistake.throwing("a path of the wrong length", WrongShape.class,
                        "A path of n steps has n + 1 points: the start, then the point after each step.",
                        "Record the point before the first step too; the check compares point by point, from the start."))
                .mistakes(
                        Mistake.gives("every parameter moved", c -> kit(c, false),
                                "Your walk moves more than p and q: on this slice every other parameter stays where it "
                                        + "is, so that each point of the path lies on the drawn surface.",
                                "Change only the two weights whose names your method is given; leave the other 15 alone."),
                        stepped("+η", 1, false, false,
                                "Your walk goes uphill: each step moves by η times the gradient in the gradient's own "
                                        + "direction, and the gradient points to where the loss rises.",
                                "Where ∂L/∂p is positive, the loss grows with p; which way must p move to lower it?"),
                        stepped("η left out", 0, false, false,
                                "Your steps are the bare gradients: η, which scales each step, is missing (the check "
                                        + "uses a different η on each network).",
                                "Print how far p moved in your first step and compare it with its gradient at the start."),
                        stepped("gradients taken once", -1, true, false,
                                "Your first step is right, the later ones are not: each step needs the gradients at the "
                                        + "point it starts from, taken afresh, not those of the start.",
                                "Take the gradients inside the loop, after the previous step has moved p and q."),
                        stepped("q's gradient after p moved", -1, false, true,
                                "Your q moves by its gradient taken after p has already moved: both gradients belong to "
                                        + "the point before the step.",
                                "Take one set of gradients at the current point, read both ∂L/∂p and ∂L/∂q from it, and "
                                        + "only then change the two weights."),
                        Mistake.gives("the lesson's weights", c -> kit(new Case(c.trial(), "u11", "u21", c.eta()), true),
                                "Your path is that of u₁₁ and u₂₁, the lesson's weights: walk the two weights whose "
                                        + "names your method is given.",
                                "The check asks for other weights on each network, a bias among them; your method's "
                                        + "parameters p and q name them."),
                        Mistake.gives("coordinates swapped", c -> swapped(kit(c, true)),
                                "Your points have their coordinates the other way round: each point is (p, q), p first.",
                                "Compare your first point with the two weights before any step: which comes first?"))
                .whenConstant("Your path is the same for every network, pair of weights and η: it must start from the "
                        + "network it is given and follow its gradients.")
                .otherwise("Compare your first step with one step by hand: the start, the two gradients there, η, and "
                        + "the point after the step.", STRONGER);
    }

    /** Checks the learner's walk, given as a lambda that calls the notebook's method. */
    static String check(Exercises.Walk yours) {
        return exercise().check(c -> {
            Trial own = c.trial().fresh();
            double[][] path = yours.path(own.net(), own.x(), own.t(), c.p(), c.q(), c.eta(), STEPS);
            if (path == null || path.length != STEPS + 1) {
                throw new WrongShape("your path for " + STEPS + " steps has " + (path == null ? "no" : path.length)
                        + " points; expected " + (STEPS + 1) + ": the start and one after each step");
            }
            double[] flat = new double[2 * (STEPS + 1)];
            for (int k = 0; k <= STEPS; k++) {
                if (path[k] == null || path[k].length != 2) {
                    throw new WrongShape("point " + k + " of your path has " + (path[k] == null ? "no" : path[k].length)
                            + " coordinates; expected 2: p, then q");
                }
                flat[2 * k] = path[k][0];
                flat[2 * k + 1] = path[k][1];
            }
            return flat;
        });
    }

    /** The kit's walk: {@code Trainer.sgd(η)} for the steps, on p and q alone ({@code alone}) or on every parameter. */
    private static double[] kit(Case c, boolean alone) {
        Trainer trainer = Trainer.sgd(c.eta()).epochs(STEPS).track(c.p(), c.q());
        if (alone) {
            trainer.only(c.p(), c.q());
        }
        History run = trainer.train(c.trial().net().copy(), c.trial().x(), c.trial().t());
        return interleaved(run.trajectory(c.p()), run.trajectory(c.q()));
    }

    /**
     * A walk written with a slip: {@code sign} +1 or −1 times η (0: the bare gradient, downhill), gradients
     * taken once at the start ({@code once}), or q's gradient taken after p has moved ({@code sequential}).
     */
    private static Mistake<Case> stepped(String name, int sign, boolean once, boolean sequential, String hint, String stronger) {
        return Mistake.gives(name, c -> {
            Network net = c.trial().net().copy();
            double[] x = c.trial().x(), t = c.trial().t();
            double scale = sign == 0 ? -1 : sign * c.eta();
            Gradients first = net.gradients(x, t);
            double[] p = new double[STEPS + 1], q = new double[STEPS + 1];
            p[0] = net.get(c.p());
            q[0] = net.get(c.q());
            for (int k = 1; k <= STEPS; k++) {
                Gradients g = once ? first : net.gradients(x, t);
                net.set(c.p(), net.get(c.p()) + scale * g.of(c.p()));
                Gradients h = sequential ? net.gradients(x, t) : g;
                net.set(c.q(), net.get(c.q()) + scale * h.of(c.q()));
                p[k] = net.get(c.p());
                q[k] = net.get(c.q());
            }
            return interleaved(p, q);
        }, hint, stronger);
    }

    private static double[] interleaved(double[] p, double[] q) {
        double[] flat = new double[2 * p.length];
        for (int k = 0; k < p.length; k++) {
            flat[2 * k] = p[k];
            flat[2 * k + 1] = q[k];
        }
        return flat;
    }

    private static double[] swapped(double[] flat) {
        double[] out = flat.clone();
        for (int k = 0; k < out.length; k += 2) {
            out[k] = flat[k + 1];
            out[k + 1] = flat[k];
        }
        return out;
    }

    /** p₀, q₀, p₁, q₁, …: grouped by the point (the start, step 1, …) and by the coordinate. */
    private static Layout layout() {
        List<String> labels = new ArrayList<>();
        Map<String, List<Integer>> byPoint = new LinkedHashMap<>(), byCoordinate = new LinkedHashMap<>();
        for (int k = 0; k <= STEPS; k++) {
            for (String c : new String[] {"p", "q"}) {
                byPoint.computeIfAbsent(k == 0 ? "the start" : "step " + k, m -> new ArrayList<>()).add(labels.size());
                byCoordinate.computeIfAbsent(c, m -> new ArrayList<>()).add(labels.size());
                labels.add(c + " after " + (k == 0 ? "0 steps" : k == 1 ? "1 step" : k + " steps"));
            }
        }
        return new Layout(labels, List.of(byPoint, byCoordinate));
    }
}
