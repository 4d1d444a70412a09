package org.backpropkit.data;

import java.util.Arrays;
import org.backpropkit.core.Format;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Require;

/**
 * Rescales each input column {@code j} to {@code z_j = (x_j − mean_j) / sd_j}, with the mean and the
 * (population) standard deviation measured once, on training inputs, and then applied unchanged
 * to any inputs. A column that does not vary (sd = 0) is only centred. Immutable.
 */
public final class Standardization {

    private final double[] mean;
    private final double[] sd;

    private Standardization(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    /** Measures each column's mean and standard deviation {@code √(Σ(x − mean)² / n)}. */
    public static Standardization fit(Matrix x) {
        Require.notNull("x", x, "give the training inputs, one sample per row");
        int n = x.rows(), m = x.cols();
        double[] mean = new double[m];
        double[] sd = new double[m];
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x.get(i, j);
            }
            mean[j] = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = x.get(i, j) - mean[j];
                squares += d * d;
            }
            sd[j] = Math.sqrt(squares / n);
        }
        return new Standardization(mean, sd);
    }

    /** Returns {@code (x − mean) / sd}, column by column, as a new matrix. */
    public Matrix apply(Matrix x) {
        Require.notNull("x", x, "give the inputs to rescale, one sample per row");
        if (x.cols() != mean.length) {
            throw new IllegalArgumentException("x has " + x.cols() + " columns, this standardization was fitted on "
                    + mean.length);
        }
        Matrix z = x.copy();
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                z.set(i, j, (x.get(i, j) - mean[j]) / (sd[j] == 0 ? 1 : sd[j]));
            }
        }
        return z;
    }

    /** The column means, measured on the training inputs. */
    public double[] mean() {
        return mean.clone();
    }

    /** The column standard deviations, measured on the training inputs. */
    public double[] sd() {
        return sd.clone();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("standardization: mean ");
        s.append(Arrays.stream(mean).mapToObj(Format::number).toList());
        s.append(", sd ").append(Arrays.stream(sd).mapToObj(Format::number).toList());
        return s.toString();
    }
}
