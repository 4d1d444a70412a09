package org.backpropkit.exercise;

import java.util.function.ToDoubleFunction;
import org.backpropkit.check.CheckFailed;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;

/**
 * The checks of the lessons' "your turn" exercises. The learner writes real work — a method — and
 * hands it to a check with a one-line lambda:
 * <pre>{@code
 * double[] forward(Network net, double[] x) { … }          // the learner's cell
 * Exercises.forwardPass((net, x) -> forward(net, x))       // the check cell
 * // ✓ your forward pass and the kit's forward pass agree on 3 cases the lesson never showed (…)
 * }</pre>
 * Why a lambda and not {@code forward} itself: JShell declares a notebook's methods as static members of
 * a class the notebook cannot name, so {@code this::forward} does not compile there. Every interface
 * below is shaped so that the lambda is one line that repeats the method's parameters.
 *
 * <p>Each check runs the learner's method on networks, inputs and targets the lesson never showed
 * (weights away from zero and from the lesson's values, no input equal to 0 or 1) and compares it with
 * an independent computation: the kit, a numeric slope, or values worked out in the checker. It prints
 * a line starting with ✓, or throws {@link CheckFailed} whose message starts with ✗ and says which
 * numbers differ, the pattern ("right for output 1, wrong for output 2"), and — when the answer matches
 * a typical mistake of that step, planted in the checker — names the mistake in words. It never prints
 * the solution. {@link #hint(int) Exercises.hint(2)} gives a stronger hint after a failure, on request.
 */
public final class Exercises {

    private Exercises() {
    }

    /** Lesson 4's answer: the outputs {@code y} of a 2-3-2 network for input {@code x}, computed by hand. */
    @FunctionalInterface
    public interface Forward {
        double[] y(Network net, double[] x);
    }

    /**
     * Lesson 4: checks a forward pass written by hand, {@code y = σ(σ(x·w + b⁽¹⁾)·u + b⁽²⁾)}, against
     * {@code net.forward(x)} on three networks and inputs the lesson never showed.
     * <pre>{@code Exercises.forwardPass((net, x) -> forward(net, x))}</pre>
     */
    public static String forwardPass(Forward yours) {
        return ForwardPassExercise.check(yours);
    }

    /**
     * Lesson 5's answer: {@code ∂L/∂uᵢⱼ} of the 2-3-2 network for sample {@code x}, target {@code t}, with
     * {@code i} the hidden unit (1 to 3) and {@code j} the output (1 to 2), counted from 1 as in the names.
     */
    @FunctionalInterface
    public interface OutputGradient {
        double dL_du(Network net, double[] x, double[] t, int i, int j);
    }

    /**
     * Lesson 5: checks {@code ∂L/∂uᵢⱼ} for all six output weights against the kit's backpropagation, on
     * three networks, inputs and targets the lesson never showed.
     * <pre>{@code Exercises.outputGradients((net, x, t, i, j) -> dL_du(net, x, t, i, j))}</pre>
     */
    public static String outputGradients(OutputGradient yours) {
        return OutputGradientsExercise.check(yours);
    }

    /** Lesson 6's answer for a hidden weight: {@code ∂L/∂wᵢⱼ}, input {@code i} (1 to 2), hidden unit {@code j} (1 to 3). */
    @FunctionalInterface
    public interface HiddenWeightGradient {
        double dL_dw(Network net, double[] x, double[] t, int i, int j);
    }

    /** Lesson 6's answer for a hidden bias: {@code ∂L/∂b⁽¹⁾ⱼ}, hidden unit {@code j} (1 to 3). */
    @FunctionalInterface
    public interface HiddenBiasGradient {
        double dL_db(Network net, double[] x, double[] t, int j);
    }

    /**
     * Lesson 6: checks the gradients of all six hidden weights and three hidden biases against the kit's
     * backpropagation, on three networks, inputs and targets the lesson never showed.
     * <pre>{@code Exercises.hiddenGradients((net, x, t, i, j) -> dL_dw(net, x, t, i, j), (net, x, t, j) -> dL_db(net, x, t, j))}</pre>
     */
    public static String hiddenGradients(HiddenWeightGradient weights, HiddenBiasGradient biases) {
        return HiddenGradientsExercise.check(weights, biases);
    }

    /** Lesson 8's answer: one gradient-descent step {@code θ ← θ − η ∂L/∂θ} on every parameter of {@code net}, in place. */
    @FunctionalInterface
    public interface UpdateStep {
        void step(Network net, double[] x, double[] t, double eta);
    }

    /**
     * Lesson 8: checks one full update step, all 17 parameters, against one epoch of
     * {@code Trainer.sgd(η)} on the same sample, for three networks and learning rates the lesson never showed.
     * <pre>{@code Exercises.updateStep((net, x, t, eta) -> step(net, x, t, eta))}</pre>
     */
    public static String updateStep(UpdateStep yours) {
        return UpdateStepExercise.check(yours);
    }

    /**
     * An open exercise: does {@code eta} train a copy of {@code net} on inputs {@code x} and targets {@code t}
     * (one sample per row) to a loss below {@code goal} within {@code epochs}? Every such η passes; a
     * failure says whether η is too large (diverges, rises, zigzags) or too small.
     * <pre>{@code Exercises.learningRate(myEta, Network.of(2, 3, 2).output(Activation.IDENTITY).seed(3), X, T, 300, 1e-6)}</pre>
     */
    public static String learningRate(double eta, Network net, Matrix x, Matrix t, int epochs, double goal) {
        return LearningRateExercise.check(eta, net, x, t, epochs, goal);
    }

    /**
     * Lesson 10's answer: the accuracy of classifier {@code net} on inputs {@code x} and one-hot targets
     * {@code t}, one sample per row: the fraction of rows whose largest output is at the target's 1.
     */
    @FunctionalInterface
    public interface Accuracy {
        double of(Network net, Matrix x, Matrix t);
    }

    /**
     * Lesson 10: checks an accuracy function on three labelled sets with 2, 3 and 4 classes whose
     * accuracies differ, so that no constant passes.
     * <pre>{@code Exercises.accuracy((net, x, t) -> accuracy(net, x, t))}</pre>
     */
    public static String accuracy(Accuracy yours) {
        return AccuracyExercise.check(yours);
    }

    /**
     * Lesson 12's answer: the complete backward pass of a 2-3-2 network for one sample, every gradient by
     * its name, e.g. {@code "w11" → ∂L/∂w₁₁}, {@code "b(2)1" → ∂L/∂b⁽²⁾₁} (17 entries).
     */
    @FunctionalInterface
    public interface Backward {
        java.util.Map<String, Double> backward(Network net, double[] x, double[] t);
    }

    /**
     * Lesson 12: checks a backward pass written in scalar code, all 17 gradients, against the kit's
     * backpropagation on three networks, inputs and targets the lesson never showed.
     * <pre>{@code Exercises.backwardPass((net, x, t) -> backward(net, x, t))}</pre>
     */
    public static String backwardPass(Backward yours) {
        return BackwardPassExercise.check(yours);
    }

    /**
     * Lesson 12's second answer: the backward pass in matrix form for a sigmoid network of any depth {@code D}
     * and a batch (one sample per row), as {@code "W(l)" → ∂L/∂W⁽ˡ⁾} and {@code "b(l)" → ∂L/∂b⁽ˡ⁾}, l = 1 … D.
     */
    @FunctionalInterface
    public interface MatrixBackward {
        java.util.Map<String, Matrix> backward(Network net, Matrix x, Matrix t);
    }

    /**
     * Lesson 12: checks a matrix backward pass on unseen networks of depth 2, 3 and 4 with batches of 3, 4
     * and 5 samples, every gradient against the kit's backpropagation.
     * <pre>{@code Exercises.matrixBackward((net, x, t) -> backward(net, x, t))}</pre>
     */
    public static String matrixBackward(MatrixBackward yours) {
        return MatrixBackwardExercise.check(yours);
    }

    /** Lesson 13's answer: the 2-3-2 network's gradients of a batch's mean loss, by name (17 entries). */
    @FunctionalInterface
    public interface BatchBackward {
        java.util.Map<String, Double> backward(Network net, Matrix x, Matrix t);
    }

    /**
     * Lesson 13: checks the repaired backward pass on three unseen networks with batches of 3, 4 and 5
     * samples; while bugs remain, says how many and describes the first from the output down.
     * <pre>{@code Exercises.findTheBugs((net, x, t) -> backward(net, x, t))}</pre>
     */
    public static String findTheBugs(BatchBackward yours) {
        return FindTheBugsExercise.check(yours);
    }

    /**
     * Lesson 14's answer: the confusion matrix of classifier {@code net} on inputs {@code x} and one-hot
     * targets {@code t}: {@code counts[a][b]} is the number of samples of true class {@code a} whose largest
     * output is at {@code b}.
     */
    @FunctionalInterface
    public interface Confusion {
        int[][] counts(Network net, Matrix x, Matrix t);
    }

    /**
     * Lesson 14: checks a confusion matrix on three unseen 4-class classifiers and their samples against a
     * count made by the check.
     * <pre>{@code Exercises.confusion((net, x, t) -> confusion(net, x, t))}</pre>
     */
    public static String confusion(Confusion yours) {
        return ConfusionExercise.check(yours);
    }

    /**
     * Lesson 15's answer: the 2-3-2 network's loss built from scalar {@code Value}s, every weight and bias a
     * leaf named as the kit names it ({@code "w11"}, {@code "b(2)1"}).
     */
    @FunctionalInterface
    public interface ScalarLoss {
        org.backpropkit.autodiff.Value loss(Network net, double[] x, double[] t);
    }

    /**
     * Lesson 15: runs {@code backward()} on the loss the learner built and checks it and all 17 leaves'
     * gradients against the kit's forward pass and backpropagation, on three unseen networks.
     * <pre>{@code Exercises.scalarLoss((net, x, t) -> loss(net, x, t))}</pre>
     */
    public static String scalarLoss(ScalarLoss yours) {
        return ScalarLossExercise.check(yours);
    }

    /**
     * A hint for the last exercise check that failed in this notebook: level 1 repeats the hint of its
     * message, level 2 is stronger (still without the solution).
     * <pre>{@code Exercises.hint(2)}</pre>
     */
    public static String hint(int level) {
        return Hints.get(level);
    }

    /**
     * Lesson 7's answer: the gradients of layer {@code l} (1 to D) of a sigmoid network with L2 loss, for a batch
     * {@code x}, {@code t} (one sample per row): {@code {∂L/∂W⁽ˡ⁾, ∂L/∂b⁽ˡ⁾}}, shaped as {@code W⁽ˡ⁾} and as the row
     * {@code b⁽ˡ⁾}.
     */
    @FunctionalInterface
    public interface LayerGradients {
        Matrix[] of(Network net, Matrix x, Matrix t, int l);
    }

    /**
     * Lesson 7: checks the general rule in matrix form, {@code ∂L/∂W⁽ˡ⁾ = (1/n) H⁽ˡ⁻¹⁾ᵀ Δ⁽ˡ⁾} and
     * {@code ∂L/∂b⁽ˡ⁾ = (1/n) 1ᵀ Δ⁽ˡ⁾} for every layer, against the kit's backpropagation on three deeper
     * networks and batches the lesson never showed.
     * <pre>{@code Exercises.generalRule((net, x, t, l) -> gradients(net, x, t, l))}</pre>
     */
    public static String generalRule(LayerGradients yours) {
        return GeneralRuleExercise.check(yours);
    }

    /**
     * Lesson 8 and 9's open exercise on a slice of the loss: does {@code eta} bring the loss below {@code goal}
     * within {@code epochs} when only the parameters named in {@code only} move (as {@code Trainer…only(…)})?
     * Every such η passes.
     * <pre>{@code Exercises.learningRate(myEta, Article.network(), Matrix.row(x), Matrix.row(t), 20, 0.063, "u11", "u21")}</pre>
     */
    public static String learningRate(double eta, Network net, Matrix x, Matrix t, int epochs, double goal, String... only) {
        return LearningRateExercise.check(eta, net, x, t, epochs, goal, only);
    }

    /**
     * Lesson 9's answer: gradient descent on two parameters {@code p} and {@code q} alone (by name, e.g. {@code "u11"}),
     * {@code steps} steps with learning rate {@code eta} from their values in {@code net}, the other parameters
     * held still; the path as points {@code (p, q)}: the start, then one point after each step.
     */
    @FunctionalInterface
    public interface Walk {
        double[][] path(Network net, double[] x, double[] t, String p, String q, double eta, int steps);
    }

    /**
     * Lesson 9: checks a walk on two weights against {@code Trainer.sgd(η).only(p, q)} (the walk
     * {@code Plot.descent} draws), on three networks, pairs of weights and learning rates the lesson never showed.
     * <pre>{@code Exercises.walk((net, x, t, p, q, eta, steps) -> walk(net, x, t, p, q, eta, steps))}</pre>
     */
    public static String walk(Walk yours) {
        return WalkExercise.check(yours);
    }

    /**
     * Lesson 11's answer: the error signals {@code δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾} of a network with one tanh hidden layer and a
     * softmax output with cross-entropy, for one sample: {@code {δ⁽¹⁾, δ⁽²⁾}}, the hidden layer's first.
     */
    @FunctionalInterface
    public interface Deltas {
        double[][] of(Network net, double[] x, double[] t);
    }

    /**
     * Lesson 11: checks the error signals of a tanh hidden layer and a softmax + cross-entropy output against the
     * kit's backpropagation, on three 3-4-3 networks, inputs and one-hot targets the lesson never showed.
     * <pre>{@code Exercises.errorSignals((net, x, t) -> deltas(net, x, t))}</pre>
     */
    public static String errorSignals(Deltas yours) {
        return SoftmaxTanhExercise.check(yours);
    }

    /** Lesson 1's answer: the number of weights and biases of a dense network with these layer sizes, inputs first. */
    @FunctionalInterface
    public interface ParameterCount {
        int count(int... sizes);
    }

    /**
     * Lesson 1: checks a parameter count, {@code Σₗ (nₗ₋₁ nₗ + nₗ)} over the layers, against the kit's networks
     * of twelve shapes the lesson never showed, with 2 to 5 sizes each.
     * <pre>{@code Exercises.parameterCount(sizes -> parameterCount(sizes))}</pre>
     */
    public static String parameterCount(ParameterCount yours) {
        return ParameterCountExercise.check(yours);
    }

    /** Lesson 2's answer: the sigmoid's derivative {@code σ′(a)} at {@code a}. */
    @FunctionalInterface
    public interface SigmoidDerivative {
        double at(double a);
    }

    /**
     * Lesson 2: checks {@code σ′(a)} against the slope of σ measured by a centred difference, at six points
     * the lesson never used.
     * <pre>{@code Exercises.sigmoidDerivative(a -> sigmoidPrime(a))}</pre>
     */
    public static String sigmoidDerivative(SigmoidDerivative yours) {
        return SigmoidDerivativeExercise.check(yours);
    }

    /** Lesson 3's answer: the centred-difference slope of {@code f} at {@code v}, one entry per entry of {@code v}. */
    @FunctionalInterface
    public interface NumericGradient {
        double[] of(ToDoubleFunction<double[]> f, double[] v);
    }

    /**
     * Lesson 3: checks a numeric gradient, {@code (f(v + ε eₖ) − f(v − ε eₖ)) / 2ε} for every {@code k}, against
     * the exact gradients of three functions the lesson never showed.
     * <pre>{@code Exercises.numericGradient((f, v) -> numericGradient(f, v))}</pre>
     */
    public static String numericGradient(NumericGradient yours) {
        return NumericGradientExercise.check(yours);
    }
}
