package org.knowm.xchart.internal.chartpart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Test helper in XChart's own package (its axes are package-private): the y-axis tick labels a chart
 * draws, read from XChart's tick calculator after a paint, so a test sees exactly what a reader sees.
 */
public final class TickLabels {

    private TickLabels() {
    }

    /** The non-empty y tick labels inside the plot, bottom to top. */
    public static List<String> y(XYChart chart) {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        Axis<?, ?> axis = ((Chart<?, ?>) chart).getYAxis();
        AxisTickCalculator ticks = axis.getAxisTickCalculator();
        double height = axis.getBounds().getHeight();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < ticks.getTickLabels().size(); k++) {
            String label = ticks.getTickLabels().get(k);
            double at = ticks.getTickLocations().get(k);
            if (label != null && !label.isEmpty() && at >= 0 && at <= height) {
                labels.add(label);
            }
        }
        return labels;
    }
}
