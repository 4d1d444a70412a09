package org.backpropkit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.backpropkit.core.Format;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Require;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A table of samples read from a CSV file with a header row: one call from a file or the name of
 * a bundled set to a Tablesaw {@link Table}, then to the kit's matrices by column names.
 * <pre>{@code
 * Examples xor  = DataSet.load("xor").inputs("x1", "x2").targets("t");
 * Examples iris = DataSet.load("iris").inputs("sepal_length", "sepal_width", "petal_length", "petal_width")
 *                        .oneHot("species");
 * Examples digits = DataSet.load("digits").inputsExcept("label").oneHot("label");   // 64 pixels, 10 classes
 * DataSet mine = DataSet.load(Path.of("my.csv"), "label");        // every column a number but "label"
 * }</pre>
 *
 * <p>Column types are forced, never guessed: every column is a number ({@code double}) except the
 * label columns named when loading, which are text. Guessing is what lets Tablesaw turn a numeric
 * column with one stray word into text, whose category codes then pass silently for numbers. So
 * loading checks every cell and fails with a {@link DataError} naming the file, the row, the
 * column and the text when a number is missing or is not a number; a data set is complete or not
 * loaded at all.
 *
 * <p>Bundled sets ({@link #BUNDLED}) live in the repository's {@code data/} folder and travel
 * inside the kit's jar, so they load from any working directory; {@code data/README.md} says
 * where each comes from.
 */
public final class DataSet {

    /** The bundled sets by name, each with its label (text) columns. */
    public static final Map<String, List<String>> BUNDLED = bundled();

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Infinity as Java (and so the kit's own history files) writes it. */
    private static final Pattern INFINITY = Pattern.compile("[+-]?Infinity");

    private final String name;
    private final Table table;

    private DataSet(String name, Table table) {
        this.name = name;
        this.table = table;
    }

    private static Map<String, List<String>> bundled() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("article", List.of());
        sets.put("xor", List.of());
        sets.put("moons", List.of());
        sets.put("iris", List.of("species"));
        sets.put("digits", List.of("label"));
        return Collections.unmodifiableMap(sets);
    }

    /**
     * Loads a bundled set by name ({@code "xor"}) or, if {@code nameOrPath} is not one, the CSV file
     * at that path with every column read as a number.
     */
    public static DataSet load(String nameOrPath) {
        Require.notNull("the data set's name or path", nameOrPath,
                "give a bundled set (" + String.join(", ", BUNDLED.keySet()) + ") or a CSV file's path");
        List<String> labels = BUNDLED.get(nameOrPath);
        if (labels == null) {
            return load(Path.of(nameOrPath));
        }
        String resource = "/org/backpropkit/data/sets/" + nameOrPath + ".csv";
        try (InputStream in = DataSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DataError("the bundled data set '" + nameOrPath + "' is missing from the class path ("
                        + resource + "); rebuild the kit with mvn package");
            }
            return parse(nameOrPath, "bundled data set '" + nameOrPath + "'",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the CSV file at {@code path}: a header row of column names, then one sample per row.
     * Every column is a number except {@code labelColumns}, which are read as text.
     *
     * @throws DataError if the file is missing or empty, a label column is not in the header, or a
     *     cell of a numeric column is empty or not a number
     */
    public static DataSet load(Path path, String... labelColumns) {
        Require.notNull("path", path, "give the CSV file's path, e.g. Path.of(\"my.csv\")");
        Require.noNulls("the label columns", labelColumns);
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            String hint = path.toString().contains("/") || path.toString().contains(".") ? ""
                    : "; it is not a bundled set either (bundled: " + String.join(", ", BUNDLED.keySet()) + ")";
            throw new DataError("no data file at " + absolute
                    + (Files.isDirectory(absolute) ? " (that is a folder)" : "")
                    + " (working directory " + Path.of("").toAbsolutePath() + ")" + hint);
        }
        String text;
        try {
            text = utf8(absolute.toString(), Files.readAllBytes(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + absolute + ": " + e.getMessage(), e);
        }
        String fileName = absolute.getFileName().toString();
        return parse(fileName.replaceFirst("\\.csv$", ""), absolute.toString(), text, List.of(labelColumns));
    }

    /**
     * The bytes of a file as UTF-8 text, or a {@link DataError} naming the line of the first byte that is not
     * UTF-8. Java's own message ("Input length = 1") names neither; a file saved by a spreadsheet as
     * Windows-1252 or Latin-1 fails this way at its first é, ü or °.
     */
    private static String utf8(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position(), line = 1;
            for (int k = 0; k < at; k++) {
                line += bytes[k] == '\n' ? 1 : 0;
            }
            StringBuilder shown = new StringBuilder();
            for (int k = at; k < Math.min(at + result.length(), bytes.length); k++) {
                shown.append(shown.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[k] & 0xFF));
            }
            throw new DataError(file + " is not UTF-8 text: line " + line + " has the byte " + shown + ", which UTF-8"
                    + " does not allow there. The file was probably saved as Windows-1252 or Latin-1 (as spreadsheets"
                    + " do for letters such as é, ü or °). Save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\") and load it"
                    + " again");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Reads every cell as text with Tablesaw, then converts the numeric columns with checks. */
    private static DataSet parse(String name, String file, String content, List<String> labels) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content; // a spreadsheet's byte-order mark
        if (text.isBlank()) {
            throw new DataError(file + " is empty: expected a header row of column names, then one row per sample");
        }
        requireHeader(file, text);
        Table raw;
        try {
            raw = Table.read().usingOptions(CsvReadOptions.builder(new StringReader(text))
                    .tableName(name)
                    .header(true)
                    .columnTypes(column -> ColumnType.STRING)
                    .missingValueIndicator("\u0000") // empty cells stay visible as "" so we can name them
                    .build());
        } catch (RuntimeException e) {
            throw new DataError(file + ": " + raggedRow(text).orElse("Tablesaw could not read it: " + e.getMessage()));
        }
        List<String> columns = raw.columnNames();
        for (String label : labels) {
            if (!columns.contains(label)) {
                throw missingColumn(file, label, columns, "label column");
            }
        }
        if (raw.rowCount() == 0) {
            throw new DataError(file + " has a header (" + String.join(", ", columns)
                    + ") but no rows of data");
        }
        Table typed = Table.create(name);
        for (String column : columns) {
            StringColumn cells = raw.stringColumn(column);
            if (labels.contains(column)) {
                for (int r = 0; r < cells.size(); r++) {
                    if (cells.get(r).isBlank()) {
                        throw badCell(file, text, r, column, cells.get(r), "missing label");
                    }
                }
                typed.addColumns(cells.copy());
            } else {
                typed.addColumns(numbers(file, text, column, cells));
            }
        }
        return new DataSet(name, typed);
    }

    /**
     * The first line must be a header of names, one per comma-separated column. Refused, each with what
     * happened: a line without commas but with semicolons or tabs (a spreadsheet's CSV in many European
     * locales); an empty name (a trailing comma, for which Tablesaw would invent a column "C3"); and a line
     * of numbers only (a file without a header, whose first sample would otherwise become the names).
     */
    private static void requireHeader(String file, String text) {
        String header = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        if (!header.contains(",")) {
            for (String separator : new String[] {";", "\t"}) {
                if (header.contains(separator)) {
                    String name = separator.equals(";") ? "semicolons (;)" : "tabs";
                    throw new DataError(file + ": its header '" + header.replace("\t", "\\t") + "' has no commas but "
                            + name + ", so the file looks separated by " + name + ", as spreadsheets save CSV in"
                            + " many languages. The kit reads comma-separated files: save it with commas as the"
                            + " separator (and a point as the decimal mark), or replace the " + name + " by commas");
                }
            }
        }
        String[] names = header.split(",", -1);
        for (int k = 0; k < names.length; k++) {
            if (names[k].strip().isEmpty()) {
                boolean last = k == names.length - 1;
                throw new DataError(file + ": column " + (k + 1) + " of the header has no name"
                        + (last ? " (the header line ends with a comma)" : "") + ", so Tablesaw would call it 'C" + k
                        + "'. " + (last ? "If the rows end with a comma too, remove the trailing commas; otherwise write"
                        : "Write") + " a name for every column. Header: '" + header + "'");
            }
        }
        if (java.util.Arrays.stream(names).allMatch(n -> NUMBER.matcher(n.strip()).matches())) {
            throw new DataError(file + ": its first line '" + header + "' holds only numbers, so it looks like a"
                    + " sample, not a header. The kit needs a first line of column names, e.g. '"
                    + String.join(",", java.util.stream.IntStream.rangeClosed(1, names.length).mapToObj(j -> "x" + j)
                    .toList()) + "': add one, or the first sample would be read as names");
        }
    }

    private static DoubleColumn numbers(String file, String text, String column, StringColumn cells) {
        double[] values = new double[cells.size()];
        for (int r = 0; r < values.length; r++) {
            String cell = cells.get(r).strip();
            if (cell.isEmpty()) {
                throw badCell(file, text, r, column, cell, "missing value");
            }
            if (INFINITY.matcher(cell).matches()) {
                values[r] = cell.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                continue; // as Java writes it, e.g. a history's loss: kept, and refused as an input or target
            }
            if (!NUMBER.matcher(cell).matches()) {
                throw badCell(file, text, r, column, cell, "not a number");
            }
            values[r] = Double.parseDouble(cell);
            if (!Double.isFinite(values[r])) {
                throw badCell(file, text, r, column, cell, "too large for a double");
            }
        }
        return DoubleColumn.create(column, values);
    }

    private static DataError badCell(String file, String text, int row, String column, String cell, String what) {
        String shown = cell.isEmpty() ? "an empty cell" : "'" + cell + "'";
        return new DataError(file + ", row " + (row + 1) + lineOf(text, row) + ", column '" + column + "': "
                + what + " (" + shown + "); every cell of "
                + (what.equals("missing label") ? "a label column needs a class name" : "a numeric column needs a number")
                + ". Rows count from 1 after the header");
    }

    /** Describes the first row whose number of cells differs from the header's, if there is one. */
    private static Optional<String> raggedRow(String text) {
        String[] lines = text.split("\r?\n", -1);
        int header = -1;
        int row = 0;
        for (int k = 0; k < lines.length; k++) {
            if (lines[k].isBlank()) {
                continue;
            }
            int cells = lines[k].split(",", -1).length;
            if (header < 0) {
                header = cells;
                continue;
            }
            row++;
            if (cells != header) {
                boolean trailing = lines[k].strip().endsWith(",") && cells == header + 1;
                return Optional.of("row " + row + " (line " + (k + 1) + ") has " + cells + " cells, the header has "
                        + header + " columns" + (trailing ? " (the row ends with a comma: remove it)" : "")
                        + "; every row needs one value per column. Rows count from 1 after the header");
            }
        }
        return Optional.empty();
    }

    /** The file line of data row {@code row} (from 0), assuming no quoted line breaks; blank lines are skipped. */
    private static String lineOf(String text, int row) {
        String[] lines = text.split("\r?\n", -1);
        int seen = -1; // the header is the first non-blank line
        for (int k = 0; k < lines.length; k++) {
            if (!lines[k].isBlank() && seen++ == row) {
                return " (line " + (k + 1) + ")";
            }
        }
        return "";
    }

    private static DataError missingColumn(String file, String column, List<String> columns, String role) {
        return new DataError(file + " has no " + role + " '" + column + "'; its columns are: "
                + String.join(", ", columns));
    }

    /** The set's name: the bundled name or the file name without {@code .csv}. */
    public String name() {
        return name;
    }

    /** The data as a Tablesaw table (a copy: changing it leaves this data set alone). */
    public Table table() {
        return table.copy();
    }

    /** The column names, in file order. */
    public List<String> columns() {
        return table.columnNames();
    }

    /** The number of samples (rows). */
    public int rows() {
        return table.rowCount();
    }

    /** The values of these numeric columns, one row per sample, one column per name. */
    public Matrix matrix(String... columns) {
        Require.noNulls("the column names", columns);
        if (columns.length == 0) {
            throw new IllegalArgumentException("name at least one column; " + name + " has: "
                    + String.join(", ", columns()));
        }
        double[][] values = new double[rows()][columns.length];
        for (int j = 0; j < columns.length; j++) {
            Column<?> column = column(columns[j]);
            if (!(column instanceof DoubleColumn numbers)) {
                throw new DataError(name + ": column '" + columns[j] + "' holds text (it was loaded as a label "
                        + "column), so it cannot be a number; use oneHot(\"" + columns[j] + "\") for class labels");
            }
            for (int i = 0; i < values.length; i++) {
                values[i][j] = numbers.getDouble(i);
            }
        }
        return Matrix.of(values);
    }

    /** Chooses the input columns {@code x₁, x₂, …}; then say which columns are the targets. */
    public Inputs inputs(String... columns) {
        Require.noNulls("the input columns", columns);
        return new Inputs(this, List.of(columns), finite("an input", columns));
    }

    /**
     * The values of these columns for a network: every one a finite number. (A file may hold Infinity, e.g. a
     * history's loss, and {@link #matrix} gives it back; as an input or target it would only turn into NaN.)
     */
    private Matrix finite(String role, String... columns) {
        Matrix m = matrix(columns);
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                if (!Double.isFinite(m.get(i, j))) {
                    throw new DataError(name + ": column '" + columns[j] + "' holds " + m.get(i, j) + " in row " + (i + 1)
                            + " (rows count from 1 after the header); " + role + " must be a finite number");
                }
            }
        }
        return m;
    }

    /**
     * Chooses every column except {@code columns} as the inputs, in file order: the 64 pixels of
     * {@code digits} are {@code inputsExcept("label")}.
     */
    public Inputs inputsExcept(String... columns) {
        Require.noNulls("the columns to leave out", columns);
        List<String> left = new ArrayList<>(columns());
        for (String column : columns) {
            left.remove(column(column).name());
        }
        if (left.isEmpty()) {
            throw new DataError(name + ": no columns are left for the inputs after leaving out "
                    + String.join(", ", columns) + "; its columns are: " + String.join(", ", columns()));
        }
        return inputs(left.toArray(new String[0]));
    }

    /** Returns the column with this name, or a {@link DataError} that lists the columns there are. */
    Column<?> column(String column) {
        if (!table.columnNames().contains(column)) {
            throw missingColumn(name, column, columns(), "column");
        }
        return table.column(column);
    }

    /** The second half of {@code inputs(…).targets(…)}: the inputs chosen, the targets still to name. */
    public static final class Inputs {
        private final DataSet data;
        private final List<String> names;
        private final Matrix x;

        private Inputs(DataSet data, List<String> names, Matrix x) {
            this.data = data;
            this.names = names;
            this.x = x;
        }

        /** Uses these numeric columns as the targets {@code t}, as they are. */
        public Examples targets(String... columns) {
            Require.noNulls("the target columns", columns);
            return new Examples(data.name, names, x, List.of(columns), data.finite("a target", columns), List.of());
        }

        /**
         * Encodes the class label in {@code column} one-hot: class {@code k} (of the sorted class
         * names) becomes the target row with 1 in column {@code k} and 0 elsewhere. The classes are this
         * file's own: for a second file (a test set) that must mean the same by each column, give the
         * first one's encoding, {@link #oneHot(String, Examples)}.
         */
        public Examples oneHot(String column) {
            Require.notNull("the label column", column);
            List<String> text = labels(column);
            return oneHot(column, text, text.stream().distinct().sorted(DataSet::compareLabels).toList(), null);
        }

        /**
         * Encodes {@code column} one-hot with these classes, in this order: class {@code classes.get(k)} has
         * its 1 in target column {@code k}, whichever classes this file happens to hold.
         *
         * @throws DataError if a label in the file is not among {@code classes} (naming the row and the
         *     label), or the list is empty or names a class twice
         */
        public Examples oneHot(String column, List<String> classes) {
            Require.notNull("the label column", column);
            Require.notNull("classes", classes, "give the class names in target-column order, e.g. train.classes()");
            if (classes.isEmpty() || classes.stream().anyMatch(c -> c == null) || classes.stream().distinct().count() != classes.size()) {
                throw new DataError("classes must name each class once, in target-column order; got " + classes);
            }
            return oneHot(column, labels(column), List.copyOf(classes), "the classes given");
        }

        /**
         * Encodes {@code column} one-hot exactly as {@code encoding} was: the same classes in the same target
         * columns, e.g. a test file as its training file, {@code test.inputs(…).oneHot("label", train)}. A label
         * the training file never had is refused, since the network has no output for it.
         */
        public Examples oneHot(String column, Examples encoding) {
            Require.notNull("the label column", column);
            Require.notNull("encoding", encoding, "give the Examples whose one-hot encoding to reuse, e.g. train");
            if (encoding.classes().isEmpty()) {
                throw new DataError(encoding.name() + " has no classes to reuse: its targets (" + String.join(", ",
                        encoding.targets()) + ") were not made by oneHot(…)");
            }
            return oneHot(column, labels(column), encoding.classes(), "the classes of " + encoding.name());
        }

        /** The labels of {@code column} as text, numbers written as the kit writes them ("3", not "3.0"). */
        private List<String> labels(String column) {
            Column<?> labels = data.column(column);
            List<String> text = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                text.add(labels instanceof DoubleColumn d ? Format.number(d.getDouble(i)) : labels.getString(i));
            }
            return text;
        }

        /** One-hot rows of {@code text} over {@code classes}; {@code given} names where a given list came from. */
        private Examples oneHot(String column, List<String> text, List<String> classes, String given) {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int k = 0; k < classes.size(); k++) {
                index.put(classes.get(k), k);
            }
            double[][] t = new double[text.size()][classes.size()];
            for (int i = 0; i < t.length; i++) {
                Integer k = index.get(text.get(i));
                if (k == null) {
                    throw unknownClass(column, text, i, classes, given);
                }
                t[i][k] = 1;
            }
            List<String> targetNames = classes.stream().map(c -> column + "=" + c).toList();
            return new Examples(data.name, names, x, targetNames, Matrix.of(t), classes);
        }

        private DataError unknownClass(String column, List<String> text, int row, List<String> classes, String given) {
            List<String> unseen = text.stream().filter(label -> !classes.contains(label)).distinct().limit(5).toList();
            boolean targetNames = classes.stream().allMatch(c -> c.contains("="));
            return new DataError(data.name + ": column '" + column + "' has the class '" + text.get(row) + "' in row "
                    + (row + 1) + " (rows count from 1 after the header), which is not among " + given + " ("
                    + String.join(", ", classes) + "); a network trained on those has no output for it. Classes not"
                    + " there: " + String.join(", ", unseen) + (targetNames ? ". (The list looks like target names;"
                    + " give the class names, e.g. train.classes())" : ". Check the spelling, or encode with classes"
                    + " that include them"));
        }
    }

    /** Numbers in numeric order, other labels alphabetically. */
    private static int compareLabels(String a, String b) {
        if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        }
        return a.compareTo(b);
    }

    /** E.g. {@code iris: 150 rows × 5 columns (sepal_length, …, species)}. */
    @Override
    public String toString() {
        return name + ": " + rows() + " rows × " + columns().size() + " columns (" + String.join(", ", columns())
                + ")";
    }
}
