package org.backpropkit.plot;

import java.math.BigDecimal;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * Axis ticks a reader can read, whatever the numbers: the kit's one place for them, used by every chart.
 *
 * <p>A logarithmic axis ({@link #logY}) is labelled at powers of ten and spans whole decades, so it always
 * has at least two labels (a loss from 0.61 down to 0.0125 gets 0.01, 0.1 and 1, not a lone "1E-1"). XChart's
 * own log axis labels every decade and draws nine grid lines per decade, which is log paper up to a few
 * decades and a black smear over 300 (a diverged run's loss reaches 1e307). So up to {@value #NATIVE_DECADES}
 * decades the kit uses XChart's log axis; beyond, it plots {@code log₁₀ y} on a linear axis and labels the
 * whole numbers {@code k} there as {@code 10^k}: XChart then picks a round step of decades (1, 2, 5, 10, 20,
 * 50, 100 …) so that about six labels fit. The series of such a chart hold {@code log₁₀} of the values.
 *
 * <p>A linear axis ({@link #readable}) whose numbers are huge or tiny (a loss of 1e300 once printed as a
 * 301-digit tick label, pushing the plot off the picture) is labelled in scientific notation, {@code 2.5E300};
 * other axes keep XChart's labels.
 */
final class Axes {

    /** The widest range, in decades, drawn on XChart's own log axis. */
    static final int NATIVE_DECADES = 6;

    private Axes() {
    }

    /**
     * Makes the y axis logarithmic over whole decades around the finite positive y values of every series
     * (there must be some; the caller refuses values ≤ 0).
     */
    static void logY(XYChart chart) {
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double y : s.getYData()) {
                if (y > 0 && Double.isFinite(y)) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
        }
        int lo = (int) Math.floor(Math.log10(min));
        int hi = Math.max((int) Math.ceil(Math.log10(max)), lo + 1);
        boolean plain = lo >= -4 && hi <= 5; // 0.0001 … 100000 read better than 1E-4 … 1E5
        XYStyler styler = chart.getStyler();
        double bottom = Math.pow(10, lo), top = Math.pow(10, hi);
        if (hi - lo <= NATIVE_DECADES && bottom > 0 && Double.isFinite(top)) {
            styler.setYAxisLogarithmic(true);
            styler.setYAxisMin(bottom).setYAxisMax(top);
            styler.setYAxisDecimalPattern(plain ? "0.####" : "0E0");
            return;
        }
        for (XYSeries s : List.copyOf(chart.getSeriesMap().values())) {
            double[] y = s.getYData().clone();
            for (int k = 0; k < y.length; k++) {
                y[k] = Math.log10(y[k]);
            }
            chart.updateXYSeries(s.getName(), s.getXData(), y, null);
        }
        styler.setYAxisLogarithmic(false);
        styler.setYAxisMin((double) lo).setYAxisMax((double) hi);
        // Ticks between whole decades get no label; XChart wants every label different, so it widens its step
        // until each tick falls on a whole decade.
        styler.setyAxisTickLabelsFormattingFunction(p -> Math.abs(p - Math.rint(p)) < 1e-9
                ? decade((int) Math.rint(p), plain) : "");
    }

    /** {@code 10^k} as a tick label: 0.01, 1, 1000 when {@code plain}, else 1E-12, 1E300. */
    static String decade(int k, boolean plain) {
        return plain ? BigDecimal.ONE.scaleByPowerOfTen(k).toPlainString() : "1E" + k;
    }

    /**
     * Labels each linear axis in scientific notation when its numbers are huge (from 1e7) or tiny (below
     * 1e-4, not 0), so that no tick label runs to hundreds of digits; leaves other axes as XChart labels them.
     */
    static void readable(XYChart chart) {
        XYStyler styler = chart.getStyler();
        double x = 0, y = 0;
        for (XYSeries s : chart.getSeriesMap().values()) {
            x = Math.max(x, largest(s.getXData()));
            y = Math.max(y, largest(s.getYData()));
        }
        if (!styler.isXAxisLogarithmic() && styler.getxAxisTickLabelsFormattingFunction() == null && extreme(x)) {
            styler.setXAxisDecimalPattern("0.##E0");
        }
        if (!styler.isYAxisLogarithmic() && styler.getyAxisTickLabelsFormattingFunction() == null && extreme(y)) {
            styler.setYAxisDecimalPattern("0.##E0");
        }
    }

    private static boolean extreme(double largest) {
        return largest >= 1e7 || largest > 0 && largest < 1e-4;
    }

    /** The largest finite magnitude among {@code values}, 0 if none. */
    private static double largest(double[] values) {
        double m = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }
}
