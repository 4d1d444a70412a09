package org.backpropkit.plot;

import java.util.Arrays;

/**
 * Contour lines of a function sampled on a grid, by marching squares: in each grid cell, the level
 * crosses every edge whose two corners lie on opposite sides of it, at the point found by linear
 * interpolation along that edge; the crossings of a cell are joined by straight segments. XChart has
 * no contour chart, so the segments become an ordinary line series with NaN between segments, which
 * XChart draws as gaps.
 */
final class Contours {

    private Contours() {
    }

    /**
     * The segments of the level line {@code z = level}, where {@code z[i][k]} is the value at
     * {@code (xs[i], ys[k])}: returns {@code {x, y}} with the two ends of each segment followed by NaN.
     */
    static double[][] line(double[] xs, double[] ys, double[][] z, double level) {
        double[] outX = new double[64];
        double[] outY = new double[64];
        int n = 0;
        double[] ex = new double[4];
        double[] ey = new double[4];
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int k = 0; k + 1 < ys.length; k++) {
                // Corners counter-clockwise from (i, k); edge e joins corner e to corner e+1.
                double[] cz = {z[i][k], z[i + 1][k], z[i + 1][k + 1], z[i][k + 1]};
                double[] cx = {xs[i], xs[i + 1], xs[i + 1], xs[i]};
                double[] cy = {ys[k], ys[k], ys[k + 1], ys[k + 1]};
                boolean[] above = new boolean[4];
                int count = 0;
                for (int c = 0; c < 4; c++) {
                    above[c] = cz[c] >= level;
                    count += above[c] ? 1 : 0;
                }
                if (count == 0 || count == 4) {
                    continue;
                }
                boolean[] crossed = new boolean[4];
                for (int e = 0; e < 4; e++) {
                    int f = (e + 1) % 4;
                    if (above[e] != above[f]) {
                        double s = (level - cz[e]) / (cz[f] - cz[e]);
                        ex[e] = cx[e] + s * (cx[f] - cx[e]);
                        ey[e] = cy[e] + s * (cy[f] - cy[e]);
                        crossed[e] = true;
                    }
                }
                int[][] pairs;
                if (count == 2 && above[0] == above[2]) {
                    // Saddle: the centre decides which two corners the line cuts off (those unlike the centre).
                    boolean centre = (cz[0] + cz[1] + cz[2] + cz[3]) / 4 >= level;
                    pairs = above[0] == centre ? new int[][] {{0, 1}, {2, 3}} : new int[][] {{3, 0}, {1, 2}};
                } else {
                    int a = -1, b = -1;
                    for (int e = 0; e < 4; e++) {
                        if (crossed[e]) {
                            if (a < 0) {
                                a = e;
                            } else {
                                b = e;
                            }
                        }
                    }
                    pairs = new int[][] {{a, b}};
                }
                for (int[] pair : pairs) {
                    if (n + 3 > outX.length) {
                        outX = Arrays.copyOf(outX, 2 * outX.length);
                        outY = Arrays.copyOf(outY, 2 * outY.length);
                    }
                    outX[n] = ex[pair[0]];
                    outY[n++] = ey[pair[0]];
                    outX[n] = ex[pair[1]];
                    outY[n++] = ey[pair[1]];
                    outX[n] = Double.NaN;
                    outY[n++] = Double.NaN;
                }
            }
        }
        return new double[][] {Arrays.copyOf(outX, n), Arrays.copyOf(outY, n)};
    }
}
