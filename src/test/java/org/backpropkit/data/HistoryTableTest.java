package org.backpropkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backpropkit.core.Article;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.train.History;
import org.backpropkit.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class HistoryTableTest {

    @TempDir
    Path dir;

    private static History run() {
        Network net = Article.network();
        return Trainer.sgd(0.5).epochs(5).track("w11", "u21")
                .train(net, Matrix.row(Article.x()), Matrix.row(Article.t()));
    }

    @Test
    void tableHasEpochLossAndTrackedWeights() {
        History h = run();
        Table t = HistoryTable.of(h);
        assertEquals(List.of("epoch", "loss", "w11", "u21"), t.columnNames());
        assertEquals(6, t.rowCount());
        assertEquals(0, t.intColumn("epoch").getInt(0));
        assertEquals(h.loss(0), t.doubleColumn("loss").getDouble(0));
        assertEquals(0.1, t.doubleColumn("w11").getDouble(0));
        assertEquals(0.9, t.doubleColumn("u21").getDouble(0));
        assertEquals(h.finalLoss(), t.doubleColumn("loss").getDouble(5));
        assertEquals(3, t.where(t.intColumn("epoch").isGreaterThan(2)).rowCount());
    }

    @Test
    void csvRoundTripsAndReplacesTheOldFile() throws IOException {
        History h = run();
        Path file = dir.resolve("runs/history.csv");
        HistoryTable.write(h, file);
        HistoryTable.write(h, file);
        DataSet back = DataSet.load(file);
        assertEquals(List.of("epoch", "loss", "w11", "u21"), back.columns());
        assertEquals(h.loss(3), back.matrix("loss").get(3, 0));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)), "a written file must be readable like any other");
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file may be left behind");
        }
    }

    @Test
    void failedWriteLeavesTheOldFile() throws IOException {
        Path file = dir.resolve("h.csv");
        Files.writeString(file, "old");
        Path blocked = dir.resolve("h.csv/inside.csv"); // parent is a file: the write must fail
        assertThrows(UncheckedIOException.class, () -> HistoryTable.write(run(), blocked));
        assertEquals("old", Files.readString(file));
        assertTrue(Files.isRegularFile(file));
    }
}
