package org.backpropkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a matrix prints: whole up to {@link Matrix#PRINTED_ENTRIES} entries, its corners and shape beyond. */
class PrintedMatrixTest {

    /** A matrix whose entry (i, j) is i + j/100, so each printed entry says where it came from. */
    private static Matrix numbered(int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, i + j / 100.0);
            }
        }
        return m;
    }

    @Test
    void aSmallMatrixPrintsEveryEntry() {
        assertEquals("[[0.1, -0.2], [0.3, 1.23457e-05]]",
                Matrix.of(new double[] {0.1, -0.2}, new double[] {0.3, 0.0000123456789}).toString());
        String full = numbered(40, 25).toString(); // 1,000 entries: all of them
        assertEquals(1000, full.split(",").length);
        assertEquals("[[0, 0.01, 0.02", full.substring(0, 15));
        assertEquals("39.23, 39.24]]", full.substring(full.length() - 14));
    }

    @Test
    void aLargeMatrixPrintsItsCornersAndShape() {
        assertEquals("[[0, 0.01, 0.02, …, 7.81, 7.82, 7.83], [1, 1.01, 1.02, …, 8.81, 8.82, 8.83], "
                + "[2, 2.01, 2.02, …, 9.81, 9.82, 9.83], …, [2045, 2045.01, 2045.02, …, 2052.81, 2052.82, 2052.83], "
                + "[2046, 2046.01, 2046.02, …, 2053.81, 2053.82, 2053.83], "
                + "[2047, 2047.01, 2047.02, …, 2054.81, 2054.82, 2054.83]] (2048×784)", numbered(2048, 784).toString());
    }

    @Test
    void aLargeMatrixKeepsEveryRowOrColumnWhenThereAreSixOrFewer() {
        assertEquals("[[0, 0.01, 0.02, …, 9.98, 9.99, 10], [1, 1.01, 1.02, …, 10.98, 10.99, 11]] (2×1001)",
                numbered(2, 1001).toString());
        assertEquals("[[0], [1], [2], …, [1998], [1999], [2000]] (2001×1)", numbered(2001, 1).toString());
        assertEquals("[[0, 0.01, 0.02, 0.03, 0.04, 0.05], [1, 1.01, 1.02, 1.03, 1.04, 1.05], "
                + "[2, 2.01, 2.02, 2.03, 2.04, 2.05], …, [998, 998.01, 998.02, 998.03, 998.04, 998.05], "
                + "[999, 999.01, 999.02, 999.03, 999.04, 999.05], "
                + "[1000, 1000.01, 1000.02, 1000.03, 1000.04, 1000.05]] (1001×6)", numbered(1001, 6).toString());
    }
}
