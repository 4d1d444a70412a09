package org.backpropkit.data;

/**
 * A training part and a test part of the same examples, made by {@link Examples#split}.
 * {@link #standardized()} rescales both with statistics of the training part only, as it must be:
 * the test part stands for data the network has never seen, so it may not shape the scaling.
 */
public final class Split {

    private final Examples train;
    private final Examples test;
    private final Standardization standardization;

    Split(Examples train, Examples test, Standardization standardization) {
        this.train = train;
        this.test = test;
        this.standardization = standardization;
    }

    /** The examples to train on. */
    public Examples train() {
        return train;
    }

    /** The examples held back to measure the trained network. */
    public Examples test() {
        return test;
    }

    /**
     * Both parts with every input column rescaled to {@code (x − mean) / sd}, mean and standard
     * deviation measured on the training part.
     */
    public Split standardized() {
        if (standardization != null) {
            throw new IllegalStateException("this split is standardized already; standardizing twice is a mistake");
        }
        Standardization z = Standardization.fit(train.x());
        return new Split(train.standardized(z), test.standardized(z), z);
    }

    /** The scaling applied by {@link #standardized()}, to apply to new inputs; null before that. */
    public Standardization standardization() {
        return standardization;
    }

    /** E.g. {@code iris split: 120 to train, 30 to test}. */
    @Override
    public String toString() {
        return train.name() + " split: " + train.size() + " to train, " + test.size() + " to test"
                + (standardization == null ? "" : ", standardized with the training statistics");
    }
}
