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
import org.backpropkit.core.Gradients;
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
import org.knowm.xchart.style.markers.SeriesMarkers;

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

    /** A run of lesson 8: the article's net with a linear output and η = 4 diverges at epoch 323 (loss ~1e307). */
    private static History diverged() {
        Network linear = Network.of(2, 3, 2).output(Activation.IDENTITY).seed(3);
        return assertThrows(TrainingDiverged.class, () -> Trainer.sgd(4).epochs(1000).train(linear, X, T)).history();
    }

    /** Every label is a power of ten, in order, and there are a readable few of them. */
    private static void assertDecades(List<String> labels, int min, int max) {
        assertTrue(labels.size() >= min && labels.size() <= max, labels.size() + " labels: " + labels);
        double previous = 0;
        for (String label : labels) {
            double v = Double.parseDouble(label);
            assertEquals(Math.rint(Math.log10(v)), Math.log10(v), 1e-9, "not a power of ten: " + label + " in " + labels);
            assertTrue(v > previous, "labels out of order: " + labels);
            previous = v;
        }
    }

    /**
     * Issue 13 (lessons 8 and 10) and 16: a log axis over 1e0 … 1e307 drew hundreds of overlapping labels, and one
     * over 0.0125 … 0.61 a single "1E-1". Any range now gets a readable set of decades.
     */
    @Test
    void aLogAxisGetsAReadableSetOfDecadesForAnyRange() throws IOException {
        XYChart lesson8 = Plot.loss(Scale.LOG, diverged());
        assertEquals(List.of("1E0", "1E50", "1E100", "1E150", "1E200", "1E250", "1E300"),
                org.knowm.xchart.internal.chartpart.TickLabels.y(lesson8));
        render(lesson8, "loss-log-diverged");

        Examples moons = DataSet.load("moons").inputs("x1", "x2").oneHot("t");
        var split = moons.split(0.8, 7).standardized();
        History lesson10 = Trainer.sgd(0.1).epochs(300).batchSize(16).momentum(0.9).seed(3).train(
                Network.of(2, 8, 8, 2).hidden(Activation.TANH).loss(Loss.CROSS_ENTROPY).seed(3), split.train().x(),
                split.train().t());
        XYChart lesson10Chart = Plot.loss(Scale.LOG, lesson10);
        assertEquals(List.of("0.01", "0.1", "1"), org.knowm.xchart.internal.chartpart.TickLabels.y(lesson10Chart));
        render(lesson10Chart, "loss-log-moons");

        double[][] ranges = {{1e-12, 1e307}, {4.9e-324, 1.7e308}, {1e-300, 1e-290}, {0.3, 0.35}, {2e-3, 0.9},
            {1e-9, 1e-2}, {1, 1e5}, {7e4, 3e6}};
        for (double[] range : ranges) {
            XYChart chart = Style.chart("range " + range[0] + " … " + range[1], "epoch", "loss");
            Style.line(chart, "loss", new double[] {0, 1, 2}, new double[] {range[1], Math.sqrt(range[0]) * Math.sqrt(range[1]),
                range[0]}, Style.PALETTE[0], 2f);
            Axes.logY(chart);
            List<String> labels = org.knowm.xchart.internal.chartpart.TickLabels.y(chart);
            assertDecades(labels, 2, 10);
            Plot.png(chart);
        }
    }

    /** A loss of 1e300 on a linear axis printed 301-digit tick labels and pushed the curve off the picture. */
    @Test
    void hugeNumbersOnALinearAxisAreWrittenInScientificNotation() throws IOException {
        XYChart chart = Plot.loss(diverged());
        List<String> labels = org.knowm.xchart.internal.chartpart.TickLabels.y(chart);
        assertTrue(labels.size() >= 3, labels.toString());
        for (String label : labels) {
            assertTrue(label.length() <= 8, "unreadable tick label " + label);
        }
        assertTrue(labels.contains("1E307"), labels.toString());
        render(chart, "loss-linear-diverged");
        List<String> ordinary = org.knowm.xchart.internal.chartpart.TickLabels.y(Plot.loss(article(0.5, 100)));
        assertTrue(ordinary.contains("0.04") && ordinary.stream().noneMatch(l -> l.contains("E")), ordinary::toString);
    }

    /** XChart refuses infinity with its own message; a curve is drawn up to its last finite value, with a note. */
    @Test
    void valuesThatAreNotFiniteBecomeGapsWithANote() throws IOException {
        List<String> notes = new java.util.ArrayList<>();
        double[] epochs = {0, 1, 2, 3, 4};
        double[] y = Style.gaps("η = 4", "loss", "epoch", epochs, new double[] {0.5, 0.3, 2e307, Double.POSITIVE_INFINITY,
            Double.NaN}, notes);
        assertArrayEquals(new double[] {0.5, 0.3, 2e307, Double.NaN, Double.NaN}, y);
        assertEquals(List.of("η = 4: loss Infinity from epoch 3 on"), notes);
        Style.gaps("η = 1", "loss", "epoch", new double[] {0, 10, 20, 30, 40}, new double[] {0.5, Double.NaN, 0.5,
            Double.NEGATIVE_INFINITY, 0.1}, notes);
        assertEquals("η = 1: loss NaN at 2 epochs, first at epoch 10", notes.get(1));
        assertEquals("nothing to draw for 'η = 9': every loss is Infinity or NaN (at epoch 0 it is Infinity)",
                assertThrows(IllegalArgumentException.class, () -> Style.gaps("η = 9", "loss", "epoch", epochs,
                        new double[] {Double.POSITIVE_INFINITY}, new java.util.ArrayList<>())).getMessage());
        // Through the public call that takes raw values (a live run's curves): no raw XChart message.
        XYChart live = Plot.lossCurves(Scale.LOG, Map.of("training", new double[] {0.7, 0.2, Double.POSITIVE_INFINITY}));
        assertEquals("epoch (not drawn: training: loss Infinity from epoch 2 on)", live.getXAxisTitle());
        render(live, "gaps-live");
        for (boolean log : new boolean[] {false, true}) {
            XYChart chart = Style.chart("gaps", "epoch", "loss");
            Style.line(chart, "η = 4", new double[] {0, 1, 2, 3, 4}, y, Style.PALETTE[0], 2f);
            Style.noteGaps(chart, notes.subList(0, 1));
            if (log) {
                Axes.logY(chart);
            }
            assertEquals("epoch (not drawn: η = 4: loss Infinity from epoch 3 on)", chart.getXAxisTitle());
            render(Style.finish(chart), "gaps-" + (log ? "log" : "linear"));
        }
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
        XYSeries path = series(chart, "descent, a dot per step");
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
    void aShortDescentPathHasADotPerStepAndALongOneDoesNot() {
        XYChart shortWalk = Plot.descent(Article.network(), X, T, "u11", "u21", 2, 60);
        assertTrue(series(shortWalk, "descent, a dot per step").getMarker() != SeriesMarkers.NONE);
        XYChart longWalk = Plot.descent(Article.network(), X, T, "u11", "u21", 2, Plot.MAX_STEP_DOTS + 1);
        assertEquals(SeriesMarkers.NONE, series(longWalk, "descent path").getMarker());
    }

    /** The angle in degrees, on the screen, between the directions (dx1, dy1) and (dx2, dy2) given in data units. */
    private static double screenAngle(XYChart chart, double x0, double y0, double dx1, double dy1, double dx2, double dy2) {
        double sx0 = chart.getScreenXFromChart(x0), sy0 = chart.getScreenYFromChart(y0);
        double ax = chart.getScreenXFromChart(x0 + dx1) - sx0, ay = chart.getScreenYFromChart(y0 + dy1) - sy0;
        double bx = chart.getScreenXFromChart(x0 + dx2) - sx0, by = chart.getScreenYFromChart(y0 + dy2) - sy0;
        return Math.toDegrees(Math.acos((ax * bx + ay * by) / Math.hypot(ax, ay) / Math.hypot(bx, by)));
    }

    @Test
    void withEqualScaleAUnitIsAsLongOnBothAxesAndTheFirstStepMeetsTheContourAtARightAngle() throws IOException {
        Network net = Article.network();
        Gradients g = net.gradients(X, T);
        double gp = g.of("u11"), gq = g.of("u21");
        for (Scale scale : new Scale[] {Scale.LINEAR, Scale.EQUAL}) {
            XYChart chart = Plot.descent(scale, net, X, T, "u11", "u21", 2, 60);
            double ratio = Plot.pixelsPerUnit(chart, true) / Plot.pixelsPerUnit(chart, false);
            XYSeries path = series(chart, "descent, a dot per step");
            double stepP = path.getXData()[1] - path.getXData()[0], stepQ = path.getYData()[1] - path.getYData()[0];
            // the contour's direction at the start, perpendicular to the gradient (in weight units)
            double angle = screenAngle(chart, 0.7, 0.9, stepP, stepQ, -gq, gp);
            if (scale == Scale.EQUAL) {
                assertEquals(1, ratio, Plot.EQUAL_TOLERANCE, "pixels per unit of u₁₁ over those of u₂₁");
                assertEquals(90, angle, 1.0, "the drawn angle between the first step and the contour");
                render(chart, "descent-equal-scale");
            } else {
                assertTrue(Math.abs(ratio - 1) > 3 * Plot.EQUAL_TOLERANCE, "a fitted chart is not at equal scale here: " + ratio);
                assertTrue(Math.abs(angle - 90) > 1, "without equal scale the right angle is drawn skewed: " + angle);
            }
        }
        XYChart surface = Plot.lossSurface(Scale.EQUAL, net, Article.x(), Article.t(), "w11", "u11");
        assertEquals(1, Plot.pixelsPerUnit(surface, true) / Plot.pixelsPerUnit(surface, false), Plot.EQUAL_TOLERANCE);
        render(surface, "loss-surface-equal-scale");
    }

    @Test
    void equalScaleWidensAnAxisAndItsGridSoThePathAndTheContoursStillFillThePicture() {
        Network net = Article.network();
        XYChart fitted = Plot.descent(net, X, T, "u11", "u21", 2, 60);
        XYChart equal = Plot.descent(Scale.EQUAL, net, X, T, "u11", "u21", 2, 60);
        double fittedWidth = fitted.getStyler().getXAxisMax() - fitted.getStyler().getXAxisMin();
        double equalWidth = equal.getStyler().getXAxisMax() - equal.getStyler().getXAxisMin();
        assertTrue(equalWidth > fittedWidth * (1 + 3 * Plot.EQUAL_TOLERANCE), "the u₁₁ axis shows more: " + fittedWidth + " → " + equalWidth);
        assertEquals(fitted.getStyler().getYAxisMax(), equal.getStyler().getYAxisMax(), 1e-12, "the other axis stays");
        double reach = java.util.Arrays.stream(series(equal, "L = " + levelNames(equal).get(0)).getXData())
                .filter(v -> !Double.isNaN(v)).max().orElseThrow();
        assertTrue(reach > equal.getStyler().getXAxisMax() - 0.1 * equalWidth, "contours reach the widened edge: " + reach);
    }

    private static List<String> levelNames(XYChart chart) {
        return chart.getSeriesMap().keySet().stream().filter(n -> n.startsWith("L = ")).map(n -> n.substring(4)).toList();
    }

    @Test
    void weightAxesAreLinearOrEqualAndALossAxisIsLinearOrLog() {
        Network net = Article.network();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.lossSurface(Scale.LOG, net, X, T, "u11", "u21"));
        assertTrue(e.getMessage().startsWith("the axes of a loss surface are two weights: give Scale.LINEAR"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plot.descent(Scale.LOG, net, X, T, "u11", "u21", 1, 3));
        e = assertThrows(IllegalArgumentException.class, () -> Plot.loss(Scale.EQUAL, article(1, 3)));
        assertTrue(e.getMessage().startsWith("Scale.EQUAL is for two weights"), e.getMessage());
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

    /**
     * Huge η or step counts gave raw XChart or array errors: a duplicate series name from two contour levels
     * printed alike (η = 1e4), an infinite grid (η = Double.MAX_VALUE), NegativeArraySizeException or an
     * instant OutOfMemoryError (a billion steps). Now they draw, or say what the limit is.
     */
    @Test
    void descentWithHugeStepsOrCountsDrawsOrNamesTheLimit() throws IOException {
        XYChart far = Plot.descent(Article.network(), X, T, "w11", "u21", 1e4, 50);
        List<String> levels = names(far).stream().filter(n -> n.startsWith("L = ")).toList();
        assertEquals(levels.stream().distinct().toList(), levels);
        render(far, "descent-huge-eta");
        XYChart farther = Plot.descent(Article.network(), X, T, "w11", "u21", 1e100, 50);
        for (String label : org.knowm.xchart.internal.chartpart.TickLabels.y(farther)) {
            assertTrue(label.length() <= 8, "unreadable tick label " + label);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.descent(Article.network(), X, T, "w11", "u21", Double.MAX_VALUE, 50));
        assertTrue(e.getMessage().startsWith("the path of u₂₁ goes from 0.9 to "), e.getMessage());
        assertTrue(e.getMessage().contains("a loss surface around it does not fit in doubles"), e.getMessage());
        for (int steps : new int[] {Integer.MAX_VALUE, 1_000_000_000, 0}) {
            e = assertThrows(IllegalArgumentException.class,
                    () -> Plot.descent(Article.network(), X, T, "w11", "u21", 0.5, steps));
            assertTrue(e.getMessage().startsWith("steps must be between 1 and 100000 for a drawn path, got " + steps),
                    e.getMessage());
        }
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
