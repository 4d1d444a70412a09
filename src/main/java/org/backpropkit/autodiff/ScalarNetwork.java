package org.backpropkit.autodiff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Format;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Notation;
import org.backpropkit.core.Parameter;

/**
 * A {@link Network}'s loss written out in {@link Value}s, one number at a time: every input, target,
 * weight and bias a leaf, every product, sum and activation a node, ending in the loss {@code L}.
 * Then {@code loss().backward()} finds every {@code ∂L/∂θ} by the chain rule alone — no formula for
 * {@code δ}, no hidden-layer sum written by hand — and the result can be held against the kit's
 * backpropagation.
 *
 * <pre>{@code
 * ScalarNetwork s = ScalarNetwork.of(Article.network(), Article.x(), Article.t());
 * s.loss().backward();
 * s.parameter("u11").grad()                 // −0.0283604, as δ₁ h₁ by backpropagation
 * s.nablaW(2)                               // every ∂L/∂u_ij, shaped like Gradients.w(2)
 * }</pre>
 *
 * <p>Layer {@code l} is {@code a_j = Σ_i h_i w_ij + b_j} (one {@code Σ} node per unit) and
 * {@code h_j = f(a_j)}; a softmax is {@code y_j = exp(a_j − m) / Σ_k exp(a_k − m)} with the row's
 * largest {@code a} as the constant {@code m} (it cancels, and keeps {@code exp} from overflowing).
 * The losses are written as their formulas read:
 * <ul>
 *   <li>L2: {@code L = ½ Σ_j (y_j − t_j)²};</li>
 *   <li>binary cross-entropy: {@code L = −Σ_j [t_j ln y_j + (1 − t_j) ln(1 − y_j)]};</li>
 *   <li>cross-entropy: {@code L = −Σ_j t_j ln y_j}.</li>
 * </ul>
 * The kit's backpropagation takes the shortcut {@code δ = y − t} for the last two (after a sigmoid,
 * after a softmax); here the chain rule has to walk through {@code ln}, {@code ÷} and {@code exp} and
 * arrives at the same numbers. A batch's loss is the mean of its samples' losses, as in the kit.
 *
 * <p>The leaves copy the network's weights when the scalar network is made; training the network
 * afterwards does not change them. Names follow {@link Notation}: {@code x₁}, {@code w₂₁},
 * {@code a⁽¹⁾₁}, {@code h₁}, {@code y₁}, {@code L}.
 *
 * <p>Cost: about three values per weight and sample, so it suits the article's network and small
 * ones; a 64-32-10 network on one sample makes 4,979 values (about 10 ms to build and differentiate here).
 */
public final class ScalarNetwork {

    private final Network net;
    private final Value[][][] w;
    private final Value[][] b;
    private final List<List<Value>> y = new ArrayList<>();
    private final Value loss;

    private ScalarNetwork(Network net, double[][] x, double[][] t) {
        this.net = net;
        Notation names = net.notation();
        int depth = net.depth();
        w = new Value[depth + 1][][];
        b = new Value[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            Matrix wl = net.layer(l).w(), bl = net.layer(l).b();
            w[l] = new Value[wl.rows()][wl.cols()];
            b[l] = new Value[wl.cols()];
            for (int j = 0; j < wl.cols(); j++) {
                for (int i = 0; i < wl.rows(); i++) {
                    w[l][i][j] = Value.of(wl.get(i, j), Notation.indexed(names.weight(l, false), false, i + 1, j + 1));
                }
                b[l][j] = Value.of(bl.get(0, j), Notation.indexed(names.bias(l, false), false, j + 1));
            }
        }
        List<Value> losses = new ArrayList<>();
        for (int s = 0; s < x.length; s++) {
            String sample = x.length == 1 ? "" : " (sample " + (s + 1) + ")";
            List<Value> h = leaves(x[s], "x", sample);
            for (int l = 1; l <= depth; l++) {
                h = layer(l, h, names, sample);
            }
            y.add(h);
            losses.add(sampleLoss(net.loss(), h, leaves(t[s], "t", sample)));
        }
        Value mean = losses.size() == 1 ? losses.get(0) : Value.sum(losses).mul(1.0 / losses.size());
        loss = mean.named("L");
    }

    /** The scalar form of {@code net}'s loss for one sample {@code x} with targets {@code t}. */
    public static ScalarNetwork of(Network net, double[] x, double[] t) {
        return of(net, Matrix.row(x), Matrix.row(t));
    }

    /** The scalar form of {@code net}'s loss for a batch, one sample per row: the mean of the samples' losses. */
    public static ScalarNetwork of(Network net, Matrix x, Matrix t) {
        if (x.cols() != net.inputs() || t.cols() != net.outputs() || x.rows() != t.rows()) {
            throw new IllegalArgumentException("the network takes " + net.inputs() + " inputs and gives "
                    + net.outputs() + " outputs, so x needs " + net.inputs() + " columns and t " + net.outputs()
                    + ", one row per sample in both; got x " + x.shape() + " and t " + t.shape());
        }
        return new ScalarNetwork(net, x.toArray(), t.toArray());
    }

    /** {@code a_j = Σ_i h_i w_ij + b_j}, then {@code h_j = f(a_j)}, for every unit j of layer l. */
    private List<Value> layer(int l, List<Value> hPrev, Notation names, String sample) {
        Activation f = net.layer(l).activation();
        List<Value> a = new ArrayList<>();
        for (int j = 0; j < b[l].length; j++) {
            List<Value> terms = new ArrayList<>();
            for (int i = 0; i < hPrev.size(); i++) {
                terms.add(hPrev.get(i).mul(w[l][i][j]));
            }
            terms.add(b[l][j]);
            a.add(Value.sum(terms).named(Notation.indexed(names.a(l, false), false, j + 1) + sample));
        }
        List<Value> h = f == Activation.SOFTMAX ? softmax(a) : activate(f, a);
        if (f != Activation.IDENTITY) {
            for (int j = 0; j < h.size(); j++) {
                h.get(j).named(Notation.indexed(names.h(l, false), false, j + 1) + sample);
            }
        }
        return h;
    }

    private static List<Value> activate(Activation f, List<Value> a) {
        List<Value> h = new ArrayList<>();
        for (Value aj : a) {
            h.add(switch (f) {
                case SIGMOID -> aj.sigmoid();
                case TANH -> aj.tanh();
                case RELU -> aj.relu();
                case IDENTITY -> aj;
                default -> throw new IllegalArgumentException("no scalar form for the activation " + f);
            });
        }
        return h;
    }

    /** {@code y_j = exp(a_j − m) / Σ_k exp(a_k − m)}, {@code m} the largest {@code a_k} (a constant). */
    private static List<Value> softmax(List<Value> a) {
        double m = Double.NEGATIVE_INFINITY;
        for (Value aj : a) {
            m = Math.max(m, aj.data());
        }
        List<Value> e = new ArrayList<>();
        for (Value aj : a) {
            e.add(aj.add(-m).exp());
        }
        Value sum = Value.sum(e);
        List<Value> y = new ArrayList<>();
        for (Value ej : e) {
            y.add(ej.div(sum));
        }
        return y;
    }

    /** One sample's loss, written as the formula in the class comment reads. */
    private static Value sampleLoss(Loss loss, List<Value> y, List<Value> t) {
        List<Value> terms = new ArrayList<>();
        for (int j = 0; j < y.size(); j++) {
            Value yj = y.get(j), tj = t.get(j);
            terms.add(switch (loss) {
                case L2 -> yj.sub(tj).pow(2);                                            // (y_j − t_j)²
                case BINARY_CROSS_ENTROPY -> tj.mul(yj.log())                            // t_j ln y_j
                        .add(tj.neg().add(1).mul(yj.neg().add(1).log()));                 // + (1 − t_j) ln(1 − y_j)
                case CROSS_ENTROPY -> tj.mul(yj.log());                                  // t_j ln y_j
            });
        }
        Value sum = Value.sum(terms);
        return loss == Loss.L2 ? sum.mul(0.5) : sum.neg();
    }

    private static List<Value> leaves(double[] values, String symbol, String sample) {
        List<Value> out = new ArrayList<>();
        for (int j = 0; j < values.length; j++) {
            out.add(Value.of(values[j], Notation.indexed(symbol, false, j + 1) + sample));
        }
        return out;
    }

    /** The loss {@code L}, the root of the whole expression: call {@code loss().backward()} for every gradient. */
    public Value loss() {
        return loss;
    }

    /** The outputs {@code y₁, y₂, …} of the first (or only) sample. */
    public List<Value> y() {
        return Collections.unmodifiableList(y.get(0));
    }

    /** The leaf of the named weight or bias, e.g. {@code "u21"}, {@code "b(1)3"}, as {@link Network#parameter} reads names. */
    public Value parameter(String name) {
        return leaf(net.parameter(name));
    }

    /** Every weight and bias leaf, in {@link Network#parameters()} order. */
    public List<Value> parameters() {
        List<Value> all = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            all.add(leaf(p));
        }
        return all;
    }

    private Value leaf(Parameter p) {
        return p.isBias() ? b[p.layer()][p.col()] : w[p.layer()][p.row()][p.col()];
    }

    /** {@code ∇w⁽ˡ⁾}: every {@code ∂L/∂w_ij} of layer {@code l}, shaped like {@link Gradients#w(int)}. */
    public Matrix nablaW(int l) {
        requireBackward(l);
        double[][] g = new double[w[l].length][w[l][0].length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g[i].length; j++) {
                g[i][j] = w[l][i][j].grad();
            }
        }
        return Matrix.of(g);
    }

    /** {@code ∇b⁽ˡ⁾}: every {@code ∂L/∂b_j} of layer {@code l}, a 1-row matrix like {@link Gradients#b(int)}. */
    public Matrix nablaB(int l) {
        requireBackward(l);
        double[] g = new double[b[l].length];
        for (int j = 0; j < g.length; j++) {
            g[j] = b[l][j].grad();
        }
        return Matrix.row(g);
    }

    /**
     * The largest relative difference between these gradients and backpropagation's, over every
     * weight and bias: {@code max |g_auto − g_backprop| / max(|g_auto|, |g_backprop|)}, where a pair
     * of exact zeros counts as 0. Rounding alone gives about {@code 1e-16}.
     */
    public double largestRelativeDifference(Gradients backprop) {
        double worst = 0;
        for (int l = 1; l <= net.depth(); l++) {
            worst = Math.max(worst, relativeDifference(nablaW(l), backprop.w(l)));
            worst = Math.max(worst, relativeDifference(nablaB(l), backprop.b(l)));
        }
        return worst;
    }

    private static double relativeDifference(Matrix auto, Matrix backprop) {
        double worst = 0;
        for (int i = 0; i < auto.rows(); i++) {
            for (int j = 0; j < auto.cols(); j++) {
                double p = auto.get(i, j), q = backprop.get(i, j);
                double scale = Math.max(Math.abs(p), Math.abs(q));
                worst = Math.max(worst, scale == 0 ? 0 : Math.abs(p - q) / scale);
            }
        }
        return worst;
    }

    private void requireBackward(int l) {
        if (l < 1 || l > net.depth()) {
            throw new IllegalArgumentException("layer " + l + " does not exist: layers count from 1 to " + net.depth());
        }
        if (loss.grad() != 1) {
            throw new IllegalStateException("no gradients yet: call loss().backward() first");
        }
    }

    /** E.g. {@code 2-3-2 network in 49 scalar values, L = 0.092447}. */
    @Override
    public String toString() {
        return net.shape() + " network in " + loss.graph().size() + " scalar values, L = " + Format.number(loss.data());
    }
}
