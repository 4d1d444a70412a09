package org.backpropkit.plot;

/**
 * How a chart's axes map numbers to the screen: a loss axis is {@link #LINEAR} or {@link #LOG}; the two
 * weight axes of a loss surface are {@link #LINEAR} (each fitted to the picture) or {@link #EQUAL}.
 */
public enum Scale {
    /** Evenly spaced numbers, each axis fitted to the picture. */
    LINEAR,
    /** Evenly spaced powers of ten, to see the small losses late in training. */
    LOG,
    /**
     * For two weights: one unit is as long on both axes, so that angles are drawn as they are (a path
     * along the gradient meets the contour lines at a right angle).
     */
    EQUAL
}
