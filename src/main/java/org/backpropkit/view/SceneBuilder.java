package org.backpropkit.view;

import java.util.ArrayList;
import java.util.List;
import org.backpropkit.core.Activation;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Network;
import org.backpropkit.core.Notation;
import org.backpropkit.core.Parameter;
import org.backpropkit.view.ChainPaths.Edge;
import org.backpropkit.view.ChainPaths.Unit;
import org.backpropkit.view.Scene.Box;
import org.backpropkit.view.Scene.Line;

/**
 * Writes the text of a network picture in the kit's notation ({@link Notation}): {@code x₁},
 * {@code h₂}, {@code y₁}, {@code w₂₁}, {@code u₁₂}, {@code b⁽¹⁾₃}, {@code δ⁽²⁾₁}, with each value and
 * the stage of the pass at which it is known.
 */
final class SceneBuilder {

    private final Network net;
    private final Notation n;
    private final int depth;
    private final double[] x;
    private final double[] t;
    private final ForwardPass fp;
    private final Gradients g;
    private final boolean batch;
    private final int samples;
    private final Parameter highlight;
    private final ChainPaths paths;
    private final boolean labelled;
    private final Stages stages;
    private final boolean bare;

    SceneBuilder(NetworkPicture picture, boolean labelled) {
        this.net = picture.network();
        this.n = net.notation();
        this.depth = net.depth();
        this.x = picture.x();
        this.t = picture.t();
        this.fp = picture.forward();
        this.g = picture.gradients();
        this.batch = picture.isBatch();
        this.samples = picture.samples();
        this.highlight = picture.highlighted();
        this.paths = highlight == null ? null : ChainPaths.of(net, highlight);
        this.labelled = labelled;
        this.stages = Stages.of(picture);
        this.bare = picture.isBare();
    }

    // ---- Stages

    private int forwardStage(int l) {
        return stages.forward(l);
    }

    private int deltaStage(int l) {
        return stages.delta(l);
    }

    /** The stage at which layer l's gradients appear (0 in a batch picture: they are all it shows). */
    private int shownGradient(int l) {
        return stages.gradient(l);
    }

    // ---- Names

    String unit(int l, int j) {
        return Notation.indexed(n.h(l, false), false, j + 1);
    }

    private String a(int l, int j) {
        return Notation.indexed(n.a(l, false), false, j + 1);
    }

    private String delta(int l, int j) {
        return Notation.indexed("δ" + (depth == 1 ? "" : n.a(l, false).substring(1)), false, j + 1);
    }

    String weight(int l, int i, int j) {
        return Notation.indexed(n.weight(l, false), false, i + 1, j + 1);
    }

    private String bias(int l, int j) {
        return Notation.indexed(n.bias(l, false), false, j + 1);
    }

    private static String num(double v) {
        return Ink.number(v);
    }

    /** A factor inside a product: negative numbers in brackets, so "·(−0.8)" never reads as a minus. */
    private static String factor(double v) {
        return v < 0 ? "(" + num(v) + ")" : num(v);
    }

    // ---- The scene

    Scene build() {
        int[] sizes = new int[depth + 1];
        sizes[0] = net.inputs();
        for (int l = 1; l <= depth; l++) {
            sizes[l] = net.layer(l).units();
        }
        Scene s = new Scene(sizes, bare ? "" : title(), labelled);
        s.lastStage = stages.last();
        if (!bare) {
            subtitle(s);
        }
        double maxDelta = 0, maxGradient = 0, maxWeight = 0;
        for (int l = 1; l <= depth; l++) {
            for (int j = 0; j < sizes[l]; j++) {
                if (g != null && !batch) {
                    maxDelta = Math.max(maxDelta, Math.abs(g.delta(l).get(0, j)));
                }
                if (g != null) {
                    maxDelta = batch ? Math.max(maxDelta, Math.abs(g.b(l).get(0, j))) : maxDelta;
                    for (int i = 0; i < sizes[l - 1]; i++) {
                        maxGradient = Math.max(maxGradient, Math.abs(g.w(l).get(i, j)));
                    }
                }
                for (int i = 0; i < sizes[l - 1]; i++) {
                    maxWeight = Math.max(maxWeight, Math.abs(net.layer(l).w().get(i, j)));
                }
            }
        }
        for (int j = 0; j < sizes[0]; j++) {
            s.boxes.put(new Unit(0, j), inputBox(j));
        }
        for (int l = 1; l <= depth; l++) {
            for (int j = 0; j < sizes[l]; j++) {
                s.boxes.put(new Unit(l, j), unitBox(l, j, maxDelta));
            }
        }
        for (int l = 1; l <= depth; l++) {
            for (int i = 0; i < sizes[l - 1]; i++) {
                for (int j = 0; j < sizes[l]; j++) {
                    s.arrows.add(arrow(new Edge(l, i, j), batch ? maxGradient : maxWeight, maxGradient));
                }
            }
        }
        if (t != null && !batch) {
            s.loss = new Box(new Unit(depth + 1, 0), new Line("L", "L = " + num(g.loss()), forwardStage(depth),
                    Ink.UNIT, Ink.TEXT, Double.NaN, 0));
            s.loss.lines.add(Line.of(lossFormula(), 0, Ink.SMALL, Ink.MUTED));
        }
        if (paths != null && !bare) {
            markPaths(s);
        }
        if (!bare) {
            legend(s);
        }
        s.steps.addAll(stepCaptions());
        return s;
    }

    /** E.g. {@code 2-8-2 network} */
    static String shape(Network net) {
        return net.shape() + " network";
    }

    /** E.g. {@code 2-3-2 network: σ hidden, σ output, L2 loss}: the start of every picture's title. */
    static String describe(Network net) {
        String hidden = net.depth() > 1 ? net.layer(1).activation().symbol() + " hidden, " : "";
        return shape(net) + ": " + hidden + net.layer(net.depth()).activation().symbol() + " output, "
                + net.loss().title() + " loss";
    }

    private String title() {
        String what = describe(net);
        if (batch) {
            return "Gradient sizes on " + samples + (samples == 1 ? " sample" : " samples") + " · " + what;
        }
        return highlight != null ? "The chain rule for ∂L/∂" + highlight.symbol() + " · " + what : what;
    }

    private void subtitle(Scene s) {
        if (batch) {
            s.subtitle.add("L = " + num(g.loss()) + " (mean over the samples); arrows show ∂L/∂w, boxes ∂L/∂b");
            return;
        }
        if (x == null) {
            return;
        }
        StringBuilder line = new StringBuilder("x = ").append(vector(x));
        if (t != null) {
            line.append("   t = ").append(vector(t));
        }
        s.subtitle.add(line.toString());
        s.subtitleFrom = 1;
    }

    private static String vector(double[] v) {
        StringBuilder s = new StringBuilder("(");
        for (int k = 0; k < v.length; k++) {
            s.append(k > 0 ? ", " : "").append(num(v[k]));
        }
        return s.append(')').toString();
    }

    private String lossFormula() {
        return net.loss() == Loss.L2 ? "½ Σ (y − t)²" : net.loss().title();
    }

    private Box inputBox(int j) {
        String name = unit(0, j);
        Line title = x == null || batch ? Line.of(name, 0, Ink.UNIT, Ink.TEXT)
                : new Line(name, name + " = " + num(x[j]), 1, Ink.UNIT, Ink.TEXT, Double.NaN, 0);
        return new Box(new Unit(0, j), title);
    }

    private Box unitBox(int l, int j, double maxDelta) {
        String name = unit(l, j);
        boolean values = x != null && !batch;
        Line title = values ? new Line(name, name + " = " + num(fp.h(l).get(0, j)), forwardStage(l), Ink.UNIT,
                Ink.TEXT, Double.NaN, 0) : Line.of(name, 0, Ink.UNIT, Ink.TEXT);
        Box box = new Box(new Unit(l, j), title);
        if (!labelled) {
            if (g != null && !batch) {
                double d = g.delta(l).get(0, j);
                box.lines.add(new Line(null, delta(l, j) + " = " + num(d), deltaStage(l), Ink.SMALL, Ink.sign(d),
                        fraction(d, maxDelta), d));
            }
            return box;
        }
        double b = net.layer(l).b().get(0, j);
        box.lines.add(Line.of(bias(l, j) + " = " + num(b), 0, Ink.BODY, Ink.TEXT));
        if (batch) {
            double gb = g.b(l).get(0, j);
            box.lines.add(new Line(null, "∂L/∂" + bias(l, j) + " = " + num(gb), 0, Ink.BODY, Ink.sign(gb),
                    fraction(gb, maxDelta), gb));
            return box;
        }
        if (values) {
            box.lines.add(Line.of(a(l, j) + " = " + num(fp.a(l).get(0, j)), forwardStage(l), Ink.BODY, Ink.TEXT));
        }
        if (l == depth && t != null) {
            box.lines.add(Line.of(Notation.indexed("t", false, j + 1) + " = " + num(t[j]), 1, Ink.BODY, Ink.MUTED));
        }
        if (g != null) {
            double d = g.delta(l).get(0, j);
            box.lines.add(new Line(null, delta(l, j) + " = " + num(d), deltaStage(l), Ink.BODY, Ink.sign(d),
                    fraction(d, maxDelta), d));
        }
        return box;
    }

    private Scene.Arrow arrow(Edge e, double maxShown, double maxGradient) {
        double w = net.layer(e.layer()).w().get(e.from(), e.to());
        double gw = g == null ? 0 : g.w(e.layer()).get(e.from(), e.to());
        Scene.Arrow arrow = new Scene.Arrow(e, batch ? gw : w);
        if (!labelled) {
            if (g != null && t != null && !batch) {
                arrow.dot = gw;
                arrow.dotSize = fraction(gw, maxGradient);
                arrow.dotFrom = shownGradient(e.layer());
            }
            return arrow;
        }
        String name = weight(e.layer(), e.from(), e.to());
        if (!batch) {
            arrow.lines.add(Line.of(name + " = " + num(w), 0, Ink.SMALL, Ink.TEXT));
        }
        if (g != null && (batch || t != null)) {
            arrow.lines.add(new Line(null, "∂L/∂" + name + " = " + num(gw), shownGradient(e.layer()), Ink.SMALL,
                    Ink.sign(gw), fraction(gw, maxGradient), gw));
        }
        return arrow;
    }

    private static double fraction(double v, double max) {
        return max > 0 ? Math.abs(v) / max : 0;
    }

    // ---- The chain rule for one parameter

    private void markPaths(Scene s) {
        Parameter p = highlight;
        for (Unit u : paths.units()) {
            s.boxes.get(u).onPath = true;
        }
        if (!p.isBias()) {
            s.box(p.layer() - 1, p.row()).onPath = true; // its input is a factor too
        }
        boolean values = x != null && !batch;
        for (Scene.Arrow arrow : s.arrows) {
            if (!paths.edges().contains(arrow.edge)) {
                continue;
            }
            arrow.onPath = true;
            Edge e = arrow.edge;
            if (!labelled) {
                continue;
            }
            boolean own = !p.isBias() && e.layer() == p.layer() && e.from() == p.row() && e.to() == p.col();
            if (own) {
                String input = unit(e.layer() - 1, e.from());
                String value = values ? " = " + num(fp.h(e.layer() - 1).get(0, e.from())) : "";
                arrow.lines.add(1, Line.of("× " + input + value, values ? forwardStage(e.layer() - 1) : 0, Ink.SMALL,
                        Ink.TEXT));
            } else {
                Line first = arrow.lines.get(0);
                arrow.lines.set(0, Line.of("× " + first.late(), 0, Ink.SMALL, Ink.TEXT));
            }
        }
        if (!labelled) {
            caption(s);
            return;
        }
        for (Unit u : paths.units()) {
            Box box = s.boxes.get(u);
            if (u.layer() < depth) {
                Activation f = net.layer(u.layer()).activation();
                String formula = f.derivativeFormula(unit(u.layer(), u.index()), a(u.layer(), u.index()), false);
                String value = values ? " = " + num(slope(u)) : "";
                box.lines.add(Line.of("× " + formula + value, values ? forwardStage(u.layer()) : 0, Ink.BODY, Ink.TEXT));
            } else if (g != null) {
                for (int k = 0; k < box.lines.size(); k++) {
                    Line line = box.lines.get(k);
                    if (line.late().startsWith("δ")) {
                        box.lines.set(k, new Line(null, "× " + line.late(), line.from(), line.font(), line.color(),
                                line.bar(), line.value()));
                    }
                }
            } else {
                box.lines.add(Line.of("× " + delta(u.layer(), u.index()), 0, Ink.BODY, Ink.TEXT));
            }
        }
        if (p.isBias()) {
            Box own = s.box(p.layer(), p.col());
            own.lines.add(Line.of("× ∂" + a(p.layer(), p.col()) + "/∂" + p.symbol() + " = 1", 0, Ink.BODY, Ink.TEXT));
        }
        caption(s);
    }

    private double slope(Unit u) {
        Activation f = net.layer(u.layer()).activation();
        return f.derivative(fp.a(u.layer()).get(0, u.index()), fp.h(u.layer()).get(0, u.index()));
    }

    /** The sum the picture shows: each path's factors, then their numbers, then the total. */
    private void caption(Scene s) {
        Parameter p = highlight;
        int count = paths.count();
        String head = "∂L/∂" + p.symbol() + " adds up " + (count == 1 ? "1 path" : count + " paths")
                + ", each the product of the × factors along it";
        s.caption.add(head + (count > 3 ? " (" + pathsText(3) + ", …)" : ":"));
        if (count > 3) {
            if (g != null && !batch) {
                s.caption.add("= the sum of " + count + " products = " + num(paths.sum(g)) + "   (backpropagation: "
                        + num(g.of(p)) + ")");
            }
            return;
        }
        List<String> symbols = new ArrayList<>(), numbers = new ArrayList<>(), products = new ArrayList<>();
        for (List<Unit> path : paths.paths()) {
            symbols.add(String.join("·", pathFactors(path, false)));
            if (g != null && !batch) {
                numbers.add(String.join("·", pathFactors(path, true)));
                products.add(factor(paths.value(path, g)));
            }
        }
        s.caption.add("= " + String.join(" + ", symbols));
        if (!numbers.isEmpty()) {
            s.caption.add("= " + String.join(" + ", numbers));
            s.caption.add("= " + String.join(" + ", products) + " = " + num(paths.sum(g)) + "   (backpropagation: "
                    + num(g.of(p)) + ")");
        }
    }

    /** The factors of one path, as symbols or as numbers: input, then slope and weight per step, then δ. */
    private List<String> pathFactors(List<Unit> path, boolean numbers) {
        Parameter p = highlight;
        List<String> f = new ArrayList<>();
        f.add(p.isBias() ? "1" : numbers ? factor(fp.h(p.layer() - 1).get(0, p.row())) : unit(p.layer() - 1, p.row()));
        for (int k = 0; k + 1 < path.size(); k++) {
            Unit u = path.get(k), next = path.get(k + 1);
            f.add(numbers ? factor(slope(u)) : net.layer(u.layer()).activation()
                    .derivativeFormula(unit(u.layer(), u.index()), a(u.layer(), u.index()), false));
            f.add(numbers ? factor(net.layer(next.layer()).w().get(u.index(), next.index()))
                    : weight(next.layer(), u.index(), next.index()));
        }
        Unit out = path.get(path.size() - 1);
        f.add(numbers ? factor(g.delta(depth).get(0, out.index())) : delta(depth, out.index()));
        return f;
    }

    private String pathsText(int max) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < Math.min(max, paths.count()); k++) {
            s.append(k > 0 ? ", " : "").append(highlight.symbol());
            for (Unit u : paths.paths().get(k)) {
                s.append(" → ").append(unit(u.layer(), u.index()));
            }
        }
        return s.toString();
    }

    // ---- Legend and step captions

    private void legend(Scene s) {
        String thing = batch ? "∂L/∂w" : "weight";
        s.legend.add(new Scene.Key(Scene.Key.Kind.POSITIVE, "positive " + thing));
        s.legend.add(new Scene.Key(Scene.Key.Kind.NEGATIVE, "negative " + thing));
        s.legend.add(new Scene.Key(Scene.Key.Kind.TEXT, "thickness: |" + (batch ? "∂L/∂w" : "w") + "|"));
        if (g != null && !labelled && t != null && !batch) {
            s.legend.add(new Scene.Key(Scene.Key.Kind.TEXT, "beside a unit: its value, then δ"));
            s.legend.add(new Scene.Key(Scene.Key.Kind.DOT, "dot on an arrow: ∂L/∂w (area: size, colour: sign)"));
        } else if (x != null && !labelled && !batch) {
            s.legend.add(new Scene.Key(Scene.Key.Kind.TEXT, "beside a unit: its value"));
        }
        if (g != null && labelled && (t != null || batch)) {
            s.legend.add(new Scene.Key(Scene.Key.Kind.BAR, batch ? "bar: size of ∂L/∂w, ∂L/∂b"
                    : "bar: size of δ or ∂L/∂w (the largest fills it)"));
            if (!batch) {
                s.legend.add(new Scene.Key(Scene.Key.Kind.TEXT, "∂L/∂b = δ"));
            }
        }
        if (highlight != null) {
            s.legend.add(new Scene.Key(Scene.Key.Kind.MARKER, "paths of ∂L/∂" + highlight.symbol()));
        }
    }

    /** What each stage computes, in words and formulas; one caption per stage. */
    List<String> stepCaptions() {
        List<String> s = new ArrayList<>();
        s.add("The network: a weight on each arrow" + (labelled ? ", a bias in each unit" : ""));
        if (x == null || batch) {
            return s;
        }
        s.add("A sample arrives: x = " + vector(x) + (t != null ? ", target t = " + vector(t) : ""));
        for (int l = 1; l <= depth; l++) {
            String in = n.h(l - 1, false), out = n.h(l, false), al = n.a(l, false);
            String step = "Forward, layer " + l + ": " + al + " = " + in + "·" + n.weight(l, false) + " + "
                    + n.bias(l, false) + ",  " + out + " = " + net.layer(l).activation().symbol() + "(" + al + ")";
            s.add(step + (l == depth && t != null ? ",  L = " + lossFormula() + " = " + num(g.loss()) : ""));
        }
        if (t == null) {
            return s;
        }
        for (int l = depth; l >= 1; l--) {
            String d = "δ" + (depth == 1 ? "" : n.a(l, false).substring(1));
            if (l == depth) {
                Activation f = net.layer(depth).activation();
                String formula = net.loss().fusedWith(f) || f == Activation.SOFTMAX ? "y − t"
                        : net.loss().derivativeFormula("y", "t", false) + "·"
                        + f.derivativeFormula("y", n.a(depth, false), false);
                s.add("Backward: the output error " + d + " = ∂L/∂" + n.a(depth, false) + " = " + formula);
            } else {
                String next = "δ" + n.a(l + 1, false).substring(1);
                s.add("Backward: " + d + "ⱼ = (Σₖ " + next + "ₖ " + n.weight(l + 1, false) + "ⱼₖ)·"
                        + net.layer(l).activation().derivativeFormula(n.h(l, false) + "ⱼ", n.a(l, false) + "ⱼ", false)
                        + ", each unit's share of the errors above");
            }
            s.add("Backward: ∂L/∂" + n.weight(l, false) + "ᵢⱼ = " + n.h(l - 1, false) + "ᵢ·" + d + "ⱼ,  ∂L/∂"
                    + n.bias(l, false) + "ⱼ = " + d + "ⱼ");
        }
        return s;
    }
}
