package org.backpropkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backpropkit.core.Article;
import org.backpropkit.core.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected the message to contain «" + part + "», got: " + message);
        }
    }

    @Test
    void articleSetIsTheArticlesSample() {
        Examples ex = DataSet.load("article").inputs("x1", "x2").targets("t1", "t2");
        assertEquals(Matrix.row(Article.x()), ex.x());
        assertEquals(Matrix.row(Article.t()), ex.t());
    }

    @Test
    void xorHasItsFourRows() {
        Examples ex = DataSet.load("xor").inputs("x1", "x2").targets("t");
        assertEquals(Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), ex.x());
        assertEquals(Matrix.of(new double[][] {{0}, {1}, {1}, {0}}), ex.t());
    }

    @Test
    void moonsHas200BalancedSamples() {
        DataSet moons = DataSet.load("moons");
        assertEquals(List.of("x1", "x2", "t"), moons.columns());
        Examples ex = moons.inputs("x1", "x2").targets("t");
        assertEquals(200, ex.size());
        assertArrayEquals(new double[] {-0.3681, 0.8129}, ex.x().row(0));
        double ones = 0;
        for (int i = 0; i < ex.size(); i++) {
            ones += ex.t().get(i, 0);
        }
        assertEquals(100, ones);
    }

    @Test
    void moonsFileIsExactlyWhatTheGeneratorWrites() throws IOException {
        assertEquals(Moons.csv(Moons.SAMPLES, Moons.NOISE, Moons.SEED),
                Files.readString(Path.of("data/moons.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void irisOneHotKeepsClassNames() {
        Examples ex = DataSet.load("iris")
                .inputs("sepal_length", "sepal_width", "petal_length", "petal_width").oneHot("species");
        assertEquals(150, ex.size());
        assertEquals(4, ex.x().cols());
        assertEquals(List.of("setosa", "versicolor", "virginica"), ex.classes());
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, ex.x().row(0));
        assertArrayEquals(new double[] {1, 0, 0}, ex.t().row(0));
        assertArrayEquals(new double[] {0, 0, 1}, ex.t().row(149));
        assertArrayEquals(new double[] {5.9, 3.0, 5.1, 1.8}, ex.x().row(149));
    }

    @Test
    void numericLabelsSortNumerically() throws IOException {
        Path p = file("digits.csv", "x,d\n1,10\n2,9\n3,10\n");
        Examples ex = DataSet.load(p).inputs("x").oneHot("d");
        assertEquals(List.of("9", "10"), ex.classes());
        assertArrayEquals(new double[] {0, 1}, ex.t().row(0));
    }

    @Test
    void loadingAPathReadsEveryColumnAsANumber() throws IOException {
        Path p = file("mine.csv", "a,b\n1,2.5\n-3e-1,4\n");
        DataSet ds = DataSet.load(p.toString());
        assertEquals("mine", ds.name());
        assertEquals(Matrix.of(new double[][] {{1, 2.5}, {-0.3, 4}}), ds.matrix("a", "b"));
        assertEquals(2, ds.table().rowCount());
    }

    @Test
    void byteOrderMarkFromASpreadsheetIsIgnored() throws IOException {
        Path p = file("bom.csv", "\uFEFFx1,t\r\n1,0\r\n");
        assertEquals(List.of("x1", "t"), DataSet.load(p).columns());
    }

    @Test
    void missingFileShowsThePath() {
        Path p = dir.resolve("nope.csv");
        DataError e = assertThrows(DataError.class, () -> DataSet.load(p));
        assertContains(e.getMessage(), "no data file at " + p.toAbsolutePath());
    }

    @Test
    void unknownNameListsTheBundledSets() {
        DataError e = assertThrows(DataError.class, () -> DataSet.load("xr"));
        assertContains(e.getMessage(), "no data file at", "bundled: article, xor, moons, iris");
    }

    @Test
    void missingColumnListsTheColumnsThatExist() {
        DataError e = assertThrows(DataError.class, () -> DataSet.load("xor").inputs("x1", "x3"));
        assertContains(e.getMessage(), "no column 'x3'", "x1, x2, t");
    }

    @Test
    void missingLabelColumnIsNamedAtLoad() throws IOException {
        Path p = file("l.csv", "a,b\n1,2\n");
        DataError e = assertThrows(DataError.class, () -> DataSet.load(p, "species"));
        assertContains(e.getMessage(), "no label column 'species'", "a, b");
    }

    @Test
    void textInANumericColumnNamesFileRowColumnAndText() throws IOException {
        Path p = file("bad.csv", "x1,x2,t\n0,0,0\n0,abc,1\n");
        DataError e = assertThrows(DataError.class, () -> DataSet.load(p));
        assertContains(e.getMessage(), p.toAbsolutePath().toString(), "row 2 (line 3)", "column 'x2'", "'abc'",
                "not a number");
    }

    @Test
    void missingValueNamesFileRowAndColumn() throws IOException {
        Path p = file("gap.csv", "x1,x2,t\n0,0,0\n1,1,1\n0,,1\n");
        DataError e = assertThrows(DataError.class, () -> DataSet.load(p));
        assertContains(e.getMessage(), p.toAbsolutePath().toString(), "row 3 (line 4)", "column 'x2'",
                "missing value", "an empty cell");
    }

    @Test
    void rowWithTooFewCellsIsNamed() throws IOException {
        Path p = file("short.csv", "x1,x2,t\n0,0,1\n\n0,0\n");
        DataError e = assertThrows(DataError.class, () -> DataSet.load(p));
        assertContains(e.getMessage(), p.toAbsolutePath().toString(), "row 2 (line 4) has 2 cells",
                "the header has 3 columns");
    }

    @Test
    void nanAndWordsThatJavaWouldParseAreRejected() throws IOException {
        Path p = file("nan.csv", "x\n1\nNaN\n");
        DataError e = assertThrows(DataError.class, () -> DataSet.load(p));
        assertContains(e.getMessage(), "row 2", "'NaN'", "not a number");
        Path q = file("f.csv", "x\n1.5f\n");
        assertContains(assertThrows(DataError.class, () -> DataSet.load(q)).getMessage(), "'1.5f'");
    }

    @Test
    void emptyFileSaysItIsEmpty() throws IOException {
        Path p = file("empty.csv", "");
        DataError e = assertThrows(DataError.class, () -> DataSet.load(p));
        assertContains(e.getMessage(), p.toAbsolutePath().toString(), "is empty");
    }

    @Test
    void headerWithoutRowsSaysSo() throws IOException {
        Path p = file("header.csv", "x1,x2,t\n");
        DataError e = assertThrows(DataError.class, () -> DataSet.load(p));
        assertContains(e.getMessage(), "has a header (x1, x2, t) but no rows");
    }

    @Test
    void labelColumnCannotBeAnInput() {
        DataError e = assertThrows(DataError.class, () -> DataSet.load("iris").inputs("species"));
        assertContains(e.getMessage(), "'species' holds text", "oneHot(\"species\")");
    }

    @Test
    void tableIsACopy() {
        DataSet xor = DataSet.load("xor");
        xor.table().doubleColumn("x1").set(0, 99.0);
        assertEquals(0.0, xor.matrix("x1").get(0, 0));
    }
}
