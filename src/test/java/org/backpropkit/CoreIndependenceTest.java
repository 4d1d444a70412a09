package org.backpropkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core packages (the math a learner reads) must not depend on Tablesaw or XChart: they stay
 * small, and usable without the data and plotting libraries. This scans their sources for imports.
 */
class CoreIndependenceTest {

    private static final List<String> CORE = List.of("core", "explain", "check", "train");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(tech\\.tablesaw|org\\.knowm\\.xchart)\\b.*$", Pattern.MULTILINE);

    /** The forbidden imports in these sources, as "file: import line". */
    static List<String> forbiddenImports(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        for (String pkg : CORE) {
            Path dir = root.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    Matcher m = FORBIDDEN.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (m.find()) {
                        found.add(root.relativize(file) + ": " + m.group().strip());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void corePackagesImportNeitherTablesawNorXChart() throws IOException {
        Path root = Path.of("src/main/java/org/backpropkit");
        assertTrue(Files.isDirectory(root.resolve("core")), "run from the repository root: no " + root.resolve("core"));
        assertEquals(List.of(), forbiddenImports(root),
                "core, explain, check and train must not import Tablesaw or XChart; move this code to data or plot");
    }

    @Test
    void theScanFindsAForbiddenImport(@org.junit.jupiter.api.io.TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("train"));
        Files.writeString(root.resolve("train/Bad.java"), "package x;\n\nimport tech.tablesaw.api.Table;\n"
                + "import static org.knowm.xchart.BitmapEncoder.getBitmapBytes;\nclass Bad {}\n");
        Files.createDirectories(root.resolve("plot"));
        Files.writeString(root.resolve("plot/Fine.java"), "import org.knowm.xchart.XYChart;\n");
        assertEquals(List.of("train/Bad.java: import tech.tablesaw.api.Table;",
                "train/Bad.java: import static org.knowm.xchart.BitmapEncoder.getBitmapBytes;"), forbiddenImports(root));
    }
}
