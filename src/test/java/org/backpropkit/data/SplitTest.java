package org.backpropkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.backpropkit.core.Matrix;
import org.junit.jupiter.api.Test;

class SplitTest {

    private static final Examples IRIS = DataSet.load("iris")
            .inputs("sepal_length", "sepal_width", "petal_length", "petal_width").oneHot("species");

    @Test
    void sameSeedGivesTheSameSplit() {
        Split a = IRIS.split(0.8, 42);
        Split b = IRIS.split(0.8, 42);
        assertEquals(a.train().x(), b.train().x());
        assertEquals(a.test().t(), b.test().t());
        assertNotEquals(a.train().x(), IRIS.split(0.8, 43).train().x());
    }

    @Test
    void splitKeepsEverySampleOnceWithItsTarget() {
        Split s = IRIS.split(0.8, 1);
        assertEquals(120, s.train().size());
        assertEquals(30, s.test().size());
        Set<String> rows = new HashSet<>();
        for (Examples part : new Examples[] {s.train(), s.test()}) {
            for (int i = 0; i < part.size(); i++) {
                rows.add(Arrays.toString(part.x().row(i)) + Arrays.toString(part.t().row(i)));
            }
        }
        Set<String> all = new HashSet<>();
        for (int i = 0; i < IRIS.size(); i++) {
            all.add(Arrays.toString(IRIS.x().row(i)) + Arrays.toString(IRIS.t().row(i)));
        }
        assertEquals(all, rows); // iris has one duplicated row, so compare as sets
        assertEquals(IRIS.classes(), s.test().classes());
    }

    @Test
    void standardizationUsesTrainingStatisticsOnly() {
        Split s = IRIS.split(0.8, 3).standardized();
        Matrix train = s.train().x();
        for (int j = 0; j < 4; j++) {
            double sum = 0, squares = 0;
            for (int i = 0; i < train.rows(); i++) {
                sum += train.get(i, j);
                squares += train.get(i, j) * train.get(i, j);
            }
            assertEquals(0, sum / train.rows(), 1e-12);
            assertEquals(1, squares / train.rows(), 1e-12);
        }
        Split raw = IRIS.split(0.8, 3);
        Standardization z = Standardization.fit(raw.train().x());
        assertEquals(z.apply(raw.test().x()), s.test().x());
        assertEquals((raw.test().x().get(0, 0) - z.mean()[0]) / z.sd()[0], s.test().x().get(0, 0), 1e-15);
    }

    @Test
    void constantColumnIsOnlyCentred() {
        Standardization z = Standardization.fit(Matrix.of(new double[][] {{2, 1}, {2, 3}}));
        assertEquals(Matrix.of(new double[][] {{0, -1}, {0, 1}}), z.apply(Matrix.of(new double[][] {{2, 1}, {2, 3}})));
    }

    @Test
    void splitThatLeavesAPartEmptyIsRefused() {
        Examples xor = DataSet.load("xor").inputs("x1", "x2").targets("t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> xor.split(0.9, 1));
        assertEquals("a split of 4 samples with trainFraction 0.9 leaves no test samples", e.getMessage());
    }
}
