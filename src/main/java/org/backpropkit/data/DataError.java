package org.backpropkit.data;

/**
 * A data set could not be used: the file is missing or empty, a column is not there, or a cell
 * holds something that is not a number. The message names the file, and where it applies the row,
 * the column and the offending text, so a learner can open the file and fix it. Nothing is loaded
 * when this is thrown: a data set is either complete or absent.
 */
public final class DataError extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A data error with a message that says what was expected and what was found. */
    public DataError(String message) {
        super(message);
    }
}
