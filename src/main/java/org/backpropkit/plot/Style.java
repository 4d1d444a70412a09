package org.backpropkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.backpropkit.core.Format;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The kit's chart defaults, in one place: notebook size, fonts that stay readable when a notebook
 * shows the PNG at its own width, and a fixed palette (so the same input always gives the same image).
 */
final class Style {

    static final int WIDTH = 700;
    static final int HEIGHT = 450;

    /** Tableau 10: distinct to most colour-blind readers and printable in grey. */
    static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x59A14F), new Color(0xB07AA1),
        new Color(0x76B7B2), new Color(0x9C755F), new Color(0xEDC948), new Color(0xFF9DA7), new Color(0xBAB0AC)};

    /** Viridis from dark to light, stopping before its pale yellow, which vanishes on white. */
    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x482878), new Color(0x3E4A89), new Color(0x31688E), new Color(0x26828E),
        new Color(0x1F9E89), new Color(0x35B779), new Color(0x6DCD59), new Color(0x9BD93C)};

    private Style() {
    }

    /** A white chart with title and axis titles in readable fonts, lines without markers. */
    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xE0E0E0));
        s.setChartTitleBoxVisible(false);
        s.setLegendBorderColor(new Color(0xC0C0C0));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setChartPadding(12);
        s.setMarkerSize(10);
        s.setXAxisTickMarkSpacingHint(90);
        s.setYAxisTickMarkSpacingHint(60);
        s.setSeriesColors(PALETTE);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }

    /** A line series in colour {@code k} of the palette, without markers. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return series;
    }

    /** The name of the invisible series added by {@link #niceEpochTicks}. */
    static final String TICK_HELPER = "tick helper";

    /**
     * XChart puts x ticks on data points when all x values are equally spaced (epochs are), which
     * gives odd steps such as 0, 23, 46 and crowds the axis. One invisible point half-way between
     * two epochs breaks the even spacing, so XChart chooses round steps (0, 100, 200) again.
     */
    static void niceEpochTicks(XYChart chart) {
        XYSeries first = chart.getSeriesMap().values().iterator().next();
        double[] x = first.getXData(), y = first.getYData();
        if (x.length > 1) {
            XYSeries helper = chart.addSeries(TICK_HELPER, new double[] {x[0] + 0.5}, new double[] {y[0]});
            helper.setMarker(SeriesMarkers.NONE);
            helper.setShowInLegend(false);
        }
    }

    /**
     * Shows the legend only when it tells series apart (more than one series listed in it), and makes
     * the tick labels of huge or tiny numbers readable ({@link Axes#readable}).
     */
    static XYChart finish(XYChart chart) {
        long listed = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).count();
        chart.getStyler().setLegendVisible(listed > 1);
        Axes.readable(chart);
        return chart;
    }

    /**
     * One curve's values as XChart can draw them: it refuses infinity ("cannot be equal to
     * Double.POSITIVE_INFINITY!!!"), so every value that is not finite becomes NaN, a gap in the line (a run
     * that diverged is drawn up to its last finite value), and {@code notes} gets a line saying what was left
     * out, e.g. {@code η = 4: loss Infinity from epoch 323 on}; entry {@code k} of {@code values} belongs to
     * {@code at[k]} (the epochs).
     *
     * @throws IllegalArgumentException if no value is finite: there is nothing to draw
     */
    static double[] gaps(String label, String what, String unit, double[] at, double[] values, List<String> notes) {
        double[] out = values.clone();
        int first = -1, count = 0;
        for (int k = 0; k < out.length; k++) {
            if (!Double.isFinite(out[k])) {
                first = first < 0 ? k : first;
                count++;
                out[k] = Double.NaN;
            }
        }
        if (count == out.length) {
            throw new IllegalArgumentException("nothing to draw for '" + label + "': every " + what + " is Infinity or NaN"
                    + (out.length > 0 ? " (at " + unit + " " + Format.number(at[0]) + " it is " + values[0] + ")" : ""));
        }
        if (count > 0) {
            notes.add(label + ": " + what + " " + values[first] + (first + count == out.length ? " from " + unit + " "
                    + Format.number(at[first]) + " on" : " at " + count + " " + unit + (count == 1 ? "" : "s")
                    + ", first at " + unit + " " + Format.number(at[first])));
        }
        return out;
    }

    /** Says on the x axis what {@link #gaps} left out, so a reader sees why a curve stops. */
    static void noteGaps(XYChart chart, List<String> notes) {
        if (!notes.isEmpty()) {
            chart.setXAxisTitle(chart.getXAxisTitle() + " (not drawn: " + String.join("; ", notes) + ")");
        }
    }

    /** Colour {@code k} of {@code n} along the viridis scale, dark (low) to light (high). */
    static Color viridis(int k, int n) {
        double pos = n == 1 ? 0 : (double) k * (VIRIDIS.length - 1) / (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, VIRIDIS.length - 1);
        double s = pos - lo;
        Color a = VIRIDIS[lo], b = VIRIDIS[hi];
        return new Color((int) Math.round(a.getRed() + s * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + s * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + s * (b.getBlue() - a.getBlue())));
    }

    /** A lighter tint of {@code c}, for areas behind points of the same colour. */
    static Color tint(Color c, double white) {
        return new Color((int) Math.round(c.getRed() + white * (255 - c.getRed())),
                (int) Math.round(c.getGreen() + white * (255 - c.getGreen())),
                (int) Math.round(c.getBlue() + white * (255 - c.getBlue())));
    }
}
