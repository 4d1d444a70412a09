package org.backpropkit.data;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.backpropkit.core.Format;
import org.backpropkit.core.Parameter;
import org.backpropkit.core.Require;
import org.backpropkit.train.History;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A training {@link History} as a Tablesaw table, one row per epoch (0 = before training):
 * {@code epoch}, {@code loss}, then one column per tracked weight under its plain name
 * ({@code w11}, {@code u21}, {@code b(1)3}). Show it, filter it
 * ({@code table.where(table.intColumn("epoch").isGreaterThan(100))}), or write it to CSV.
 */
public final class HistoryTable {

    private HistoryTable() {
    }

    /** The history's table, named after the run's learning rate, e.g. {@code η = 0.5}. */
    public static Table of(History history) {
        Require.notNull("history", history, "give the History a Trainer returned");
        int rows = history.epochs() + 1;
        int[] epochs = new int[rows];
        for (int e = 0; e < rows; e++) {
            epochs[e] = e;
        }
        Table table = Table.create("η = " + Format.number(history.eta()),
                IntColumn.create("epoch", epochs), DoubleColumn.create("loss", history.loss()));
        for (Parameter p : history.tracked()) {
            table.addColumns(DoubleColumn.create(p.name(), history.trajectory(p)));
        }
        return table;
    }

    /** Writes the history's table to a CSV file atomically; see {@link #write(Table, Path)}. */
    public static void write(History history, Path file) {
        Require.notNull("file", file);
        write(of(history), file);
    }

    /**
     * Writes any table as CSV with a header row. The file is replaced in one rename, so a crash
     * mid-write leaves the old file, not a torn one.
     */
    public static void write(Table table, Path file) {
        Require.notNull("table", table);
        Require.notNull("file", file);
        StringWriter csv = new StringWriter();
        table.write().csv(csv);
        AtomicFiles.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
