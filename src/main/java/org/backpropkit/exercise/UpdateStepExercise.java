package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.backpropkit.train.Trainer;

/**
 * Lesson 8: the learner's one full gradient-descent step {@code θ ← θ − η ∂L/∂θ} for all 17 parameters,
 * tried on three unseen networks, samples and learning rates and compared, parameter by parameter, with
 * one epoch of the kit's {@code Trainer.sgd(η)} on the same single sample.
 *
 * <p>Planted mistakes: {@code +η} instead of {@code −η}; η left out; the biases not updated; only the
 * output layer or only the hidden layer updated; gradients recomputed after each parameter moves, or
 * after the output layer moves, instead of all taken at the old weights; nothing changed (also what a
 * step that updates the notebook's network instead of its argument looks like).
 */
final class UpdateStepExercise {

    /** One trial with its learning rate. */
    record Case(Trial trial, double eta) {
        String where() {
            return trial.whereXT() + ", η = " + eta;
        }
    }

    private static final double[] ETAS = {0.5, 1.3, 2.7};

    private UpdateStepExercise() {
    }

    static Exercise<Case> exercise() {
        List<Case> cases = new ArrayList<>();
        List<Trial> trials = Unseen.networks(8, 3);
        for (int k = 0; k < trials.size(); k++) {
            cases.add(new Case(trials.get(k), ETAS[k]));
        }
        return new Exercise<>("your update step", "one step of the kit's Trainer", cases, Case::where,
                layout(trials.get(0).net()), UpdateStepExercise::kit)
                .mistakes(
                        stepped("+η", p -> true, 1, false,
                                "Every parameter moved by the right amount in the wrong direction: the gradient points "
                                        + "uphill, and a step must go the other way.",
                                "Where ∂L/∂θ is positive, the loss grows with θ; which way must θ move to lower it?"),
                        stepped("η left out", p -> true, 0, false,
                                "Every parameter moved by its whole gradient: the learning rate η, which scales the step, "
                                        + "is missing.",
                                "The check uses a different η on each network; print how far one weight moved and "
                                        + "compare it with its gradient."),
                        stepped("biases not updated", p -> !p.isBias(), -1, false,
                                "Your step leaves the biases where they were: they are parameters too and move by their "
                                        + "own gradients.",
                                "net.parameters() lists all 17: six w, six u, and five biases."),
                        stepped("only the output layer", p -> p.layer() == 2, -1, false,
                                "Only the output layer (u and b⁽²⁾) moved: the hidden layer's parameters must move too.",
                                "net.parameters() lists all 17 parameters of both layers."),
                        stepped("only the hidden layer", p -> p.layer() == 1, -1, false,
                                "Only the hidden layer (w and b⁽¹⁾) moved: the output layer's parameters must move too.",
                                "net.parameters() lists all 17 parameters of both layers."),
                        stepped("gradients recomputed per parameter", p -> true, -1, true,
                                "Your step recomputes the gradients after moving some parameters: every parameter must "
                                        + "move by its gradient at the weights before the step.",
                                "Take one set of gradients first, for the network as it was given, and only then change "
                                        + "the weights."),
                        Mistake.gives("output layer first, then gradients again", UpdateStepExercise::layerByLayer,
                                "Your step moves the output layer and then recomputes the gradients for the hidden "
                                        + "layer: both layers must move by the gradients at the weights before the step.",
                                "Take one set of gradients first, for the network as it was given, and only then change "
                                        + "the weights."),
                        stepped("nothing changed", p -> false, -1, false,
                                "Your step left every parameter of the network it was given where it was (changing the "
                                        + "notebook's net instead changes the wrong network).",
                                "Change the parameters of the network your method receives, with net.set(…) or through "
                                        + "the matrices of net.layer(l)."))
                .whenConstant("Your parameters after the step are the same for every network: the step must start from "
                        + "the network it is given.")
                .otherwise("Pick one parameter, u₁₁, and compare: its value before, its gradient, η, and its value "
                        + "after your step.", "Lesson 8's first cells make one step for u₁₁ by hand; your method must do "
                        + "the same for every parameter, all with the gradients at the old weights.");
    }

    /** Checks the learner's step, given as {@code (net, x, t, eta) -> step(net, x, t, eta)}. */
    static String check(Exercises.UpdateStep yours) {
        return exercise().check(c -> {
            Trial own = c.trial().fresh();
            yours.step(own.net(), own.x(), own.t(), c.eta());
            return parameters(own.net());
        });
    }

    private static double[] kit(Case c) {
        Network net = c.trial().net().copy();
        Trainer.sgd(c.eta()).epochs(1).train(net, Matrix.row(c.trial().x()), Matrix.row(c.trial().t()));
        return parameters(net);
    }

    /**
     * {@code θ + sign·η·∂L/∂θ} for the parameters that {@code moves}, the others unchanged ({@code sign} 0 means
     * a step by the bare gradient); with {@code oneAtATime} each gradient is taken after the previous moves.
     */
    private static Mistake<Case> stepped(String name, Predicate<Parameter> moves, int sign, boolean oneAtATime, String hint,
            String stronger) {
        return Mistake.gives(name, c -> {
            Network net = c.trial().net().copy();
            Gradients g = net.gradients(c.trial().x(), c.trial().t());
            for (Parameter p : net.parameters()) {
                if (moves.test(p)) {
                    double gradient = oneAtATime ? net.gradients(c.trial().x(), c.trial().t()).of(p) : g.of(p);
                    net.set(p, net.get(p) + (sign == 0 ? -1 : sign * c.eta()) * gradient);
                }
            }
            return parameters(net);
        }, hint, stronger);
    }

    private static double[] layerByLayer(Case c) {
        Network net = c.trial().net().copy();
        for (int l = 2; l >= 1; l--) {
            Gradients g = net.gradients(c.trial().x(), c.trial().t());
            for (Parameter p : net.parameters()) {
                if (p.layer() == l) {
                    net.set(p, net.get(p) - c.eta() * g.of(p));
                }
            }
        }
        return parameters(net);
    }

    private static double[] parameters(Network net) {
        return net.parameters().stream().mapToDouble(net::get).toArray();
    }

    /** One entry per parameter, grouped by matrix (w, b⁽¹⁾, u, b⁽²⁾), by layer, and weights against biases. */
    private static Layout layout(Network net) {
        List<String> labels = new ArrayList<>();
        Map<String, List<Integer>> byMatrix = new LinkedHashMap<>(), byLayer = new LinkedHashMap<>(), byKind = new LinkedHashMap<>();
        List<Parameter> all = net.parameters();
        for (int k = 0; k < all.size(); k++) {
            Parameter p = all.get(k);
            labels.add(p.symbol());
            String matrix = p.isBias() ? (p.layer() == 1 ? "b⁽¹⁾" : "b⁽²⁾") : (p.layer() == 1 ? "w" : "u");
            byMatrix.computeIfAbsent(matrix, m -> new ArrayList<>()).add(k);
            byLayer.computeIfAbsent(p.layer() == 1 ? "the hidden layer" : "the output layer", m -> new ArrayList<>()).add(k);
            byKind.computeIfAbsent(p.isBias() ? "the biases" : "the weights", m -> new ArrayList<>()).add(k);
        }
        return new Layout(labels, List.of(byKind, byLayer, byMatrix));
    }
}
