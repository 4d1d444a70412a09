package org.backpropkit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.backpropkit.autodiff.ScalarNetwork;
import org.backpropkit.autodiff.Value;
import org.backpropkit.core.Article;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The computation graph's DOT text (exactly, for a small expression), its picture drawn by Graphviz's
 * dot (size, colours, same bytes twice), and the errors for graphs too big to read and for a missing
 * or failing dot. The 2-3-2 picture also goes to {@code target/plots/} for eyes.
 */
class ComputationGraphTest {

    private static final Path OUT = Path.of(System.getProperty("plots.dir", "target/plots"));

    private static ScalarNetwork article() {
        ScalarNetwork s = ScalarNetwork.of(Article.network(), Article.x(), Article.t());
        s.loss().backward();
        return s;
    }

    @Test
    void smallExpressionGivesExactlyThisDotText() {
        Value a = Value.of(2, "a"), b = Value.of(-3, "b");
        Value L = a.mul(b).add(a.tanh()).named("L");
        L.backward();
        String grey = ", color=\"#8C8C8C\", fillcolor=\"#EDEDED\"];\n";
        String white = ", color=\"#8C8C8C\", fillcolor=\"white\"];\n";
        String dot = ComputationGraph.of(L).dot();
        assertTrue(dot.startsWith("digraph computation {\n  graph [rankdir=TB"), dot);
        assertTrue(dot.contains("label=<<b>Computation graph of L</b> (5 values)"), dot);
        assertTrue(dot.endsWith(""
                + "  n0 [label=<<b>a</b>  2<br/><font color=\"#555555\">∇ −2.929</font>>" + grey
                + "  n1 [label=<<b>b</b>  −3<br/><font color=\"#555555\">∇ 2</font>>" + grey
                + "  n2 [label=<<b>×</b>  −6<br/><font color=\"#555555\">∇ 1</font>>" + white
                + "  n3 [label=<<b>tanh</b>  0.964<br/><font color=\"#555555\">∇ 1</font>>" + white
                + "  n4 [label=<<b>+ L</b>  −5.036<br/><font color=\"#555555\">∇ 1</font>>, color=\"#F28E2B\", "
                + "fillcolor=\"#FDE5CC\"];\n"
                + "  n0 -> n2;\n  n1 -> n2;\n  n0 -> n3;\n  n2 -> n4;\n  n3 -> n4;\n}\n"), dot);
    }

    @Test
    void articleGraphHasEveryValueAndEdgeWithParametersInBlue() {
        String dot = ComputationGraph.of(article()).dot();
        assertEquals(49, count(dot, "[label=<"));
        assertEquals(55, count(dot, " -> "));           // 12 ×·2 + 3 Σ·3 + 3 σ + 2 Σ·4 + 2 σ + 2 −·2 + 2 ^2 + Σ·2 + × 0.5
        assertEquals(17, count(dot, "fillcolor=\"#DCE7F3\""));   // w, u and both biases
        assertEquals(4, count(dot, "fillcolor=\"#EDEDED\""));    // x₁, x₂, t₁, t₂
        assertEquals(1, count(dot, "fillcolor=\"#FDE5CC\""));    // L
        assertTrue(dot.contains("<b>u₁₁</b>  0.7<br/><font color=\"#555555\">∇ −0.02836</font>"), dot);
        assertTrue(dot.contains("<b>σ h₁</b>  0.6154<br/><font color=\"#555555\">∇ −0.0964</font>"), dot);
        assertTrue(dot.contains("<b>× 0.5 L</b>  0.09245<br/><font color=\"#555555\">∇ 1</font>"), dot);
    }

    @Test
    void articlePictureIsReadableAtNotebookWidthAndTheSameEveryTime() throws IOException {
        ComputationGraph graph = ComputationGraph.of(article());
        byte[] first = graph.png(), second = graph.png();
        assertArrayEquals(first, second, "same graph, same bytes");
        BufferedImage image = graph.image();
        assertTrue(image.getWidth() > 800 && image.getWidth() <= ComputationGraph.MAX_WIDTH, "width " + image.getWidth());
        assertTrue(image.getHeight() > 500 && image.getHeight() < 1000, "height " + image.getHeight());
        int[] colours = {0xDCE7F3, 0xFDE5CC, 0xEDEDED};
        for (int colour : colours) {
            assertTrue(has(image, colour), String.format("a box filled with #%06X", colour));
        }
        Files.createDirectories(OUT);
        graph.save(OUT.resolve("computation-graph-2-3-2.png"));
        Path svg = graph.save(OUT.resolve("computation-graph-2-3-2.svg"));
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg") && text.contains("u₁₁") && text.contains("−0.02836"), "SVG keeps its text");
    }

    @Test
    void savingChoosesTheFormatByExtension(@TempDir Path dir) throws IOException {
        Value a = Value.of(1.5, "a");
        Value L = a.mul(a).named("L");
        ComputationGraph graph = ComputationGraph.of(L);
        assertEquals(graph.dot(), Files.readString(graph.save(dir.resolve("L.dot")), StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                Arrays.copyOf(Files.readAllBytes(graph.save(dir.resolve("L.png"))), 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> graph.save(dir.resolve("L.jpg")));
        assertEquals("save a computation graph as .png, .svg or .dot, got L.jpg", e.getMessage());
    }

    @Test
    void aPictureTooWideToReadIsRefusedButCanBeSaved(@TempDir Path dir) {
        ScalarNetwork s = ScalarNetwork.of(Network.of(3, 4, 2).seed(3), new double[] {1, 2, 3}, new double[] {1, 0});
        s.loss().backward();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputationGraph.draw(s));
        assertTrue(e.getMessage().startsWith("this graph of 69 values is "), e.getMessage());
        assertTrue(e.getMessage().contains("save it as SVG and zoom"), e.getMessage());
        assertTrue(Files.isRegularFile(ComputationGraph.of(s).save(dir.resolve("wide.svg"))));
    }

    @Test
    void aGraphTooBigToDrawIsSummarisedInstead() {
        Network big = Network.of(8, 16, 8).seed(1);
        ScalarNetwork s = ScalarNetwork.of(big, new double[8], new double[8]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputationGraph.of(s).png());
        // leaves: x 8, t 8, w⁽¹⁾ 128, b⁽¹⁾ 16, w⁽²⁾ 128, b⁽²⁾ 8; × 128 + 128 and × 0.5; Σ 16 + 8 + 1; σ 16 + 8
        assertEquals("this graph has 618 values (296 leaves, 257 ×, 25 Σ, 24 σ, 8 ^2, 8 −), too many to draw and read "
                + "(at most 500); draw a smaller network (the 2-3-2 loss has 49 values) or one part of the expression",
                e.getMessage());
        assertTrue(ComputationGraph.of(s).dot().startsWith("digraph"), "the DOT text is always there");
    }

    @Test
    void missingDotSaysHowToInstallIt(@TempDir Path dir) throws IOException {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Graphviz.find(dir.toString()));
        assertEquals("drawing a graph needs Graphviz's dot program, which is not on the PATH (" + dir + "); "
                + Graphviz.INSTALL, e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install graphviz"));
        assertThrows(IllegalStateException.class, () -> Graphviz.find(null));
        Path fake = Files.createFile(dir.resolve("dot"));
        assertThrows(IllegalStateException.class, () -> Graphviz.find(dir.toString()), "a dot that cannot run");
        fake.toFile().setExecutable(true);
        assertEquals(fake, Graphviz.find("/nonexistent:" + dir));
    }

    @Test
    void dotsOwnComplaintComesBackInTheException() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Graphviz.render("digraph { a -> }", "png"));
        assertTrue(e.getMessage().startsWith("dot failed (exit code 1): Error: <stdin>: syntax error in line 1"),
                e.getMessage());
    }

    @Test
    void numbersHaveFourSignificantDigitsAndATrueMinus() {
        assertEquals("−0.02282", ComputationGraph.number(-0.022815881514490013));
        assertEquals("0.09245", ComputationGraph.number(0.0924470053716236));
        assertEquals("1.112", ComputationGraph.number(1.1121567612418486));
        assertEquals("0.5", ComputationGraph.number(0.5));
        assertEquals("−3", ComputationGraph.number(-3));
        assertEquals("0", ComputationGraph.number(0));
        assertEquals("1.5e−5", ComputationGraph.number(1.5e-5));
        assertEquals("−2.346e12", ComputationGraph.number(-2.3456e12));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int k = text.indexOf(part); k >= 0; k = text.indexOf(part, k + 1)) {
            n++;
        }
        return n;
    }

    private static boolean has(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
