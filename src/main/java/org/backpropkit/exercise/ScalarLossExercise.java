package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backpropkit.autodiff.Value;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;

/**
 * Lesson 15: the learner builds the 2-3-2 network's loss {@code L = ½ Σₖ (yₖ − tₖ)²} from scalar {@link Value}s
 * — every weight and bias a leaf named as the kit names it ({@code Value.of(w₁₁, "w11")}) — and returns
 * {@code L}. The check runs {@code L.backward()} itself, finds the 17 leaves by name, and compares {@code L}
 * and every leaf's gradient with the kit's forward pass and hand-derived backpropagation, on three unseen
 * networks, inputs and targets.
 *
 * <p>Planted mistakes, each computed here by building the loss with that mistake: the ½ left out; σ left
 * out at the outputs or at the hidden units; the differences summed without squaring; a parameter missing from
 * the graph (a weight used as a plain number, a name the check cannot read, or an output's term left out —
 * refused by name); the lesson's network, input or target; a constant.
 */
final class ScalarLossExercise {

    /** Ways to build the loss wrongly. */
    enum Slip { NONE, NO_HALF, NO_OUTPUT_SIGMA, NO_HIDDEN_SIGMA, FIRST_OUTPUT_ONLY, NOT_SQUARED, HALF_NOT_SQUARED }

    private static final String NOT_SQUARED = "Your loss adds the differences y − t without squaring them, so a loss can be "
            + "negative and its gradient ignores how far each output is from its target.";

    private ScalarLossExercise() {
    }

    static Exercise<Trial> exercise() {
        List<Trial> trials = Unseen.networks(15, 3);
        Layout grads = Layout.parameters(trials.get(0).net());
        List<String> labels = new ArrayList<>(List.of("L"));
        labels.addAll(grads.labels());
        Map<String, List<Integer>> byKind = new LinkedHashMap<>();
        byKind.put("the loss", List.of(0));
        for (int k = 1; k < labels.size(); k++) {
            byKind.computeIfAbsent("the gradients", key -> new ArrayList<>()).add(k);
        }
        return new Exercise<>("your scalar loss and its gradients", "the kit's forward pass and backpropagation", trials,
                Trial::whereXT, new Layout(labels, List.of(byKind)), trial -> built(trial, Slip.NONE))
                .mistakes(Mistake.throwing("a leaf missing", Answers.NotAnAnswer.class,
                        "The check finds the weights and biases by the names of the leaves in your graph, and every one of the "
                                + "17 changes L: a parameter it cannot find is either not a leaf made with Value.of(its value, "
                                + "its name), or not used in your loss at all (a term of L left out).",
                        "A weight written as a plain double (mul(0.3)) is a constant, not a leaf: autodiff finds no gradient "
                                + "for it. Print s.graph() of your L and count the leaves with a name."))
                .mistakes(
                        planted("the ½ left out", Slip.NO_HALF,
                                "Your loss and every gradient are exactly twice the kit's: the article's loss is half the "
                                        + "squared differences.",
                                "Lesson 3: L = ½ Σ (y − t)²."),
                        planted("σ left out at the outputs", Slip.NO_OUTPUT_SIGMA,
                                "Your outputs are the sums a⁽²⁾: the output units are sigmoids too.",
                                "Value has sigmoid(); each output is the sigmoid of its sum."),
                        planted("σ left out at the hidden units", Slip.NO_HIDDEN_SIGMA,
                                "Your hidden units pass their sums a⁽¹⁾ on unchanged: they are sigmoids.",
                                "Each hidden value hⱼ is the sigmoid of its sum."),
                        planted("the differences not squared", Slip.NOT_SQUARED, NOT_SQUARED, "pow(2) squares a Value."),
                        planted("the differences halved, not squared", Slip.HALF_NOT_SQUARED, NOT_SQUARED, "pow(2) squares a Value."))
                .mistakes(Mistake.lessonValues(trial -> built(trial, Slip.NONE), true))
                .whenConstant("Your loss and gradients are the same for every network, input and target: build the loss from "
                        + "the network, x and t your method is given.")
                .otherwise("Print your L for the lesson's network: it must be the kit's net.loss(x, t); then compare one "
                                + "gradient, e.g. of u11, with net.gradients(x, t).of(\"u11\").",
                        "Build the loss one layer at a time and compare each value with net.forward(x): first the hidden "
                                + "sums and values, then the outputs, then the loss.");
    }

    /** Checks the learner's loss, {@code (net, x, t) -> loss(net, x, t)}. */
    static String check(Exercises.ScalarLoss yours) {
        return exercise().check(trial -> {
            Trial own = trial.fresh();
            Value loss = yours.loss(own.net(), own.x(), own.t());
            if (loss == null) {
                throw new Answers.NotAnAnswer("your method returned null instead of the loss L as a Value");
            }
            loss.backward();
            return read(trial.net(), loss);
        });
    }

    /** {@code L}, then the gradient of every leaf named as a parameter, in {@link Network#parameters()} order. */
    static double[] read(Network net, Value loss) {
        Map<Parameter, Value> leaves = new LinkedHashMap<>();
        for (Value v : loss.graph()) {
            if (v.isLeaf() && !v.name().isEmpty()) {
                try {
                    Parameter p = net.parameter(v.name());
                    if (leaves.containsKey(p) && leaves.get(p) != v) {
                        throw new Answers.NotAnAnswer("your graph has two leaves named " + p.symbol() + ": make each "
                                + "parameter one leaf and use that leaf wherever the parameter appears");
                    }
                    leaves.put(p, v);
                } catch (Answers.NotAnAnswer e) {
                    throw e;
                } catch (IllegalArgumentException notAParameter) {
                    // a leaf for an input or a target, e.g. "x1": not a parameter
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            if (!leaves.containsKey(p)) {
                missing.add(p.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new Answers.NotAnAnswer("your loss's graph has no leaf named " + Layout.and(missing) + " ("
                    + leaves.size() + " of the 17 parameters found)");
        }
        double[] all = new double[1 + net.parameters().size()];
        all[0] = loss.data();
        int k = 1;
        for (Parameter p : net.parameters()) {
            all[k++] = leaves.get(p).grad();
        }
        return all;
    }

    /** The kit's loss and gradients for {@code Slip.NONE}; otherwise the loss built with that slip, differentiated. */
    private static double[] built(Trial trial, Slip slip) {
        if (slip == Slip.NONE) {
            Gradients g = trial.net().gradients(trial.x(), trial.t());
            double[] all = new double[1 + trial.net().parameters().size()];
            all[0] = g.loss();
            int k = 1;
            for (Parameter p : trial.net().parameters()) {
                all[k++] = g.of(p);
            }
            return all;
        }
        Network net = trial.net();
        Map<String, Value> leaf = new LinkedHashMap<>();
        for (Parameter p : net.parameters()) {
            leaf.put(p.name(), Value.of(net.get(p), p.name()));
        }
        double[] x = trial.x(), t = trial.t();
        List<Value> h = new ArrayList<>();
        for (int j = 1; j <= 3; j++) {
            Value a = leaf.get("w1" + j).mul(x[0]).add(leaf.get("w2" + j).mul(x[1])).add(leaf.get("b(1)" + j));
            h.add(slip == Slip.NO_HIDDEN_SIGMA ? a : a.sigmoid());
        }
        List<Value> terms = new ArrayList<>();
        for (int k = 1; k <= (slip == Slip.FIRST_OUTPUT_ONLY ? 1 : 2); k++) {
            Value a = h.get(0).mul(leaf.get("u1" + k)).add(h.get(1).mul(leaf.get("u2" + k))).add(h.get(2).mul(leaf.get("u3" + k)))
                    .add(leaf.get("b(2)" + k));
            Value y = slip == Slip.NO_OUTPUT_SIGMA ? a : a.sigmoid();
            Value d = y.add(-t[k - 1]);
            terms.add(slip == Slip.NOT_SQUARED ? d : slip == Slip.HALF_NOT_SQUARED ? d.mul(0.5) : d.pow(2).mul(slip == Slip.NO_HALF ? 1 : 0.5));
        }
        Value loss = Value.sum(terms);
        loss.backward();
        return read(net, loss);
    }

    private static Mistake<Trial> planted(String name, Slip slip, String hint, String stronger) {
        return Mistake.gives(name, trial -> built(trial, slip), hint, stronger);
    }
}
