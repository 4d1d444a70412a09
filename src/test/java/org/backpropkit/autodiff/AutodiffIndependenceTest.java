package org.backpropkit.autodiff;

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
import org.junit.jupiter.api.io.TempDir;

/**
 * The autodiff package is math a learner reads beside the core: it may use core, never data, plot or
 * kernel (nor the libraries behind them), so the engine stays small and the picture depends on it,
 * not the other way round. Any mention counts — an import or a fully qualified name.
 */
class AutodiffIndependenceTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(org\\.backpropkit\\.(data|plot|kernel)|tech\\.tablesaw|org\\.knowm\\.xchart|org\\.dflib|jdk\\.jshell)\\b");

    /** Each forbidden name in the sources under {@code dir}, as "file:line: name". */
    static List<String> forbidden(Path dir) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int k = 0; k < lines.size(); k++) {
                    Matcher m = FORBIDDEN.matcher(lines.get(k));
                    while (m.find()) {
                        found.add(dir.relativize(file) + ":" + (k + 1) + ": " + m.group());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void autodiffUsesNeitherDataNorPlotNorKernel() throws IOException {
        Path dir = Path.of("src/main/java/org/backpropkit/autodiff");
        assertTrue(Files.isRegularFile(dir.resolve("Value.java")), "run from the repository root: no " + dir);
        assertEquals(List.of(), forbidden(dir), "autodiff may import core only; drawing belongs in plot");
    }

    @Test
    void theScanFindsImportsAndQualifiedNames(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Bad.java"), "package org.backpropkit.autodiff;\n"
                + "import org.backpropkit.core.Matrix;\n"
                + "import org.backpropkit.plot.ComputationGraph;\n"
                + "class Bad { Object t = org.backpropkit.data.DataSet.load(\"xor\"); }\n");
        assertEquals(List.of("Bad.java:3: org.backpropkit.plot", "Bad.java:4: org.backpropkit.data"), forbidden(dir));
    }
}
