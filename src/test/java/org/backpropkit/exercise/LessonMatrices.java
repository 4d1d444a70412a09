package org.backpropkit.exercise;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import org.backpropkit.core.Matrix;

/**
 * The matrix helpers lessons 7 and 12 give the learner, as the lessons write them, for the tests that
 * write a learner's answers (right and wrong) with them.
 */
final class LessonMatrices {

    private LessonMatrices() {
    }

    /** The lesson's helper: a · b, refusing shapes that do not fit. */
    static Matrix times(Matrix a, Matrix b) {
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException("a · b needs as many columns in a as rows in b, got " + a.shape() + " · " + b.shape());
        }
        double[][] c = new double[a.rows()][b.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                for (int k = 0; k < a.cols(); k++) {
                    c[i][j] += a.get(i, k) * b.get(k, j);
                }
            }
        }
        return Matrix.of(c);
    }

    static Matrix transpose(Matrix a) {
        double[][] c = new double[a.cols()][a.rows()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                c[j][i] = a.get(i, j);
            }
        }
        return Matrix.of(c);
    }

    /** The lesson's helper: f applied entry by entry, a ⊙ b when f multiplies. */
    static Matrix each(Matrix a, Matrix b, DoubleBinaryOperator f) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("entry by entry needs equal shapes, got " + a.shape() + " and " + b.shape());
        }
        double[][] c = new double[a.rows()][a.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                c[i][j] = f.applyAsDouble(a.get(i, j), b.get(i, j));
            }
        }
        return Matrix.of(c);
    }

    /** Δ⁽ˡ⁾ as a learner writes it, with one slip (or none). */

    static Matrix ones(int rows, int cols) {
        double[][] c = new double[rows][cols];
        for (double[] row : c) {
            Arrays.fill(row, 1);
        }
        return Matrix.of(c);
    }
}
