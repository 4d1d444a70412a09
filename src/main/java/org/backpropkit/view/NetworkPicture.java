package org.backpropkit.view;

import java.awt.Graphics2D;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.backpropkit.explain.Derivation;

/**
 * The picture of a network, as the article draws it: units in columns from the inputs on the left
 * to the outputs on the right, an arrow for every weight, everything named in the kit's notation
 * ({@code x₁}, {@code h₂}, {@code y₁}, {@code w₂₁}, {@code u₁₂}, {@code b⁽¹⁾₃}).
 * <pre>{@code
 * NetworkPicture.of(net)                          // the network: weights on the arrows, biases in the units
 * NetworkPicture.of(net, x)                       // + the forward pass: a and h (or y) in every unit
 * NetworkPicture.of(net, x, t)                    // + targets, loss, δ in every unit, ∂L/∂w on every arrow
 * NetworkPicture.of(net, x, t).highlight("w11")   // the chain rule for ∂L/∂w₁₁: its paths, a factor on each step
 * NetworkPicture.of(net, x, t).steps()            // the same, filled in step by step (forward, then backward)
 * NetworkPicture.gradients(net, X, T)             // a batch: arrows show ∂L/∂w (mean over the samples)
 * }</pre>
 * An arrow's colour is the sign of its number (blue positive, orange negative) and its thickness the
 * size, relative to the largest arrow in the picture; gradients and errors δ also get a bar whose
 * length is their size. The legend at the bottom says which is which.
 *
 * <p>Three forms, chosen by size. Up to {@value Layout#LABELLED_UNITS} units a layer (and
 * {@value Layout#LABELLED_ARROWS} arrows between two layers) every number is written out, as long as
 * that fits {@value #MAX_LABELLED_WIDTH} pixels (the article's network is 929 wide; four columns of
 * units need more, so a deeper network is compact unless {@link #size} gives it the room); up to
 * {@value #MAX_UNITS} units a layer the units become named circles with their values beside them and
 * the arrows carry no text ({@link #compact()} asks for this form on any small network); beyond
 * that, a layer of 13 or more units would be a hairball of {@code 13 × 13} arrows or more, so each
 * layer becomes a block with its size and its weights as a small heat map, with the size of its
 * gradient ({@code ‖∇w⁽ˡ⁾‖}) beside it.
 *
 * <p>The picture is a snapshot: it copies the network when it is made, so training afterwards does
 * not change it. The same network and sample give the same image, byte for byte.
 */
public final class NetworkPicture implements Drawing {

    /** The most units a layer may have to be drawn unit by unit; wider networks get a summary. */
    public static final int MAX_UNITS = 12;

    private final Network net;
    private final double[] x;
    private final double[] t;
    private final int samples;
    private final ForwardPass fp;
    private final Gradients g;
    private final Parameter highlight;
    private final boolean compact;
    private final int minWidth;
    private final int minHeight;
    private final boolean stepLine;
    /** The stage drawn (see {@link Scene}), or -1 for the last. */
    private final int stage;
    private final String caption;
    /** A panel inside another picture: no title, legend or caption, the smallest gaps. */
    private final boolean bare;
    private Scene scene;
    private Layout layout;

    private NetworkPicture(Network net, double[] x, double[] t, int samples, ForwardPass fp, Gradients g,
            Parameter highlight, boolean compact, int minWidth, int minHeight, boolean stepLine, int stage,
            String caption, boolean bare) {
        this.net = net;
        this.x = x;
        this.t = t;
        this.samples = samples;
        this.fp = fp;
        this.g = g;
        this.highlight = highlight;
        this.compact = compact;
        this.minWidth = minWidth;
        this.minHeight = minHeight;
        this.stepLine = stepLine;
        this.stage = stage;
        this.caption = caption;
        this.bare = bare;
    }

    /** The network alone: every weight on its arrow, every bias in its unit. */
    public static NetworkPicture of(Network net) {
        return new NetworkPicture(net.copy(), null, null, 0, null, null, null, false, 0, 0, false, -1, null, false);
    }

    /** The network and the forward pass of one sample {@code x}: {@code a}, {@code h} and {@code y} in every unit. */
    public static NetworkPicture of(Network net, double[] x) {
        Network copy = net.copy();
        ForwardPass fp = copy.forward(x);
        return new NetworkPicture(copy, x.clone(), null, 1, fp, null, null, false, 0, 0, false, -1, null, false);
    }

    /**
     * The network, one sample {@code x} and its targets {@code t}: the forward values, the loss, the
     * error {@code δ} of every unit and the gradient {@code ∂L/∂w} of every weight.
     */
    public static NetworkPicture of(Network net, double[] x, double[] t) {
        Network copy = net.copy();
        Gradients g = copy.gradients(x, t);
        return new NetworkPicture(copy, x.clone(), t.clone(), 1, g.forward(), g, null, false, 0, 0, false, -1, null, false);
    }

    /**
     * The gradient of the mean loss over a batch ({@code x} and {@code t} one sample per row): each
     * arrow's colour is the sign of {@code ∂L/∂w}, its thickness the size, so the weights that training
     * moves most stand out; for a wide network, each layer's {@code ‖∇w⁽ˡ⁾‖}.
     */
    public static NetworkPicture gradients(Network net, Matrix x, Matrix t) {
        Network copy = net.copy();
        Gradients g = copy.gradients(x, t);
        return new NetworkPicture(copy, null, null, x.rows(), g.forward(), g, null, false, 0, 0, false, -1, null, false);
    }

    /**
     * Marks the paths the chain rule sums over for this parameter ({@code "w11"}, {@code "u21"},
     * {@code "b(1)3"}, {@code "w(2)12"}) and writes the factor each step contributes; the caption adds
     * the paths up to {@code ∂L/∂θ}. See {@link ChainPaths}.
     */
    public NetworkPicture highlight(String parameter) {
        return highlight(net.parameter(parameter));
    }

    /** Marks the chain rule's paths for parameter {@code p}. */
    public NetworkPicture highlight(Parameter p) {
        return new NetworkPicture(net, x, t, samples, fp, g, net.parameter(p.name()), compact, minWidth, minHeight,
                stepLine, stage, caption, bare);
    }

    /** Units as named circles, arrows without text: the compact form, for any network up to {@value #MAX_UNITS} units a layer. */
    public NetworkPicture compact() {
        return new NetworkPicture(net, x, t, samples, fp, g, highlight, true, minWidth, minHeight, stepLine, stage,
                caption, bare);
    }

    /** At least this many pixels wide and high (the picture grows beyond when its content needs it). */
    public NetworkPicture size(int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a picture size is at least 0 × 0 pixels, got " + width + " × " + height);
        }
        return new NetworkPicture(net, x, t, samples, fp, g, highlight, compact, width, height, stepLine, stage,
                caption, bare);
    }

    /**
     * The pass as frames that fill this picture in: first the weights alone, then the sample, then each
     * layer's forward values, then from the outputs back each layer's {@code δ} and gradients.
     */
    public Steps steps() {
        if (isBatch()) {
            throw new IllegalArgumentException("a step-through follows one sample: use NetworkPicture.of(net, x, t)"
                    + ".steps(), not a batch picture");
        }
        return new Steps(new NetworkPicture(net, x, t, samples, fp, g, highlight, compact, minWidth, minHeight, true,
                -1, null, bare));
    }

    /** The chain rule's paths of the highlighted parameter. */
    public ChainPaths paths() {
        return ChainPaths.of(net, requireHighlight("paths()"));
    }

    /** The derivation of the highlighted parameter, factor by factor: the same chain rule as text and LaTeX. */
    public Derivation derivation() {
        Parameter p = requireHighlight("derivation()");
        if (t == null) {
            throw new IllegalArgumentException("a derivation needs a sample and its targets: "
                    + "NetworkPicture.of(net, x, t).highlight(\"" + p.name() + "\").derivation()");
        }
        return Derivation.of(net, x, t, p);
    }

    private Parameter requireHighlight(String call) {
        if (highlight == null) {
            throw new IllegalArgumentException(call + " belongs to a highlighted parameter: call "
                    + "highlight(\"w11\") (or another parameter's name) first");
        }
        return highlight;
    }

    // ---- What the picture shows

    Network network() {
        return net;
    }

    double[] x() {
        return x;
    }

    double[] t() {
        return t;
    }

    ForwardPass forward() {
        return fp;
    }

    Gradients gradients() {
        return g;
    }

    boolean isBatch() {
        return g != null && x == null;
    }

    int samples() {
        return samples;
    }

    Parameter highlighted() {
        return highlight;
    }

    /** The sizes of every layer, inputs first. */
    int[] sizes() {
        int[] sizes = new int[net.depth() + 1];
        sizes[0] = net.inputs();
        for (int l = 1; l <= net.depth(); l++) {
            sizes[l] = net.layer(l).units();
        }
        return sizes;
    }

    /** True when some layer has more than {@value #MAX_UNITS} units: the picture is a summary by layer. */
    boolean isSummary() {
        for (int size : sizes()) {
            if (size > MAX_UNITS) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every number is written out: the network fits the labelled form (see {@link Layout}) and
     * the result is at most {@value #MAX_LABELLED_WIDTH} pixels wide, which a notebook shows without
     * shrinking the text much. A deeper network (four or more columns) is wider and gets the compact form.
     */
    synchronized boolean isLabelled() {
        if (scene == null) {
            if (!compact && !isSummary() && Layout.fitsLabelled(sizes())) {
                Scene s = new SceneBuilder(this, true).build();
                Layout l = new Layout(s, true, minWidth, minHeight, headerLines(s));
                if (l.width <= Math.max(MAX_LABELLED_WIDTH, minWidth)) {
                    scene = s;
                    layout = l;
                }
            }
            if (scene == null) {
                scene = new SceneBuilder(this, false).build();
            }
        }
        return layout != null ? layout.labelled : scene.labelled;
    }

    /** The widest a labelled picture may be; wider ones are drawn compact. */
    static final int MAX_LABELLED_WIDTH = 1100;

    private int headerLines(Scene s) {
        return s.subtitle.size() + (stepLine ? 1 : 0);
    }

    synchronized Scene scene() {
        isLabelled();
        return scene;
    }

    synchronized Layout layout() {
        if (layout == null) {
            Scene s = scene();
            layout = new Layout(s, isLabelled(), minWidth, minHeight, headerLines(s));
        }
        return layout;
    }

    /** The last stage of the pass this picture shows. */
    int lastStage() {
        return isSummary() ? Summary.lastStage(this) : scene().lastStage;
    }

    /** The same picture at an earlier stage of the pass, with a frame caption; scene and layout are shared. */
    NetworkPicture at(int stage, String frameCaption) {
        NetworkPicture frame = new NetworkPicture(net, x, t, samples, fp, g, highlight, compact, minWidth, minHeight,
                stepLine, stage, frameCaption, bare);
        if (!isSummary()) {
            frame.scene = scene();
            frame.layout = layout();
        }
        return frame;
    }

    /** This picture as a panel of a larger one (a {@link Watch}): only the network, no title or legend. */
    NetworkPicture bare() {
        return new NetworkPicture(net, x, t, samples, fp, g, highlight, true, minWidth, minHeight, stepLine, stage,
                caption, true);
    }

    boolean isBare() {
        return bare;
    }

    int stage() {
        return stage < 0 ? lastStage() : stage;
    }

    String caption() {
        return caption;
    }

    // ---- Drawing

    @Override
    public int width() {
        return isSummary() ? Summary.width(this, minWidth) : (int) layout().width;
    }

    @Override
    public int height() {
        return isSummary() ? Summary.height(this, minHeight) : (int) layout().height;
    }

    @Override
    public void paint(Graphics2D g2) {
        if (isSummary()) {
            new Summary(this).paint(g2);
        } else {
            new Painter(scene(), layout(), stage(), caption).paint(g2);
        }
    }

    /** What the picture shows, in words: its title, the sample, the chain rule's sum when highlighted. */
    @Override
    public String toString() {
        if (isSummary()) {
            return Summary.describe(this);
        }
        Scene s = scene();
        StringBuilder text = new StringBuilder(s.title);
        for (String line : s.subtitle) {
            text.append('\n').append(line);
        }
        if (caption != null) {
            text.append('\n').append(caption);
        }
        for (String line : s.caption) {
            text.append('\n').append(line);
        }
        return text.toString();
    }
}
