package org.backpropkit.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.backpropkit.core.Backprop;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Layer;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.backpropkit.core.Require;

/**
 * Gradient descent with the article's update rule, applied to every weight and bias:
 * <pre>  θ ← θ − η ∇L(θ)</pre>
 * optionally with momentum {@code μ}: {@code v ← μ v − η ∇L}, then {@code θ ← θ + v}.
 *
 * <p>Options read as a sentence; the defaults are full-batch descent for 100 epochs:
 * <pre>{@code
 * History h = Trainer.sgd(0.5).epochs(2000).batchSize(1).seed(1).track("w11", "u21").train(net, x, t);
 * }</pre>
 * {@code batchSize(1)} is per-sample SGD, {@code batchSize(n)} mini-batches (shuffled each epoch
 * with the seed), and no batch size the full batch. Each step's gradient is the batch mean
 * ({@link Gradients}). The same network, data, options and seed give bit-identical results.
 *
 * <p>A step allocates nothing: the gradients come from reused {@link Backprop} workspaces.
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
    private final List<String> tracked = new ArrayList<>();
    private EpochListener listener = (epoch, loss) -> { };

    private Trainer(double eta) {
        this.eta = Require.positive("learning rate η", eta);
    }

    /** Gradient descent with learning rate {@code η}. */
    public static Trainer sgd(double eta) {
        return new Trainer(eta);
    }

    /** How many passes over the data (default 100). */
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

    /** Records these weights after every epoch, by name ({@code "w11"}, {@code "u21"}, {@code "b(1)3"}). */
    public Trainer track(String... names) {
        tracked.addAll(List.of(names));
        return this;
    }

    /** Calls {@code listener} after every epoch. */
    public Trainer onEpoch(EpochListener listener) {
        this.listener = listener;
        return this;
    }

    /**
     * Trains {@code net} in place on inputs {@code x} and targets {@code t} (one sample per row).
     *
     * @throws TrainingDiverged if the loss stops being finite; the network then keeps the weights
     *     of the last good epoch
     */
    public History train(Network net, Matrix x, Matrix t) {
        int n = x.rows();
        if (t.rows() != n) {
            throw new IllegalArgumentException("x has " + n + " rows (samples) but t has " + t.rows());
        }
        List<Parameter> watched = new ArrayList<>();
        for (String name : tracked) {
            watched.add(net.parameter(name));
        }
        int batch = batchSize == 0 ? n : Math.min(batchSize, n);
        Backprop whole = new Backprop(net, n);
        Backprop full = batch == n ? whole : new Backprop(net, batch);
        Backprop rest = n % batch == 0 ? null : new Backprop(net, n % batch);
        State state = new State(net);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Random random = new Random(seed);
        double[] values = new double[watched.size()];
        History history = new History(eta, epochs, tracked);
        history.record(0, whole.loss(x, t), read(net, watched, values));
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (batch < n) {
                shuffle(order, random);
            }
            for (int from = 0; from < n; from += batch) {
                Backprop workspace = from + batch <= n ? full : rest;
                state.step(workspace.gradients(x, t, order, from));
            }
            double loss = whole.loss(x, t);
            if (!Double.isFinite(loss)) {
                state.restore();
                throw new TrainingDiverged(history, epoch, loss, momentum);
            }
            state.save();
            history.record(epoch, loss, read(net, watched, values));
            listener.epochEnded(epoch, loss);
        }
        return history;
    }

    private static double[] read(Network net, List<Parameter> watched, double[] into) {
        for (int k = 0; k < into.length; k++) {
            into[k] = net.get(watched.get(k));
        }
        return into;
    }

    /** Fisher–Yates: every order equally likely, the same order for the same seed. */
    private static void shuffle(int[] order, Random random) {
        for (int k = order.length - 1; k > 0; k--) {
            int other = random.nextInt(k + 1);
            int swap = order[k];
            order[k] = order[other];
            order[other] = swap;
        }
    }

    /** The parameters being trained, their velocities, and a copy from the last good epoch. */
    private final class State {
        private final Matrix[] theta;
        private final Matrix[] velocity;
        private final Matrix[] saved;

        State(Network net) {
            int depth = net.depth();
            theta = new Matrix[2 * depth];
            velocity = new Matrix[2 * depth];
            saved = new Matrix[2 * depth];
            for (int l = 1; l <= depth; l++) {
                Layer layer = net.layer(l);
                theta[2 * l - 2] = layer.w();
                theta[2 * l - 1] = layer.b();
            }
            for (int k = 0; k < theta.length; k++) {
                velocity[k] = Matrix.zeros(theta[k].rows(), theta[k].cols());
                saved[k] = theta[k].copy();
            }
        }

        /** {@code θ ← θ − η∇L}, or with momentum {@code v ← μv − η∇L; θ ← θ + v}. */
        void step(Gradients g) {
            for (int k = 0; k < theta.length; k++) {
                int l = k / 2 + 1;
                Matrix gradient = k % 2 == 0 ? g.w(l) : g.b(l);
                if (momentum == 0) {
                    theta[k].addScaled(-eta, gradient);
                } else {
                    velocity[k].scale(momentum);
                    velocity[k].addScaled(-eta, gradient);
                    theta[k].addScaled(1, velocity[k]);
                }
            }
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
