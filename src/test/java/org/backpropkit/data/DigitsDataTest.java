package org.backpropkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backpropkit.core.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled 8×8 digits: the numbers are checked against the source's own documentation (UCI's
 * class counts for the 1,797-sample test part of optdigits) and against values read from
 * sklearn's digits.csv.gz with awk, independently of the kit.
 */
class DigitsDataTest {

    private static DataSet digits;
    private static Examples examples;

    @BeforeAll
    static void load() {
        digits = DataSet.load("digits");
        examples = digits.inputsExcept("label").oneHot("label");
    }

    @Test
    void sixtyFourNamedPixelsAndALabel() {
        assertEquals(1797, digits.rows());
        List<String> columns = digits.columns();
        assertEquals(65, columns.size());
        assertEquals("pixel_0_0", columns.get(0));
        assertEquals("pixel_0_7", columns.get(7));
        assertEquals("pixel_1_0", columns.get(8));
        assertEquals("pixel_7_7", columns.get(63));
        assertEquals("label", columns.get(64));
        assertEquals(columns.subList(0, 64), examples.inputs());
        assertEquals(1797, examples.x().rows());
        assertEquals(64, examples.x().cols());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), examples.classes());
    }

    @Test
    void classCountsAreThoseOfTheOptdigitsTestSet() {
        int[] counts = new int[10];
        Matrix t = examples.t();
        for (int i = 0; i < t.rows(); i++) {
            for (int k = 0; k < 10; k++) {
                counts[k] += (int) t.get(i, k);
            }
        }
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts);
    }

    @Test
    void knownSamplesHaveTheirPixelsAndLabels() {
        Matrix x = examples.x();
        Matrix t = examples.t();
        assertArrayEquals(new double[] {0, 0, 5, 13, 9, 1, 0, 0}, row(x, 0, 0, 8), "first sample, top row of pixels");
        assertEquals(0, label(t, 0));
        assertArrayEquals(new double[] {0, 0, 9, 15, 14, 2, 0, 0}, row(x, 999, 0, 8), "sample 1000");
        assertEquals(3, label(t, 999));
        assertArrayEquals(new double[] {0, 1, 8, 12, 14, 12, 1, 0}, row(x, 1796, 56, 64), "last sample, bottom row");
        assertEquals(8, label(t, 1796));
        assertEquals(13, digits.matrix("pixel_0_3").get(0, 0));
    }

    @Test
    void everyPixelIsAnIntegerFrom0To16AndTheySumAsInTheSource() {
        Matrix x = examples.x();
        double sum = 0;
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                double v = x.get(i, j);
                assertTrue(v >= 0 && v <= 16 && v == Math.rint(v), "pixel " + j + " of sample " + i + ": " + v);
                sum += v;
            }
        }
        assertEquals(561718, sum, 0, "awk's sum of all pixels in sklearn's file");
    }

    @Test
    void inputsExceptNamesWhatIsMissing() {
        DataError missing = assertThrows(DataError.class, () -> DataSet.load("xor").inputsExcept("label"));
        assertEquals("xor has no column 'label'; its columns are: x1, x2, t", missing.getMessage());
        DataError nothingLeft = assertThrows(DataError.class, () -> DataSet.load("xor").inputsExcept("x1", "x2", "t"));
        assertEquals("xor: no columns are left for the inputs after leaving out x1, x2, t; its columns are: x1, x2, t",
                nothingLeft.getMessage());
        assertEquals(List.of("x1", "x2"), DataSet.load("xor").inputsExcept("t").targets("t").inputs());
    }

    private static double[] row(Matrix x, int sample, int from, int to) {
        return java.util.Arrays.copyOfRange(x.row(sample), from, to);
    }

    private static int label(Matrix t, int sample) {
        for (int k = 0; k < t.cols(); k++) {
            if (t.get(sample, k) == 1) {
                return k;
            }
        }
        return -1;
    }
}
