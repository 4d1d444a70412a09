package org.backpropkit.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.backpropkit.core.Backprop;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Interrupted;
import org.backpropkit.core.Layer;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.backpropkit.core.Require;
import org.backpropkit.core.Shuffle;
import org.backpropkit.core.Team;

/**
 * Gradient descent with the article's update rule, applied to every weight and bias:
 * <pre>  θ ← θ − η ∇L(θ)</pre>
 * optionally with momentum {@code μ}: {@code v ← μ v − η ∇L}, then {@code θ ← θ + v}. This is the
 * kit's one implementation of the rule; {@code Plot.descent} trains through it too.
 *
 * <p>Options read as a sentence; the defaults are full-batch descent for 100 epochs:
 * <pre>{@code
 * History h = Trainer.sgd(0.5).epochs(2000).batchSize(1).seed(1).track("w11", "u21").train(net, x, t);
 * }</pre>
 * {@code batchSize(1)} is per-sample SGD, {@code batchSize(n)} mini-batches (shuffled each epoch
 * with the seed, by {@link Shuffle}), and no batch size the full batch. Each step's gradient is the
 * batch mean ({@link Gradients}). The same network, data, options and seed give bit-identical results,
 * on JDK 17 and on every later JDK alike ({@code src/scripts/test-same-bits.sh} compares them): tanh is
 * computed by {@code StrictMath}, whose bits Java specifies; {@code Math.exp} and {@code Math.log} give the
 * same bits on every JDK of one kind of processor (x86-64 here) but may differ in the last bit on another.
 *
 * <p>A long run can be stopped: when the thread is interrupted (the kernel's Interrupt button) training
 * ends after the step it is in with {@link TrainingInterrupted}; the network keeps the weights of that
 * step, and {@link #history()} holds the run so far, so the next cell can plot it without having
 * caught anything.
 *
 * <p>A step allocates nothing: the gradients come from reused {@link Backprop} workspaces. Large
 * networks train on every core ({@link #threads}); the numbers do not depend on how many.
 */
public final class Trainer {

    /** Called after each epoch, e.g. to update one line of progress instead of printing thousands. */
    @FunctionalInterface
    public interface EpochListener {
        void epochEnded(int epoch, double loss);
    }

    private final double eta;
    private int epochs = 100;
    private int batchSize;
    private double momentum;
    private long seed;
    private int threads = Runtime.getRuntime().availableProcessors();
    private final List<String> tracked = new ArrayList<>();
    private final List<String> only = new ArrayList<>();
    private EpochListener listener = (epoch, loss) -> { };
    private volatile History latest;

    private Trainer(double eta) {
        this.eta = Require.positive("learning rate η", eta);
    }

    /** Gradient descent with learning rate {@code η}. */
    public static Trainer sgd(double eta) {
        return new Trainer(eta);
    }

    /**
     * How many passes over the data (default 100). Any positive number, {@code Integer.MAX_VALUE} for
     * "until I press Interrupt": the history grows as the run goes (see {@link History}).
     */
    public Trainer epochs(int epochs) {
        this.epochs = Require.positive("epochs", epochs);
        return this;
    }

    /** Samples per step: 1 for per-sample SGD; default the whole data set. */
    public Trainer batchSize(int batchSize) {
        this.batchSize = Require.positive("batch size", batchSize);
        return this;
    }

    /** Momentum {@code μ} in [0, 1) (default 0: the article's plain rule). */
    public Trainer momentum(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum μ must lie in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
        return this;
    }

    /** The seed of the shuffling of samples into mini-batches (default 0). */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * How many threads may share the work of one call (default: every core). Only products large enough
     * to repay the hand-over are split (see {@link Team}; never for the lessons' small networks), each
     * entry is summed by one thread in the same order, so the results are the same bits on any number of
     * threads; and no thread outlives the call.
     */
    public Trainer threads(int threads) {
        this.threads = Require.positive("threads", threads);
        return this;
    }

    /** Records these parameters after every epoch, by name ({@code "w11"}, {@code "u21"}, {@code "b(1)3"}). */
    public Trainer track(String... names) {
        Require.noNulls("the names given to track(…)", names);
        tracked.addAll(List.of(names));
        return this;
    }

    /**
     * Trains only these parameters and holds every other one exactly where it is (its gradient counts
     * as 0), e.g. {@code only("u11", "u21")} to walk a 2-D slice of the loss. Default: all of them.
     */
    public Trainer only(String... names) {
        Require.noNulls("the names given to only(…)", names);
        only.addAll(List.of(names));
        return this;
    }

    /** Calls {@code listener} after every epoch. */
    public Trainer onEpoch(EpochListener listener) {
        this.listener = Require.notNull("the listener", listener, "give a method of (epoch, loss), e.g. "
                + "(epoch, loss) -> System.out.println(epoch + \" \" + loss)");
        return this;
    }

    /**
     * The history of this trainer's latest run, also when that run diverged, was interrupted, or is
     * still going: the epochs completed so far.
     */
    public History history() {
        History run = latest;
        if (run == null) {
            throw new IllegalStateException("this trainer has not trained yet: call train(net, x, t) first");
        }
        return run;
    }

    /** Trains {@code net} in place on one sample: inputs {@code x}, targets {@code t}. */
    public History train(Network net, double[] x, double[] t) {
        Require.notNull("net", net);
        return train(net, Require.sample("x", x), Require.sample("t", t));
    }

    /**
     * Trains {@code net} in place on inputs {@code x} and targets {@code t} (one sample per row).
     *
     * @throws TrainingDiverged if the loss or a weight stops being finite; the network then keeps the
     *     weights of the last good epoch
     * @throws TrainingInterrupted if the thread is interrupted; the network keeps the weights of the
     *     last completed step
     * @throws IllegalStateException if the history cannot grow any more (memory, or {@link History#MAX_EPOCHS});
     *     the network keeps the weights of the last epoch
     */
    public History train(Network net, Matrix x, Matrix t) {
        Require.notNull("net", net);
        Require.sameRows(x, t);
        net.requireFinite();
        int n = x.rows();
        List<Parameter> watched = resolve(net, tracked);
        int batch = batchSize == 0 ? n : Math.min(batchSize, n);
        int steps = (n + batch - 1) / batch;
        try (Team team = Team.of(threads, net, batch)) { // closed at the end: no thread outlives the call
            Backprop whole = new Backprop(net, n, team);
            Backprop full = batch == n ? whole : new Backprop(net, batch, team);
            Backprop rest = n % batch == 0 ? null : new Backprop(net, n % batch, team);
            State state = new State(net, only.isEmpty() ? null : resolve(net, only), team);
            int[] order = IntStream.range(0, n).toArray(); // shuffled again in each epoch, when there are batches
            Random random = new Random(seed);
            History history = new History(eta, epochs, net.notation(), watched);
            latest = history;
            double start = whole.loss(x, t);
            if (!Double.isFinite(start)) {
                throw new IllegalArgumentException(notFiniteBeforeTraining(net, start));
            }
            history.record(0, start, net);
            // epoch cannot pass Integer.MAX_VALUE and wrap: the history is full at History.MAX_EPOCHS and stops the run.
            for (int epoch = 1; epoch <= epochs; epoch++) {
                if (batch < n) {
                    Shuffle.inPlace(order, random);
                }
                for (int step = 0; step < steps; step++) {
                    if (Interrupted.requested()) {
                        throw new TrainingInterrupted(history, epoch, epochs, step, steps);
                    }
                    int from = step * batch;
                    Backprop workspace = from + batch <= n ? full : rest;
                    state.step(workspace.gradients(x, t, order, from), workspace.batch());
                }
                double loss = whole.lossOfChecked(x, t); // checked by the first whole.loss above
                if (!Double.isFinite(loss) || !state.finite()) {
                    state.restore();
                    throw new TrainingDiverged(history, epoch, loss, momentum);
                }
                state.save();
                history.record(epoch, loss, net);
                listener.epochEnded(epoch, loss);
            }
            return history;
        }
    }

    /**
     * Why the loss can be infinite or NaN before any step: a divergence is the learning rate's doing, this
     * is the starting point's, so the message says so instead of blaming η.
     */
    private static String notFiniteBeforeTraining(Network net, double loss) {
        String why = Double.isNaN(loss) ? "an output is not a number (∞ − ∞ or 0 · ∞ happened inside the network)"
                : switch (net.loss()) {
                    case BINARY_CROSS_ENTROPY -> "binary cross-entropy is infinite where an output y is exactly 0 or 1"
                            + " and its target is the other (ln 0), which happens once a sigmoid's input a is beyond"
                            + " about ±37";
                    case CROSS_ENTROPY -> "cross-entropy is infinite where the softmax gives a target class exactly 0"
                            + " (ln 0), which happens once the output units' inputs a differ by more than about 745";
                    case L2 -> "an output is beyond what a double holds (about 1.8e308)";
                };
        return "The loss before training is " + loss + ": " + why + ". No step was taken, so the learning rate is not"
                + " the cause: the inputs or the starting weights are too large. Scale the inputs (e.g."
                + " Split.standardized()) or start from smaller weights.";
    }

    private static List<Parameter> resolve(Network net, List<String> names) {
        List<Parameter> parameters = new ArrayList<>();
        for (String name : names) {
            parameters.add(net.parameter(name));
        }
        return parameters;
    }

    /** The parameters being trained, their velocities, and a copy from the last good epoch. */
    private final class State {
        private final Network net;
        private final Team team;
        private final Matrix[] theta;
        private final Matrix[] velocity;
        private final Matrix[] saved;
        /** Per matrix, the entries held still by {@link #only}; null when every parameter trains. */
        private final boolean[][] held;
        /** The update of each layer's rows, made once (a step allocates nothing); it reads {@link #g}. */
        private final Team.Part[] updates;
        /** Each layer's inputs, {@code inputs[1] … inputs[depth]}: its parameters have one row more. */
        private final int[] inputs;
        private Gradients g;

        State(Network net, List<Parameter> trained, Team team) {
            this.net = net;
            this.team = team;
            int depth = net.depth();
            theta = new Matrix[2 * depth];
            velocity = new Matrix[2 * depth];
            saved = new Matrix[2 * depth];
            updates = new Team.Part[depth + 1];
            inputs = new int[depth + 1];
            for (int l = 1; l <= depth; l++) {
                Layer layer = net.layer(l);
                theta[2 * l - 2] = layer.w();
                theta[2 * l - 1] = layer.b();
                inputs[l] = layer.inputs();
                int k = l;
                updates[l] = (from, to) -> update(k, from, to);
            }
            for (int k = 0; k < theta.length; k++) {
                velocity[k] = Matrix.zeros(theta[k].rows(), theta[k].cols());
                saved[k] = theta[k].copy();
            }
            held = trained == null ? null : held(trained);
        }

        private boolean[][] held(List<Parameter> trained) {
            boolean[][] hold = new boolean[theta.length][];
            for (int k = 0; k < theta.length; k++) {
                hold[k] = new boolean[theta[k].rows() * theta[k].cols()];
                Arrays.fill(hold[k], true);
            }
            for (Parameter p : trained) {
                int k = p.isBias() ? 2 * p.layer() - 1 : 2 * p.layer() - 2; // b⁽ˡ⁾ follows w⁽ˡ⁾ in theta
                hold[k][p.row() * theta[k].cols() + p.col()] = false;      // a bias's row is 0
            }
            return hold;
        }

        /**
         * One step on gradients {@code g} of a batch of {@code batch} samples, layer by layer; a large layer's
         * rows are shared by the team's threads as its gradient was, so each thread updates the rows it summed.
         */
        void step(Gradients g, int batch) {
            this.g = g;
            if (held != null) {
                for (int k = 0; k < theta.length; k++) {
                    hold(held[k], k % 2 == 0 ? g.w(k / 2 + 1) : g.b(k / 2 + 1));
                }
            }
            for (int l = 1; l < inputs.length; l++) {
                if (team == null) {
                    update(l, 0, inputs[l] + 1);
                } else {
                    team.shareRowsOf(net.layer(l), batch, updates[l]);
                }
            }
        }

        /**
         * {@code θ ← θ − η∇L}, or with momentum {@code v ← μv − η∇L; θ ← θ + v}, on rows {@code from … to − 1}
         * of layer {@code l}'s parameters: the rows of {@code w}, then {@code b} as the row after them.
         */
        private void update(int l, int from, int to) {
            if (from < inputs[l]) {
                update(2 * l - 2, g.w(l), from, Math.min(to, inputs[l]));
            }
            if (to > inputs[l]) {
                update(2 * l - 1, g.b(l), 0, 1);
            }
        }

        private void update(int k, Matrix gradient, int from, int to) {
            if (momentum == 0) {
                theta[k].addScaled(-eta, gradient, from, to);
            } else {
                velocity[k].scale(momentum, from, to);
                velocity[k].addScaled(-eta, gradient, from, to);
                theta[k].addScaled(1, velocity[k], from, to);
            }
        }

        /** Zeroes the gradient of every held entry, so the update leaves it exactly as it is. */
        private void hold(boolean[] hold, Matrix gradient) {
            for (int e = 0; e < hold.length; e++) {
                if (hold[e]) {
                    gradient.set(e / gradient.cols(), e % gradient.cols(), 0);
                }
            }
        }

        boolean finite() {
            for (Matrix m : theta) {
                for (int i = 0; i < m.rows(); i++) {
                    for (int j = 0; j < m.cols(); j++) {
                        if (!Double.isFinite(m.get(i, j))) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        void save() {
            for (int k = 0; k < theta.length; k++) {
                saved[k].setAll(theta[k]);
            }
        }

        void restore() {
            for (int k = 0; k < theta.length; k++) {
                theta[k].setAll(saved[k]);
            }
        }
    }
}
