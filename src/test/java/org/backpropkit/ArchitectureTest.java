package org.backpropkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages' dependencies, as the architecture intends them, checked on the sources:
 * <ul>
 *   <li>the math a learner reads (core, explain, check, train, and any package not named below, so a new
 *       package is held to this by default) uses nothing of data, plot or kernel, nor Tablesaw, XChart,
 *       jjava-jupyter or JShell: it stays small and usable without them;</li>
 *   <li>data may use Tablesaw; plot may use XChart and data; view (the network picture, live training) may use
 *       plot and data; none of them uses kernel, and nothing below view uses view;</li>
 *   <li>only kernel uses jjava-jupyter ({@code org.dflib}) or JShell ({@code jdk.jshell}); nothing uses kernel.</li>
 * </ul>
 * A use is an {@code import} or a fully qualified name anywhere in the code (comments are skipped).
 */
class ArchitectureTest {

    private static final String KIT = "org.backpropkit.";

    /** What each package may not use; a package not listed gets {@link #MATH}. */
    private static final List<String> MATH = List.of(KIT + "data", KIT + "plot", KIT + "view", KIT + "kernel",
            "tech.tablesaw", "org.knowm.xchart", "org.dflib", "jdk.jshell");
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "data", List.of(KIT + "plot", KIT + "view", KIT + "kernel", "org.knowm.xchart", "org.dflib", "jdk.jshell"),
            "plot", List.of(KIT + "view", KIT + "kernel", "org.dflib", "jdk.jshell"),
            "view", List.of(KIT + "kernel", "org.dflib", "jdk.jshell"),
            "kernel", List.of());

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("\\b([a-z][a-z0-9_]*(?:\\.[a-zA-Z_][a-zA-Z0-9_]*)+)");

    /** The forbidden uses in the sources under {@code root}, as "file: name". */
    static List<String> violations(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = root.relativize(file);
                String pkg = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                List<String> forbidden = FORBIDDEN.getOrDefault(pkg, MATH);
                String code = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
                Matcher m = NAME.matcher(code);
                while (m.find()) {
                    String name = m.group(1);
                    for (String prefix : forbidden) {
                        if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                            String use = relative.toString().replace('\\', '/') + ": " + name;
                            if (!found.contains(use)) {
                                found.add(use);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void everyPackageUsesOnlyWhatItsPlaceAllows() throws IOException {
        Path root = Path.of("src/main/java/org/backpropkit");
        assertTrue(Files.isDirectory(root.resolve("core")), "run from the repository root: no " + root.resolve("core"));
        assertEquals(List.of(), violations(root), "core, explain, check, train (and new packages) use nothing of data,"
                + " plot, kernel, Tablesaw or XChart; only kernel uses jjava-jupyter or JShell; nothing uses kernel");
    }

    @Test
    void theScanFindsEveryKindOfViolation(@TempDir Path root) throws IOException {
        write(root, "train/Bad.java", "package org.backpropkit.train;\n\nimport tech.tablesaw.api.Table;\n"
                + "import static org.knowm.xchart.BitmapEncoder.getBitmapBytes;\nclass Bad {}\n");
        write(root, "core/Qualified.java", "package org.backpropkit.core;\n// org.backpropkit.plot.Plot in a comment"
                + " is fine\nclass Qualified { Object c = new org.backpropkit.plot.Plot(); }\n");
        write(root, "autodiff/New.java", "package org.backpropkit.autodiff;\nimport org.backpropkit.data.DataSet;\n"
                + "import org.backpropkit.core.Network;\nclass New {}\n");
        write(root, "data/Kernel.java", "package org.backpropkit.data;\nimport org.dflib.jjava.jupyter.Extension;\n"
                + "import tech.tablesaw.api.Table;\nclass Kernel {}\n");
        write(root, "plot/Shell.java", "package org.backpropkit.plot;\nimport jdk.jshell.JShell;\n"
                + "import org.knowm.xchart.XYChart;\nimport org.backpropkit.kernel.Main;\nclass Shell {}\n");
        write(root, "kernel/Fine.java", "package org.backpropkit.kernel;\nimport jdk.jshell.JShell;\n"
                + "import org.backpropkit.plot.Plot;\nclass Fine {}\n");
        assertEquals(List.of(
                "autodiff/New.java: org.backpropkit.data.DataSet",
                "core/Qualified.java: org.backpropkit.plot.Plot",
                "data/Kernel.java: org.dflib.jjava.jupyter.Extension",
                "plot/Shell.java: jdk.jshell.JShell",
                "plot/Shell.java: org.backpropkit.kernel.Main",
                "train/Bad.java: tech.tablesaw.api.Table",
                "train/Bad.java: org.knowm.xchart.BitmapEncoder.getBitmapBytes"), violations(root));
    }

    private static void write(Path root, String file, String text) throws IOException {
        Files.createDirectories(root.resolve(file).getParent());
        Files.writeString(root.resolve(file), text);
    }
}
