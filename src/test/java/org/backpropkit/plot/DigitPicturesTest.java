package org.backpropkit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.data.DataSet;
import org.backpropkit.data.Examples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The confusion matrix's counts on hand-made outputs, its picture's layout and colours, and the digit
 * grid's images and captions; both pictures are drawn twice to show they are the same, and go to
 * {@code target/plots/} for eyes.
 */
class DigitPicturesTest {

    private static final Path OUT = Path.of(System.getProperty("plots.dir", "target/plots"));
    private static final List<String> ABC = List.of("a", "b", "c");
    private static Examples digits;

    @BeforeAll
    static void load() throws IOException {
        digits = DataSet.load("digits").inputsExcept("label").oneHot("label");
        Files.createDirectories(OUT);
    }

    /** Six samples of three classes: two right a's, an a taken for c, a right b, two c's taken for b. */
    private static ConfusionMatrix sixSamples() {
        Matrix t = Matrix.of(new double[][] {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}});
        Matrix y = Matrix.of(new double[][] {
            {0.7, 0.2, 0.1}, {0.5, 0.1, 0.4}, {0.2, 0.3, 0.5}, {0.1, 0.8, 0.1}, {0.3, 0.4, 0.3}, {0.0, 0.6, 0.4}});
        return ConfusionMatrix.of(y, t, ABC);
    }

    @Test
    void countsTrueClassesAgainstTheLargestOutput() {
        ConfusionMatrix cm = sixSamples();
        int[][] expected = {{2, 0, 1}, {0, 1, 0}, {0, 2, 0}};
        for (int k = 0; k < 3; k++) {
            for (int m = 0; m < 3; m++) {
                assertEquals(expected[k][m], cm.count(k, m), "true " + ABC.get(k) + ", predicted " + ABC.get(m));
            }
        }
        assertEquals(6, cm.total());
        assertEquals(3, cm.correct());
        assertEquals(0.5, cm.accuracy(), 0);
        assertArrayEquals(new int[] {2, 4, 5}, cm.misclassified());
        assertArrayEquals(new int[] {0, 0, 0, 1, 2, 2}, cm.truth());
        assertArrayEquals(new int[] {0, 0, 2, 1, 1, 1}, cm.predicted());
        assertEquals("3 of 6 right (50.0 %)\ntrue \\ predicted\n"
                + "       a   b   c\n"
                + "   a   2   0   1\n"
                + "   b   0   1   0\n"
                + "   c   0   2   0\n", cm.toString());
    }

    @Test
    void oneOutputColumnIsTwoClassesSplitAtOneHalf() {
        Matrix y = Matrix.of(new double[][] {{0.2}, {0.5}, {0.9}, {0.49}});
        Matrix t = Matrix.of(new double[][] {{0}, {0}, {1}, {1}});
        ConfusionMatrix cm = ConfusionMatrix.of(y, t, List.of("no", "yes"));
        assertEquals(1, cm.count(0, 0));
        assertEquals(1, cm.count(0, 1));
        assertEquals(1, cm.count(1, 1));
        assertEquals(1, cm.count(1, 0));
    }

    @Test
    void aNetworksAnswersOnIrisAreCountedOncePerSample() {
        Examples iris = DataSet.load("iris")
                .inputs("sepal_length", "sepal_width", "petal_length", "petal_width").oneHot("species");
        Network net = Network.of(4, 5, 3).loss(org.backpropkit.core.Loss.CROSS_ENTROPY).seed(11);
        ConfusionMatrix cm = ConfusionMatrix.of(net, iris);
        Matrix y = net.forward(iris.x()).y(), t = iris.t();
        int right = 0;
        for (int i = 0; i < y.rows(); i++) {
            int guess = 0, truth = 0;
            for (int j = 1; j < 3; j++) {
                guess = y.get(i, j) > y.get(i, guess) ? j : guess;
                truth = t.get(i, j) > t.get(i, truth) ? j : truth;
            }
            right += guess == truth ? 1 : 0;
        }
        assertEquals(150, cm.total());
        assertEquals(right, cm.correct());
        assertEquals(List.of("setosa", "versicolor", "virginica"), cm.classes());
        int sum = 0;
        for (int k = 0; k < 3; k++) {
            sum += cm.count(k, 0) + cm.count(k, 1) + cm.count(k, 2);
        }
        assertEquals(150, sum);
    }

    @Test
    void badShapesAndClassesAreNamed() {
        Matrix y = Matrix.of(new double[][] {{0.1, 0.9}});
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(y, Matrix.of(new double[][] {{0, 1, 0}}), ABC));
        assertEquals("outputs y and targets t need the same shape, got y 1×2 and t 1×3", shape.getMessage());
        IllegalArgumentException names = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(y, Matrix.of(new double[][] {{0, 1}}), ABC));
        assertEquals("2 output columns mean 2 classes, got 3 names: [a, b, c]", names.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> sixSamples().count(3, 0));
        assertEquals("true class 3 does not exist: classes count from 0 to 2 (a, b, c)", k.getMessage());
    }

    @Test
    void pictureColoursRightAnswersBlueMistakesOrangeZerosWhite() throws IOException {
        ConfusionMatrix cm = sixSamples();
        BufferedImage image = cm.image();
        assertTrue(image.getWidth() > 110 + 3 * 46 + 24, "as wide as its title, wider than its grid: " + image.getWidth());
        assertEquals(92 + 3 * 46 + 24, image.getHeight());
        Color aa = corner(image, 0, 0), ac = corner(image, 0, 2), ab = corner(image, 0, 1), cb = corner(image, 2, 1);
        assertTrue(aa.getBlue() > aa.getRed() + 40, "2 of 3 a's right: blue, got " + aa);
        assertTrue(ac.getRed() > ac.getBlue() + 40, "an a taken for c: orange, got " + ac);
        assertEquals(Color.WHITE, ab, "no a taken for b: white");
        assertTrue(cb.getRed() < ac.getRed() || cb.getGreen() < ac.getGreen(), "two mistakes darker than one");
        assertTrue(corner(image, 1, 1).getBlue() < aa.getBlue(), "1 of 1 right: a darker blue than 2 of 3");
        assertArrayEquals(pixels(image), pixels(cm.image()), "same matrix, same pixels");
        ImageIO.write(image, "png", OUT.resolve("confusion-matrix-abc.png").toFile());
    }

    @Test
    void digitGridDrawsEachPixelAsAGreyBlock() throws IOException {
        BufferedImage image = DigitGrid.samples(digits, 20);
        assertEquals(10 * 84 + 24, image.getWidth());
        assertEquals(42 + 2 * 94 + 6, image.getHeight());
        // sample 1, pixel (row 0, column 3) = 13 of 16: grey 255·(1 − 13/16) = 48, drawn at 8 × 8 pixels
        int left = 12 + (84 - 64) / 2, top = 42;
        assertEquals(new Color(48, 48, 48), new Color(image.getRGB(left + 3 * 8 + 4, top + 4)));
        assertEquals(Color.WHITE, new Color(image.getRGB(left + 4, top + 4 + 8)), "pixel (1, 0) is 0: white");
        // sample 11 starts the second line: its pixel (0, 3) is 9 of 16, grey 255·(1 − 9/16) = 111.6
        assertEquals(9, digits.x().get(10, 3), 0);
        assertEquals(new Color(112, 112, 112), new Color(image.getRGB(left + 3 * 8 + 4, top + 94 + 4)));
        assertArrayEquals(pixels(image), pixels(DigitGrid.samples(digits, 20)));
        ImageIO.write(image, "png", OUT.resolve("digits-first-20.png").toFile());
    }

    @Test
    void misclassifiedDigitsAreTheConfusionMatrixsMistakes() throws IOException {
        Matrix y = digits.t();                 // a perfect network, then two planted mistakes
        y.set(3, 3, 0);
        y.set(3, 8, 1);                        // sample 4, a 3, taken for an 8
        y.set(17, 7, 0);
        y.set(17, 1, 1);                       // sample 18, a 7, taken for a 1
        ConfusionMatrix cm = ConfusionMatrix.of(y, digits.t(), digits.classes());
        assertArrayEquals(new int[] {3, 17}, cm.misclassified());
        assertEquals(1, cm.count(3, 8));
        assertEquals(1, cm.count(7, 1));
        BufferedImage image = DigitGrid.misclassified(cm, digits);
        assertTrue(image.getWidth() > 2 * 84 + 24, "as wide as its title: " + image.getWidth());
        assertEquals(42 + 114 + 6, image.getHeight());
        int left = 12 + (84 - 64) / 2, top = 42;
        double[] sample4 = digits.x().row(3);
        int grey = (int) Math.round(255 * (1 - sample4[2] / 16));
        assertEquals(new Color(grey, grey, grey), new Color(image.getRGB(left + 2 * 8 + 4, top + 4)), "sample 4 drawn first");
        ImageIO.write(image, "png", OUT.resolve("digits-misclassified.png").toFile());
        BufferedImage none = DigitGrid.misclassified(ConfusionMatrix.of(digits.t(), digits.t(), digits.classes()), digits);
        assertEquals(48, none.getHeight(), "no mistakes: the title alone says so");
        assertTrue(hasDark(none), "the title is drawn");
    }

    @Test
    void digitGridRefusesWhatItCannotDraw() {
        IllegalArgumentException square = assertThrows(IllegalArgumentException.class,
                () -> DigitGrid.draw(Matrix.of(new double[][] {{1, 2, 3}}), new int[] {0}, new String[] {"x"}, null, "t"));
        assertEquals("each sample must be a square image, e.g. 64 pixels for 8×8; x has 3 columns", square.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> DigitGrid.draw(digits.x(), new int[61], java.util.Collections.nCopies(61, "").toArray(new String[0]),
                        null, "t"));
        assertTrue(count.getMessage().startsWith("give at most 60 samples"), count.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> DigitGrid.misclassified(sixSamples(), digits));
        assertEquals("the confusion matrix counts 6 samples but digits has 1797; give the same samples in the same order",
                other.getMessage());
    }

    private static boolean hasDark(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (new Color(image.getRGB(x, y)).getRed() < 64) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Color corner(BufferedImage image, int k, int m) {
        return new Color(image.getRGB(110 + m * 46 + 4, 92 + k * 46 + 4));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
