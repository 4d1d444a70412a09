package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The exercise package builds on core, check, explain, train and data; never on plot, the kernel, or their libraries. */
class ExerciseDependenciesTest {

    private static final Pattern IMPORT = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(org\\.backpropkit\\.(plot|kernel)|org\\.knowm|org\\.dflib|jdk\\.jshell)\\b.*$",
            Pattern.MULTILINE);

    @Test
    void theExercisePackageImportsNeitherPlotNorKernel() throws IOException {
        Path dir = Path.of("src/main/java/org/backpropkit/exercise");
        assertTrue(Files.isDirectory(dir), "run from the repository root");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(file.getFileName() + ": " + m.group().strip());
                }
            }
        }
        assertEquals(List.of(), found);
        assertTrue(IMPORT.matcher("import org.backpropkit.plot.Plot;").find(), "the pattern finds what it forbids");
    }
}
