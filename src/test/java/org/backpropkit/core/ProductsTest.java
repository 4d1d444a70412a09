package org.backpropkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast products give exactly the numbers of the plain reference in {@link Matrix}, on random
 * shapes that include one row, one column, and odd sizes (where the two-row variants run their tail).
 */
class ProductsTest {

    private static final int[][] SHAPES = { // rows of a, shared dimension, columns of b
        {1, 1, 1}, {1, 5, 3}, {2, 3, 1}, {3, 1, 4}, {5, 7, 3}, {4, 4, 4}, {7, 2, 9}, {1, 9, 1}, {9, 1, 1}, {16, 11, 6},
        {33, 17, 5}};

    private static Matrix random(int rows, int cols, Random random) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3)); // magnitudes 1e-3 … 1e3
            }
        }
        return m;
    }

    /** Filled with NaN, so a product that forgets to overwrite an entry cannot pass. */
    private static Matrix garbage(int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, Double.NaN);
            }
        }
        return m;
    }

    @Test
    void fastProductsEqualTheReferenceBitForBit() {
        Random random = new Random(2024);
        for (int[] shape : SHAPES) {
            int rows = shape[0], inner = shape[1], cols = shape[2];
            String what = rows + "×" + inner + " and " + inner + "×" + cols;

            Matrix a = random(rows, inner, random), b = random(inner, cols, random);
            Matrix reference = garbage(rows, cols), fast = garbage(rows, cols);
            Matrix.multiplyInto(a, b, reference);
            Products.multiply(a, b, fast);
            assertEquals(reference, fast, "a · b for " + what);

            Matrix s = random(rows, inner, random), d = random(rows, cols, random); // samples × inputs, samples × units
            reference = garbage(inner, cols);
            fast = garbage(inner, cols);
            Matrix.transposeMultiplyInto(s, d, reference);
            Products.transposeMultiply(s, d, fast);
            assertEquals(reference, fast, "aᵀ · b for " + what);

            Matrix w = random(inner, cols, random), delta = random(rows, cols, random);
            reference = garbage(rows, inner);
            fast = garbage(rows, inner);
            Matrix.multiplyTransposeInto(delta, w, reference);
            Products.multiplyTranspose(delta, w, fast);
            assertEquals(reference, fast, "a · bᵀ for " + what);
        }
    }

    @Test
    void referenceMatchesAProductWorkedByHandOnAnOddShape() {
        Matrix a = Matrix.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6});
        Matrix b = Matrix.of(new double[] {1, 0, -1}, new double[] {2, 1, 0});
        Matrix ab = Matrix.zeros(3, 3);
        Products.multiply(a, b, ab);
        assertEquals(Matrix.of(new double[] {5, 2, -1}, new double[] {11, 4, -3}, new double[] {17, 6, -5}), ab);
        Matrix atc = Matrix.zeros(2, 3);
        Products.transposeMultiply(a, Matrix.of(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1}),
                atc);
        assertEquals(Matrix.of(new double[] {1, 3, 5}, new double[] {2, 4, 6}), atc);
    }
}
