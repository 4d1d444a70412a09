package org.backpropkit.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.backpropkit.autodiff.ScalarNetwork;
import org.backpropkit.autodiff.Value;
import org.backpropkit.data.AtomicFiles;

/**
 * The computation graph of a {@link Value}, drawn: every value a box with its operation (or name),
 * its number and its gradient, an arrow from each input to the value computed from it. The kit
 * writes the graph as DOT text; Graphviz's {@code dot} lays it out and draws it.
 * <pre>{@code
 * ScalarNetwork s = ScalarNetwork.of(Article.network(), Article.x(), Article.t());
 * s.loss().backward();
 * ComputationGraph.draw(s)                          // the 2-3-2 loss, weights and biases in blue
 * ComputationGraph.draw(L)                          // any expression
 * ComputationGraph.of(s).save(Path.of("L.svg"))     // .png, .svg or .dot
 * }</pre>
 * Colours (safe for colour-blind readers): weights and biases blue, the loss orange, data (inputs
 * and targets) grey, operations white. Graphs that would be unreadable are refused with a message
 * that says why and what they hold: a picture wider than {@value #MAX_WIDTH} pixels is not shown in
 * a notebook (save it as SVG and zoom instead), and a graph of more than {@value #MAX_VALUES} values
 * is not drawn at all.
 *
 * <p>Deterministic: the same expression gives the same DOT text and the same image. Needs
 * Graphviz ({@code apt-get install graphviz}); without it the error says how to install it.
 */
public final class ComputationGraph {

    /** The most values {@code dot} is asked to draw (about 1.5 s; a 2-3-2 loss has 49). */
    public static final int MAX_VALUES = 500;

    /**
     * The widest picture shown in a notebook, in pixels. A notebook shows images at most about 900
     * pixels wide and shrinks wider ones, labels included: the 2-3-2 loss (1,025 pixels) stays
     * readable, a 2-4-2 loss (1,379) no longer does.
     */
    public static final int MAX_WIDTH = 1300;

    private static final String FONT = "DejaVu Sans";
    private static final String BLUE = "#4E79A7", BLUE_FILL = "#DCE7F3";
    private static final String ORANGE = "#F28E2B", ORANGE_FILL = "#FDE5CC";
    private static final String GREY = "#8C8C8C", GREY_FILL = "#EDEDED";

    private final Value root;
    private final Set<Value> parameters;

    private ComputationGraph(Value root, Collection<Value> parameters) {
        this.root = root;
        this.parameters = Collections.newSetFromMap(new IdentityHashMap<>());
        this.parameters.addAll(parameters);
    }

    /** The graph of {@code root}: every value it was computed from; leaves drawn as data. */
    public static ComputationGraph of(Value root) {
        return new ComputationGraph(root, List.of());
    }

    /** The graph of a scalar network's loss, its weights and biases drawn as parameters. */
    public static ComputationGraph of(ScalarNetwork network) {
        return new ComputationGraph(network.loss(), network.parameters());
    }

    /** The picture of {@code root}'s graph, as a notebook shows it (PNG). */
    public static BufferedImage draw(Value root) {
        return of(root).image();
    }

    /** The picture of a scalar network's loss, weights and biases in blue. */
    public static BufferedImage draw(ScalarNetwork network) {
        return of(network).image();
    }

    /** The graph as DOT text, the input of Graphviz: one node per value, numbered in topological order. */
    public String dot() {
        List<Value> values = root.graph();
        Map<Value, Integer> id = new IdentityHashMap<>();
        StringBuilder dot = new StringBuilder("digraph computation {\n")
                .append("  graph [rankdir=TB, nodesep=0.12, ranksep=0.3, pad=0.15, bgcolor=white, fontname=\"")
                .append(FONT).append("\", fontsize=13, labelloc=t, labeljust=l, label=<").append(caption(values))
                .append(">];\n")
                .append("  node [shape=box, style=\"rounded,filled\", fontname=\"").append(FONT)
                .append("\", fontsize=11, margin=\"0.06,0.03\", height=0.3, penwidth=1.2];\n")
                .append("  edge [color=\"").append(GREY).append("\", arrowsize=0.55, penwidth=1];\n");
        for (Value v : values) {
            id.put(v, id.size());
            String[] colours = colours(v);
            dot.append("  n").append(id.get(v)).append(" [label=<").append(label(v)).append(">, color=\"")
                    .append(colours[0]).append("\", fillcolor=\"").append(colours[1]).append("\"];\n");
        }
        for (Value v : values) {
            for (Value in : v.inputs()) {
                dot.append("  n").append(id.get(in)).append(" -> n").append(id.get(v)).append(";\n");
            }
        }
        return dot.append("}\n").toString();
    }

    /** The picture as PNG bytes, drawn by {@code dot}. */
    public byte[] png() {
        return Graphviz.render(drawable(), "png");
    }

    /** The picture as SVG text (text stays text: small and sharp at any zoom). */
    public String svg() {
        return new String(Graphviz.render(drawable(), "svg"), StandardCharsets.UTF_8);
    }

    /**
     * The picture as an image; a notebook shows it as PNG.
     *
     * @throws IllegalArgumentException if it is wider than {@value #MAX_WIDTH} pixels: too small to read in a notebook
     */
    public BufferedImage image() {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the PNG dot drew: " + e.getMessage(), e);
        }
        if (image.getWidth() > MAX_WIDTH) {
            throw new IllegalArgumentException("this graph of " + root.graph().size() + " values is " + image.getWidth()
                    + " pixels wide; a notebook would shrink it to about 900 and its labels below a readable size "
                    + "(the most shown is " + MAX_WIDTH + "). Draw a smaller network (the 2-3-2 loss is about 1,000 "
                    + "pixels wide), or save it as SVG and zoom: ComputationGraph.of(…).save(Path.of(\"graph.svg\"))");
        }
        return image;
    }

    /** Writes the picture as {@code .png} or {@code .svg}, or the graph as {@code .dot} text, chosen by the file's extension. */
    public Path save(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            AtomicFiles.write(file, png());
        } else if (name.endsWith(".svg")) {
            AtomicFiles.write(file, svg().getBytes(StandardCharsets.UTF_8));
        } else if (name.endsWith(".dot") || name.endsWith(".gv")) {
            AtomicFiles.write(file, dot().getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalArgumentException("save a computation graph as .png, .svg or .dot, got " + file.getFileName());
        }
        return file;
    }

    /** The DOT text of a graph {@code dot} can draw in a moment; a bigger one is refused with a summary. */
    private String drawable() {
        List<Value> values = root.graph();
        if (values.size() <= MAX_VALUES) {
            return dot();
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Value v : values) {
            counts.merge(v.isLeaf() ? "leaves" : v.op().replaceAll(" .*", ""), 1, Integer::sum);
        }
        StringBuilder summary = new StringBuilder();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> summary.append(summary.length() > 0 ? ", " : "").append(e.getValue()).append(' ')
                        .append(e.getKey()));
        throw new IllegalArgumentException("this graph has " + values.size() + " values (" + summary + "), too many to "
                + "draw and read (at most " + MAX_VALUES + "); draw a smaller network (the 2-3-2 loss has 49 values) "
                + "or one part of the expression");
    }

    /** The title, and how to read a box and its colour. */
    private String caption(List<Value> values) {
        String title = root.name().isEmpty() ? "Computation graph" : "Computation graph of " + root.name();
        String colours = parameters.isEmpty() ? "grey: leaves" : "blue: weights and biases, grey: data";
        return "<b>" + escape(title) + "</b> (" + values.size() + " values)<br align=\"left\"/>"
                + "<font point-size=\"11\">each box: operation or name, value; ∇ its gradient ∂" + escape(rootSymbol())
                + "/∂value. " + colours + ", orange: the result</font><br align=\"left\"/>";
    }

    private String rootSymbol() {
        return root.name().isEmpty() ? "(result)" : root.name();
    }

    /** The operation (or a leaf's name) and the value on the first line, the gradient below. */
    private static String label(Value v) {
        String head = v.isLeaf() ? v.name() : v.op() + (v.name().isEmpty() ? "" : " " + v.name());
        return (head.isEmpty() ? "" : "<b>" + escape(head) + "</b>  ") + number(v.data())
                + "<br/><font color=\"#555555\">∇ " + number(v.grad()) + "</font>";
    }

    /** Border and fill: parameters blue, the result orange, other leaves grey, operations white. */
    private String[] colours(Value v) {
        if (v == root) {
            return new String[] {ORANGE, ORANGE_FILL};
        }
        if (parameters.contains(v)) {
            return new String[] {BLUE, BLUE_FILL};
        }
        return v.isLeaf() ? new String[] {GREY, GREY_FILL} : new String[] {GREY, "white"};
    }

    /** Four significant digits, a true minus sign: {@code −0.02282}, {@code 1.5e−5}. */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, Math.abs(v) >= 1e-4 && Math.abs(v) < 1e5 ? "%.4g" : "%.3e", v);
        if (!s.contains("e")) {
            s = s.contains(".") ? s.replaceFirst("0+$", "").replaceFirst("\\.$", "") : s;
        } else {
            s = s.replaceFirst("\\.?0+e", "e").replaceFirst("e([+-])0*(\\d)", "e$1$2").replace("e+", "e");
        }
        return s.replace('-', '−');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
