package org.backpropkit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Interrupted;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.data.DataSet;
import org.backpropkit.data.Examples;
import org.backpropkit.train.History;
import org.backpropkit.train.Trainer;
import org.backpropkit.train.TrainingDiverged;
import org.backpropkit.train.TrainingInterrupted;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Renders every chart headless and checks what it holds. The PNGs also go to
 * {@code target/plots/} (or {@code -Dplots.dir=…}) so a person can look at them.
 */
class PlotTest {

    private static final Path OUT = Path.of(System.getProperty("plots.dir", "target/plots"));
    private static final Matrix X = Matrix.row(Article.x());
    private static final Matrix T = Matrix.row(Article.t());

    private static History article(double eta, int epochs) {
        return Trainer.sgd(eta).epochs(epochs).track("w11", "u21", "b(1)3").train(Article.network(), X, T);
    }

    @BeforeAll
    static void folder() throws IOException {
        Files.createDirectories(OUT);
    }

    /** Writes the PNG for eyes, and checks it decodes to a 700 × 450 image that is not blank. */
    private static BufferedImage render(XYChart chart, String name) throws IOException {
        byte[] png = Plot.png(chart);
        Plot.save(chart, OUT.resolve(name + ".png"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(700, image.getWidth());
        assertEquals(450, image.getHeight());
        int white = image.getRGB(0, 0), other = 0;
        for (int x = 0; x < image.getWidth(); x += 5) {
            for (int y = 0; y < image.getHeight(); y += 5) {
                other += image.getRGB(x, y) != white ? 1 : 0;
            }
        }
        assertTrue(other > 500, "the chart looks blank: " + other + " sampled pixels differ from the background");
        assertArrayEquals(png, Plot.png(chart), "the same chart must give the same bytes");
        return image;
    }

    /** The series a reader sees: all but the invisible helper that makes epoch ticks round. */
    private static List<String> names(XYChart chart) {
        return chart.getSeriesMap().keySet().stream().filter(n -> !n.equals(Style.TICK_HELPER)).toList();
    }

    private static XYSeries series(XYChart chart, String name) {
        XYSeries s = chart.getSeriesMap().get(name);
        assertTrue(s != null, "no series '" + name + "'; the chart has " + chart.getSeriesMap().keySet());
        return s;
    }

    @Test
    void lossCurvesOfThreeLearningRates() throws IOException {
        XYChart chart = Plot.loss(article(0.1, 200), article(0.5, 200), article(2, 200));
        assertEquals(List.of("η = 0.1", "η = 0.5", "η = 2"), names(chart));
        assertEquals("epoch", chart.getXAxisTitle());
        assertTrue(chart.getStyler().isLegendVisible());
        assertEquals(201, series(chart, "η = 0.5").getXData().length);
        render(chart, "loss");
    }

    @Test
    void logScaleLossCurve() throws IOException {
        History run = article(0.5, 500);
        XYChart chart = Plot.loss(Scale.LOG, run);
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertFalse(chart.getStyler().isLegendVisible(), "one series needs no legend");
        assertEquals("Loss during training (η = 0.5)", chart.getTitle());
        assertEquals(run.loss(0), series(chart, "η = 0.5").getYData()[0]);
        render(chart, "loss-log");
    }

    @Test
    void recordedCurvesDrawAsRunsDo() {
        History run = article(0.5, 50);
        Map<String, double[]> curves = new java.util.LinkedHashMap<>();
        curves.put("training", run.loss());
        curves.put("held-out", new double[] {0.3, 0.2, 0.1});
        XYChart chart = Plot.lossCurves(Scale.LINEAR, curves);
        assertEquals(List.of("training", "held-out"), names(chart));
        assertArrayEquals(run.loss(), series(chart, "training").getYData());
        assertEquals("Loss during training", chart.getTitle());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.lossCurves(Scale.LOG, Map.of("flat", new double[] {0.1, 0})));
        assertEquals("a log scale needs losses above 0, but 'flat' has loss 0.0 at epoch 1; use Scale.LINEAR",
                e.getMessage());
        XYChart weights = Plot.weightCurves(Map.of(run.tracked("w11"), run.trajectory("w11")));
        assertEquals(List.of("w₁₁"), names(weights));
        assertEquals(Plot.weights(run, "w11").getSeriesMap().get("w₁₁").getYData().length,
                weights.getSeriesMap().get("w₁₁").getYData().length);
    }

    @Test
    void labelledRunsKeepTheirLabels() {
        XYChart chart = Plot.loss(Map.of("mine", article(0.5, 10)));
        assertEquals(List.of("mine"), names(chart));
    }

    @Test
    void weightTrajectoriesUseTheArticlesNames() throws IOException {
        History run = article(0.5, 300);
        XYChart chart = Plot.weights(run);
        assertEquals(List.of("w₁₁", "u₂₁", "b⁽¹⁾₃"), names(chart));
        assertEquals(0.1, series(chart, "w₁₁").getYData()[0]);
        render(chart, "weights");
        XYChart one = Plot.weights(run, "u21");
        assertEquals("u₂₁", one.getYAxisTitle());
    }

    private static int indexOf(double[] values, double wanted) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError(wanted + " is not among the x values");
    }

    @Test
    void activationsAndDerivatives() throws IOException {
        XYChart chart = Plot.activations();
        assertEquals(List.of("σ(a)", "σ′(a)", "tanh(a)", "tanh′(a)", "ReLU(a)", "ReLU′(a)"),
                names(chart));
        XYSeries slope = series(chart, "σ′(a)");
        int zero = indexOf(slope.getXData(), 1e-12);
        assertEquals(0.25, slope.getYData()[zero], 1e-12); // σ'(0) = σ(0)(1 − σ(0)) = 1/4
        XYSeries relu = series(chart, "ReLU′(a)");
        assertEquals(0.0, relu.getYData()[indexOf(relu.getXData(), -1e-12)]); // the step: 0 left of 0, 1 right
        assertEquals(1.0, relu.getYData()[indexOf(relu.getXData(), 1e-12)]);
        render(chart, "activations");
        assertThrows(IllegalArgumentException.class, () -> Plot.activations(Activation.SOFTMAX));
    }

    @Test
    void theSigmoidAloneGetsAValueAxisThatFitsItSoItsSlopeIsNotFlattened() throws IOException {
        XYChart alone = Plot.activations(Activation.SIGMOID);
        double min = alone.getStyler().getYAxisMin(), max = alone.getStyler().getYAxisMax();
        assertTrue(min < 0 && min > -0.1 && max > 1 && max < 1.1, "σ and σ′ lie in (0, 1): axis " + min + " to " + max);
        assertTrue(0.25 / (max - min) > 0.2, "σ′'s peak of ¼ should fill over a fifth of the axis");
        render(alone, "activations-sigmoid");
        XYChart all = Plot.activations();  // ReLU grows without bound: the axis stops at 2, tanh reaches −1
        assertEquals(2.0, all.getStyler().getYAxisMax());
        assertTrue(all.getStyler().getYAxisMin() <= -1 && all.getStyler().getYAxisMin() >= -1.2);
    }

    @Test
    void aLossSurfaceWithoutAPathMarksTheCurrentValuesItIsCentredOn() throws IOException {
        Network net = Article.network();
        XYChart chart = Plot.lossSurface(net, Article.x(), Article.t(), "u11", "u12");
        XYSeries now = series(chart, "now (0.7, -0.8)");
        assertEquals(0.7, now.getXData()[0]);
        assertEquals(-0.8, now.getYData()[0]);
        assertEquals(0.7, (chart.getStyler().getXAxisMin() + chart.getStyler().getXAxisMax()) / 2, 1e-12);
        assertEquals(-0.8, (chart.getStyler().getYAxisMin() + chart.getStyler().getYAxisMax()) / 2, 1e-12);
        render(chart, "loss-surface-now");
    }

    @Test
    void lossSurfacePathStartsAtTheInitialWeights() throws IOException {
        Network net = Article.network();
        History run = Trainer.sgd(2).epochs(300).track("w11", "u21").train(net, X, T);
        XYChart chart = Plot.lossSurface(net, X, T, run, "w11", "u21");
        XYSeries path = series(chart, "descent path");
        assertEquals(0.1, path.getXData()[0]); // w₁₁ before training
        assertEquals(0.9, path.getYData()[0]); // u₂₁ before training
        assertEquals(net.get("w11"), path.getXData()[300]);
        assertEquals(0.1, series(chart, "start (epoch 0)").getXData()[0]);
        assertEquals(net.get("u21"), series(chart, "end (epoch 300)").getYData()[0]);
        assertEquals("w₁₁", chart.getXAxisTitle());
        assertEquals("u₂₁", chart.getYAxisTitle());
        long contours = chart.getSeriesMap().keySet().stream().filter(n -> n.startsWith("L = ")).count();
        assertTrue(contours >= 5, "expected several contour levels, got " + contours);
        render(chart, "loss-surface");
    }

    @Test
    void descentOnTwoWeightsFollowsTheUpdateRuleFromTheInitialWeights() throws IOException {
        Network net = Article.network();
        XYChart chart = Plot.descent(net, X, T, "w11", "u21", 5, 40);
        XYSeries path = series(chart, "descent path");
        assertEquals(0.1, path.getXData()[0]);
        assertEquals(0.9, path.getYData()[0]);
        Network check = Article.network(); // one step by hand: θ ← θ − η ∂L/∂θ
        double w11 = 0.1 - 5 * check.gradients(X, T).of("w11");
        double u21 = 0.9 - 5 * check.gradients(X, T).of("u21");
        assertEquals(w11, path.getXData()[1], 1e-15);
        assertEquals(u21, path.getYData()[1], 1e-15);
        assertEquals(0.1, net.get("w11"), "the network itself must not move");
        assertEquals(41, path.getXData().length);
        assertEquals(path.getXData()[40], series(chart, "end (step 40)").getXData()[0]);
        render(chart, "descent");
    }

    @Test
    void lossSurfaceContourLiesAtItsLevel() {
        Network net = Article.network();
        XYChart chart = Plot.lossSurface(net, X, T, "w11", "u11");
        String name = chart.getSeriesMap().keySet().stream().filter(n -> n.startsWith("L = ")).findFirst().orElseThrow();
        double level = Double.parseDouble(name.substring(4));
        XYSeries line = series(chart, name);
        Network probe = Article.network();
        for (int k = 0; k < line.getXData().length; k += 7) {
            if (!Double.isNaN(line.getXData()[k])) {
                probe.set("w11", line.getXData()[k]);
                probe.set("u11", line.getYData()[k]);
                assertEquals(level, probe.loss(X, T), 2e-3 * Math.max(1, level), "contour point " + k);
            }
        }
    }

    @Test
    void lossSurfaceNeedsTrackedWeights() {
        Network net = Article.network();
        History run = Trainer.sgd(1).epochs(3).track("w11").train(net, X, T);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.lossSurface(net, X, T, run, "w11", "u21"));
        assertTrue(e.getMessage().contains("did not track u21"), e.getMessage());
    }

    @Test
    void decisionBoundaryOfATrainedMoonsClassifier() throws IOException {
        Examples moons = DataSet.load("moons").inputs("x1", "x2").targets("t");
        Network net = Network.of(2, 8, 1).hidden(Activation.TANH).loss(Loss.BINARY_CROSS_ENTROPY).seed(3);
        Trainer.sgd(0.5).epochs(400).batchSize(20).seed(1).train(net, moons.x(), moons.t());
        XYChart chart = Plot.decisionBoundary(net, moons);
        assertEquals(100, series(chart, "t = 0").getXData().length);
        assertEquals(100, series(chart, "t = 1").getXData().length);
        assertTrue(chart.getSeriesMap().containsKey("boundary"));
        assertFalse(series(chart, "region t = 0").isShowInLegend());
        render(chart, "decision-moons");
    }

    @Test
    void decisionRegionsOfThreeClasses() throws IOException {
        Examples iris = DataSet.load("iris").inputs("petal_length", "petal_width").oneHot("species");
        Network net = Network.of(2, 6, 3).loss(Loss.CROSS_ENTROPY).seed(2);
        Trainer.sgd(0.5).epochs(300).batchSize(10).seed(1).train(net, iris.x(), iris.t());
        XYChart chart = Plot.decisionBoundary(net, iris);
        assertEquals(50, series(chart, "setosa").getXData().length);
        assertEquals("petal_length", chart.getXAxisTitle());
        render(chart, "decision-iris");
    }

    @Test
    void decisionBoundaryNeedsTwoInputs() {
        Examples iris = DataSet.load("iris").inputs("petal_length", "petal_width", "sepal_width").oneHot("species");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.decisionBoundary(Network.of(3, 3).seed(1), iris));
        assertTrue(e.getMessage().contains("the examples have 3 inputs"), e.getMessage());
    }

    @Test
    void sameInputGivesTheSameImage() {
        assertArrayEquals(Plot.png(Plot.activations()), Plot.png(Plot.activations()));
        assertArrayEquals(Plot.png(Plot.descent(Article.network(), X, T, "w11", "u21", 5, 10)),
                Plot.png(Plot.descent(Article.network(), X, T, "w11", "u21", 5, 10)));
        Examples moons = DataSet.load("moons").inputs("x1", "x2").targets("t");
        assertArrayEquals(Plot.png(Plot.decisionBoundary(Network.of(2, 4, 1).seed(5), moons)),
                Plot.png(Plot.decisionBoundary(Network.of(2, 4, 1).seed(5), moons)));
    }

    @Test
    void savesSvgAndRefusesOtherFormats(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path svg = Plot.save(Plot.activations(), dir.resolve("a.svg"));
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.length() > 1000, "not an SVG: " + text.length() + " chars");
        assertThrows(IllegalArgumentException.class, () -> Plot.save(Plot.activations(), dir.resolve("a.jpg")));
    }

    @Test
    void oneSampleAsArraysDrawsTheSameAsAOneRowBatch() {
        Network net = Article.network();
        assertArrayEquals(Plot.png(Plot.lossSurface(net, X, T, "w11", "u11")),
                Plot.png(Plot.lossSurface(net, Article.x(), Article.t(), "w₁₁", "u₁₁")));
        assertArrayEquals(Plot.png(Plot.descent(net, X, T, "w11", "u21", 5, 10)),
                Plot.png(Plot.descent(net, Article.x(), Article.t(), "w11", "u21", 5, 10)));
    }

    @Test
    void descentThatOvershootsIsReportedAsDivergence() {
        Network net = Network.of(2, 3, 2).output(Activation.IDENTITY).seed(3);
        TrainingDiverged e = assertThrows(TrainingDiverged.class,
                () -> Plot.descent(net, Article.x(), Article.t(), "u11", "u21", 1e6, 400));
        assertTrue(e.getMessage().startsWith("Training diverged:"), e.getMessage());
    }

    @Test
    void anInterruptStopsALossSurfaceAndLeavesTheNetworkAlone() {
        Network net = Article.network();
        Thread.currentThread().interrupt();
        try {
            Interrupted e = assertThrows(Interrupted.class, () -> Plot.lossSurface(net, X, T, "w11", "u11"));
            assertTrue(e.getMessage().startsWith("Loss surface interrupted at column 1 of 61"), e.getMessage());
            assertThrows(TrainingInterrupted.class, () -> Plot.descent(net, X, T, "w11", "u21", 5, 10));
        } finally {
            Thread.interrupted();
        }
        assertEquals(0.1, net.get("w11"), 0);
        assertEquals(0.7, net.get("u11"), 0);
    }
}
