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

    /**
     * Train and test files encoded separately meant different classes by the same column when the test file
     * lacked one. The training file's encoding is reused, and a class training never saw is refused.
     */
    @Test
    void aTestFileIsEncodedWithTheTrainingFilesClasses() throws IOException {
        Examples train = DataSet.load(file("train.csv", "x,label\n1,cat\n2,dog\n3,emu\n"), "label").inputs("x")
                .oneHot("label");
        DataSet testFile = DataSet.load(file("test.csv", "x,label\n4,emu\n5,cat\n"), "label");
        assertArrayEquals(new double[] {0, 1}, testFile.inputs("x").oneHot("label").t().row(0)); // its own: emu is 2nd
        Examples test = testFile.inputs("x").oneHot("label", train);
        assertEquals(List.of("cat", "dog", "emu"), test.classes());
        assertEquals(train.targets(), test.targets());
        assertArrayEquals(new double[] {0, 0, 1}, test.t().row(0)); // emu in emu's training column
        assertArrayEquals(new double[] {1, 0, 0}, test.t().row(1));
        assertEquals(test.t(), testFile.inputs("x").oneHot("label", List.of("cat", "dog", "emu")).t());

        DataSet unseen = DataSet.load(file("unseen.csv", "x,label\n4,emu\n5,yak\n6,cat\n"), "label");
        DataError e = assertThrows(DataError.class, () -> unseen.inputs("x").oneHot("label", train));
        assertEquals("unseen: column 'label' has the class 'yak' in row 2 (rows count from 1 after the header), which is"
                + " not among the classes of train (cat, dog, emu); a network trained on those has no output for it."
                + " Classes not there: yak. Check the spelling, or encode with classes that include them", e.getMessage());
        assertContains(assertThrows(DataError.class, () -> testFile.inputs("x").oneHot("label", train.targets()))
                .getMessage(), "The list looks like target names; give the class names, e.g. train.classes()");
        assertContains(assertThrows(DataError.class, () -> testFile.inputs("x").oneHot("label", List.of("cat", "cat")))
                .getMessage(), "classes must name each class once");
        Examples plain = DataSet.load("xor").inputs("x1", "x2").targets("t");
        assertContains(assertThrows(DataError.class, () -> testFile.inputs("x").oneHot("label", plain)).getMessage(),
                "xor has no classes to reuse");
    }

    @Test
    void aFileThatIsNotUtf8SaysSoWithTheLine() throws IOException {
        Path p = dir.resolve("cp1252.csv");
        Files.write(p, "x1,name\n1,cafe\n2,caf\u00e9\n".getBytes("windows-1252"));
        DataError e = assertThrows(DataError.class, () -> DataSet.load(p, "name"));
        assertContains(e.getMessage(), p.toAbsolutePath() + " is not UTF-8 text: line 3 has the byte 0xE9",
                "Windows-1252", "Save it as UTF-8");
    }

    @Test
    void aFileSeparatedBySemicolonsOrTabsGetsAHint() throws IOException {
        assertContains(assertThrows(DataError.class, () -> DataSet.load(file("semi.csv", "x1;x2;t\n1,5;2;0\n")))
                .getMessage(), "its header 'x1;x2;t' has no commas but semicolons (;)", "save it with commas");
        assertContains(assertThrows(DataError.class, () -> DataSet.load(file("tab.csv", "x1\tx2\n1\t2\n")))
                .getMessage(), "has no commas but tabs");
    }

    /** A trailing comma used to invent a column C3; now the message says what happened. */
    @Test
    void aTrailingCommaIsNamedNotTurnedIntoAColumn() throws IOException {
        Path header = file("trailing.csv", "x1,x2,\n1,2,\n");
        assertContains(assertThrows(DataError.class, () -> DataSet.load(header)).getMessage(),
                "column 3 of the header has no name (the header line ends with a comma), so Tablesaw would call it 'C2'",
                "remove the trailing commas");
        assertContains(assertThrows(DataError.class, () -> DataSet.load(file("gap.csv", "x1,,t\n1,2,3\n")))
                .getMessage(), "column 2 of the header has no name, so Tablesaw would call it 'C1'. Write a name");
        assertContains(assertThrows(DataError.class, () -> DataSet.load(file("rows.csv", "x1,x2\n1,2,\n")))
                .getMessage(), "row 1 (line 2) has 3 cells, the header has 2 columns (the row ends with a comma: remove it)");
    }

    /** A file without a header used its first sample as column names, silently. */
    @Test
    void aFileWithoutAHeaderIsRefused() throws IOException {
        Path p = file("noheader.csv", "0.5,0.8,1\n0.1,0.2,0\n");
        assertContains(assertThrows(DataError.class, () -> DataSet.load(p)).getMessage(),
                "its first line '0.5,0.8,1' holds only numbers, so it looks like a sample, not a header",
                "e.g. 'x1,x2,x3'");
        assertEquals(List.of("x", "1"), DataSet.load(file("mixed.csv", "x,1\n2,3\n")).columns()); // a name is enough
    }

    /** The kit's own history files can hold Infinity (Java's spelling): they load back; as an input it is refused. */
    @Test
    void infinityAsJavaWritesItLoadsBackButIsNoInput() {
        Path p = dir.resolve("history.csv");
        HistoryTable.write(tech.tablesaw.api.Table.create("h", tech.tablesaw.api.DoubleColumn.create("loss",
                new double[] {Double.POSITIVE_INFINITY, 0.5, Double.NEGATIVE_INFINITY})), p);
        DataSet back = DataSet.load(p);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.5, Double.NEGATIVE_INFINITY},
                new double[] {back.matrix("loss").get(0, 0), back.matrix("loss").get(1, 0), back.matrix("loss").get(2, 0)});
        assertEquals("history: column 'loss' holds Infinity in row 1 (rows count from 1 after the header); an input must"
                + " be a finite number", assertThrows(DataError.class, () -> back.inputs("loss")).getMessage());
    }

    @Test
    void tableIsACopy() {
        DataSet xor = DataSet.load("xor");
        xor.table().doubleColumn("x1").set(0, 99.0);
        assertEquals(0.0, xor.matrix("x1").get(0, 0));
    }
}
