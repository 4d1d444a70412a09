package org.backpropkit.plot;

/** The scale of a loss axis: linear, or logarithmic to see the small losses late in training. */
public enum Scale {
    LINEAR,
    LOG
}
