package org.backpropkit.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.view.ChainPaths.Edge;
import org.backpropkit.view.ChainPaths.Unit;
import org.backpropkit.view.Scene.Box;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the network picture says (names, values, in the kit's notation), where it puts it (nothing
 * overlaps, everything inside the image, every text inside its box), which form it takes, and that it
 * draws the same bytes for the same network. PNGs go to {@code target/pictures/} for eyes.
 */
class NetworkPictureTest {

    private static final Path OUT = Path.of(System.getProperty("pictures.dir", "target/pictures"));
    private static final double[] X = Article.x();
    private static final double[] T = Article.t();

    @BeforeAll
    static void folder() throws IOException {
        Files.createDirectories(OUT);
    }

    private static String late(Box box) {
        return box.title.late();
    }

    @Test
    void theArticlesNetworkIsLabelledInItsOwnNotation() {
        Scene s = NetworkPicture.of(Article.network(), X, T).scene();
        assertTrue(s.labelled);
        List<String> names = new ArrayList<>();
        for (Box box : s.boxes.values()) {
            names.add(box.title.early());
        }
        assertEquals(List.of("x₁", "x₂", "h₁", "h₂", "h₃", "y₁", "y₂"), names);
        // the article's weights, w row by row then u, each on the arrow it labels
        Map<Edge, String> weights = Map.ofEntries(Map.entry(new Edge(1, 0, 0), "w₁₁ = 0.1"),
                Map.entry(new Edge(1, 0, 1), "w₁₂ = −0.2"), Map.entry(new Edge(1, 0, 2), "w₁₃ = 0.3"),
                Map.entry(new Edge(1, 1, 0), "w₂₁ = 0.4"), Map.entry(new Edge(1, 1, 1), "w₂₂ = 0.5"),
                Map.entry(new Edge(1, 1, 2), "w₂₃ = −0.6"), Map.entry(new Edge(2, 0, 0), "u₁₁ = 0.7"),
                Map.entry(new Edge(2, 0, 1), "u₁₂ = −0.8"), Map.entry(new Edge(2, 1, 0), "u₂₁ = 0.9"),
                Map.entry(new Edge(2, 1, 1), "u₂₂ = 0.1"), Map.entry(new Edge(2, 2, 0), "u₃₁ = −0.2"),
                Map.entry(new Edge(2, 2, 1), "u₃₂ = 0.3"));
        assertEquals(12, s.arrows.size());
        for (Scene.Arrow arrow : s.arrows) {
            assertEquals(weights.get(arrow.edge), arrow.lines.get(0).late());
            assertTrue(arrow.lines.get(1).late().startsWith("∂L/∂" + weights.get(arrow.edge).split(" ")[0] + " = "));
        }
        assertEquals("b⁽¹⁾₃ = −0.1", s.box(1, 2).lines.get(0).late());
        assertEquals("b⁽²⁾₁ = 0.2", s.box(2, 0).lines.get(0).late());
    }

    @Test
    void unitsShowTheForwardValuesAndErrorsComputedByHand() {
        Scene s = NetworkPicture.of(Article.network(), X, T).scene();
        double a1 = 0.5 * 0.1 + 0.8 * 0.4 + 0.1;                     // a⁽¹⁾₁ = x₁w₁₁ + x₂w₂₁ + b⁽¹⁾₁ = 0.47
        double h1 = 1 / (1 + Math.exp(-a1));
        double h2 = 1 / (1 + Math.exp(-(0.5 * -0.2 + 0.8 * 0.5 + 0.2)));
        double h3 = 1 / (1 + Math.exp(-(0.5 * 0.3 + 0.8 * -0.6 - 0.1)));
        double y1 = 1 / (1 + Math.exp(-(h1 * 0.7 + h2 * 0.9 + h3 * -0.2 + 0.2)));
        assertEquals("h₁ = 0.6154", late(s.box(1, 0)));
        assertEquals(String.format("%.4f", h1), "0.6154");
        assertEquals("a⁽¹⁾₁ = 0.47", s.box(1, 0).lines.get(1).late());
        assertEquals("y₁ = " + String.format("%.4f", y1), late(s.box(2, 0)));
        assertEquals("t₁ = 1", s.box(2, 0).lines.get(2).late());
        double delta1 = (y1 - 1) * y1 * (1 - y1);                     // δ₁ = (y₁ − t₁) y₁ (1 − y₁)
        assertEquals("δ⁽²⁾₁ = " + String.format("%.4g", delta1).replace('-', '−'), s.box(2, 0).lines.get(3).late());
        assertEquals(Math.abs(delta1), Math.abs(s.box(2, 0).lines.get(3).value()), 1e-15);
        assertTrue(s.loss.title.late().startsWith("L = "));
    }

    @Test
    void deeperNetworksNameEveryLayer() {
        Scene s = NetworkPicture.of(Network.of(2, 3, 3, 2).seed(3), X, T).scene();
        assertEquals("h⁽²⁾₁", s.box(2, 0).title.early());
        assertEquals("y₂", s.box(3, 1).title.early());
        assertFalse(s.labelled, "four columns of boxes and tabs would be wider than a notebook: compact");
        Scene labelled = NetworkPicture.of(Network.of(2, 2, 2, 1).seed(3), X, new double[] {1}).size(1300, 0).scene();
        assertTrue(labelled.labelled);
        assertTrue(labelled.arrows.stream().anyMatch(a -> a.lines.get(0).late().startsWith("w⁽³⁾₂₁ = ")));
    }

    @Test
    void theFormFollowsTheWidestLayer() {
        assertTrue(NetworkPicture.of(Article.network()).isLabelled());
        assertTrue(NetworkPicture.of(Network.of(4, 3, 4).seed(1)).isLabelled());
        assertFalse(NetworkPicture.of(Network.of(4, 4, 4).seed(1)).isLabelled(), "16 arrows between two layers");
        assertFalse(NetworkPicture.of(Article.network()).compact().isLabelled());
        assertFalse(NetworkPicture.of(Network.of(2, 12, 2).seed(1)).isSummary());
        assertTrue(NetworkPicture.of(Network.of(2, 13, 2).seed(1)).isSummary());
        assertTrue(NetworkPicture.of(Network.of(64, 32, 10).seed(1)).isSummary());
    }

    /** Every box, tab and the loss box: inside the picture, below its header, and apart from each other. */
    private static void assertNothingOverlaps(NetworkPicture p, String what) {
        Layout l = p.layout();
        List<Rectangle2D> all = new ArrayList<>(l.units.values());
        all.addAll(l.labels.values());
        if (l.loss != null) {
            all.add(l.loss);
        }
        for (int a = 0; a < all.size(); a++) {
            Rectangle2D r = all.get(a);
            assertTrue(r.getMinX() >= 0 && r.getMaxX() <= l.width && r.getMinY() >= l.headerBottom
                    && r.getMaxY() <= l.footerTop, what + ": " + r + " leaves the picture's body");
            for (int b = a + 1; b < all.size(); b++) {
                Rectangle2D i = all.get(a).createIntersection(all.get(b));
                assertFalse(i.getWidth() > 0.01 && i.getHeight() > 0.01, what + ": " + all.get(a) + " overlaps " + all.get(b));
            }
        }
    }

    /** Each text of a box or tab fits inside it, at every stage. */
    private static void assertTextFits(NetworkPicture p, String what) {
        Scene s = p.scene();
        Layout l = p.layout();
        if (!l.labelled) {
            return;
        }
        for (Box box : s.boxes.values()) {
            for (Scene.Line line : box.all()) {
                assertTrue(Layout.lineWidth(line) + 2 * Layout.BOX_PAD_X <= l.units.get(box.unit).getWidth() + 0.5,
                        what + ": '" + line.late() + "' is wider than its box");
            }
            assertTrue(Layout.linesHeight(box.all()) <= l.units.get(box.unit).getHeight(), what + ": box of " + box.title.early());
        }
        for (Scene.Arrow arrow : s.arrows) {
            Rectangle2D tab = l.labels.get(arrow.edge);
            for (Scene.Line line : arrow.lines) {
                assertTrue(Layout.lineWidth(line) + 2 * Layout.LABEL_PAD <= tab.getWidth(), what + ": " + line.late());
            }
            assertTrue(Layout.linesHeight(arrow.lines) <= tab.getHeight(), what + ": tab of " + arrow.edge);
        }
    }

    @Test
    void nothingOverlapsAndEveryTextFitsItsBox() {
        Network article = Article.network();
        List<NetworkPicture> pictures = List.of(NetworkPicture.of(article), NetworkPicture.of(article, X),
                NetworkPicture.of(article, X, T), NetworkPicture.of(article, X, T).highlight("w11"),
                NetworkPicture.of(article).highlight("b(1)2"), NetworkPicture.of(article, X, T).compact(),
                NetworkPicture.of(Network.of(4, 3, 4).seed(2), new double[] {1, -2, 0.5, 3}, new double[] {0, 1, 0, 1}),
                NetworkPicture.of(Network.of(2, 1).seed(3), X, new double[] {1}),
                NetworkPicture.of(Network.of(2, 3, 3, 2).seed(3), X, T).highlight("w(1)11"),
                NetworkPicture.of(Network.of(3, 12, 12, 2).hidden(Activation.TANH).loss(Loss.CROSS_ENTROPY).seed(1),
                        new double[] {1, 2, 3}, new double[] {0, 1}),
                NetworkPicture.gradients(article, Matrix.of(X, new double[] {0.1, -0.3}), Matrix.of(T, new double[] {0, 1})));
        for (NetworkPicture p : pictures) {
            String what = p.toString().lines().findFirst().orElseThrow();
            assertNothingOverlaps(p, what);
            assertTextFits(p, what);
        }
    }

    @Test
    void theLabelledArticlePictureFitsANotebook() {
        NetworkPicture full = NetworkPicture.of(Article.network(), X, T).highlight("w11");
        assertTrue(full.width() <= 1000, "a notebook shows about 1000 pixels without shrinking: " + full.width());
    }

    @Test
    void theSameNetworkAndSampleGiveTheSameBytes() throws IOException {
        byte[] first = NetworkPicture.of(Article.network(), X, T).highlight("w11").png();
        byte[] again = NetworkPicture.of(Article.network(), X, T).highlight("w11").png();
        assertArrayEquals(first, again);
        byte[] other = NetworkPicture.of(Article.network(), new double[] {0.5, 0.9}, T).highlight("w11").png();
        assertFalse(java.util.Arrays.equals(first, other), "another sample, another picture");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first));
        NetworkPicture p = NetworkPicture.of(Article.network(), X, T).highlight("w11");
        assertEquals(p.width(), image.getWidth());
        assertEquals(p.height(), image.getHeight());
        p.save(OUT.resolve("article-w11.png"));
    }

    @Test
    void aPictureIsASnapshotOfTheNetwork() {
        Network net = Article.network();
        NetworkPicture before = NetworkPicture.of(net, X, T);
        byte[] png = before.png();
        net.set("u11", 5);
        assertArrayEquals(png, before.png());
        assertFalse(java.util.Arrays.equals(png, NetworkPicture.of(net, X, T).png()));
    }

    @Test
    void svgIsOffered() {
        String svg = new String(NetworkPicture.of(Article.network()).svg(), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
    }

    @Test
    void theHighlightOffersItsDerivationAndPaths() {
        NetworkPicture p = NetworkPicture.of(Article.network(), X, T).highlight("w11");
        assertEquals(Article.network().gradients(X, T).of("w11"), p.derivation().value(), 1e-15);
        assertEquals(2, p.paths().count());
        assertTrue(p.toString().contains("∂L/∂w₁₁ adds up 2 paths"), p.toString());
        assertTrue(p.toString().contains("= x₁·h₁(1 − h₁)·u₁₁·δ⁽²⁾₁ + x₁·h₁(1 − h₁)·u₁₂·δ⁽²⁾₂"), p.toString());
    }

    @Test
    void mistakesAreExplained() {
        Network net = Article.network();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkPicture.of(net, new double[] {1, 2, 3}));
        assertEquals("x has 3 values, the network takes 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkPicture.of(net, X).highlight("v11"));
        assertTrue(e.getMessage().startsWith("unknown parameter 'v11'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkPicture.of(net, X).highlight("w11").derivation());
        assertTrue(e.getMessage().contains("NetworkPicture.of(net, x, t).highlight(\"w11\").derivation()"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkPicture.of(net).paths());
        assertTrue(e.getMessage().startsWith("paths() belongs to a highlighted parameter"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkPicture.of(net).size(-1, 10));
        assertEquals("a picture size is at least 0 × 0 pixels, got -1 × 10", e.getMessage());
    }

    @Test
    void aWideNetworkIsSummarisedByLayer() throws IOException {
        Network big = Network.of(64, 32, 10).hidden(Activation.RELU).loss(Loss.CROSS_ENTROPY).seed(7);
        double[] x = new double[64];
        for (int i = 0; i < 64; i++) {
            x[i] = Math.sin(i);
        }
        double[] t = new double[10];
        t[3] = 1;
        NetworkPicture p = NetworkPicture.of(big, x, t);
        String text = p.toString();
        assertTrue(text.startsWith("64-32-10 network: ReLU hidden, softmax output, cross-entropy loss · by layer"), text);
        String w = "w: 64 × 32, ‖w‖ = " + Ink.number(big.layer(1).w().norm()) + ", ‖∇w‖ = "
                + Ink.number(big.gradients(x, t).w(1).norm());
        assertTrue(text.contains(w), text);
        p.save(OUT.resolve("summary-64-32-10.png"));
        assertEquals(8, p.steps().size(), "the summary steps through the same stages");
    }

    @Test
    void numbersPrintWithFourSignificantDigitsAndATrueMinus() {
        assertEquals("0.6154", Ink.number(0.61538));
        assertEquals("−0.003932", Ink.number(-0.0039321));
        assertEquals("0.1", Ink.number(0.1));
        assertEquals("0", Ink.number(0));
        assertEquals("−1.473e−4", Ink.number(-1.4731e-4));
        assertEquals("2.5e5", Ink.number(250000));
    }

    @Test
    void everyPictureOfTheGalleryIsDrawn() throws IOException {
        Network article = Article.network();
        Map<String, NetworkPicture> gallery = Map.of(
                "article", NetworkPicture.of(article),
                "article-forward", NetworkPicture.of(article, X),
                "article-full", NetworkPicture.of(article, X, T),
                "article-u21", NetworkPicture.of(article, X, T).highlight("u21"),
                "deep-w11", NetworkPicture.of(Network.of(2, 3, 3, 2).seed(3), X, T).highlight("w(1)11"),
                "moons-net", NetworkPicture.of(Network.of(2, 8, 8, 2).hidden(Activation.TANH).loss(Loss.CROSS_ENTROPY)
                        .seed(3), X, T));
        for (Map.Entry<String, NetworkPicture> e : gallery.entrySet()) {
            BufferedImage image = e.getValue().image();
            int white = image.getRGB(0, 0), other = 0;
            for (int x = 0; x < image.getWidth(); x += 7) {
                for (int y = 0; y < image.getHeight(); y += 7) {
                    other += image.getRGB(x, y) != white ? 1 : 0;
                }
            }
            assertTrue(other > 100, e.getKey() + " looks blank");
            e.getValue().save(OUT.resolve(e.getKey() + ".png"));
        }
    }

    @Test
    void unitsOnThePathIncludeTheWeightsInput() {
        Scene s = NetworkPicture.of(Article.network(), X, T).highlight("w21").scene();
        List<Unit> marked = new ArrayList<>();
        for (Box box : s.boxes.values()) {
            if (box.onPath) {
                marked.add(box.unit);
            }
        }
        assertEquals(List.of(new Unit(0, 1), new Unit(1, 0), new Unit(2, 0), new Unit(2, 1)), marked);
    }
}
