package org.backpropkit.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/**
 * IJava's line magics, for a learner who knows them from other Java kernels:
 * <pre>
 * %jars lib/*.jar          add jars (globs allowed) to the classpath of later code
 * %classpath build/classes add folders or jars
 * %maven g:a:v [g:a:v…]    resolve artifacts from Maven Central into ~/.m2 and add them
 * %load notes.jsh          run the code of a .jsh/.java file or the code cells of a notebook
 * %time expression         run one line and print how long it took
 * %%time                   (first line of a cell) time the whole cell
 * </pre>
 * A magic is a line of its own that starts with {@code %} where code could start (the {@link CellRunner}
 * decides). {@code %load} and the timing magics run code, so {@link #run} hands them back to the runner;
 * the others live in jjava-jupyter's registry and can also be called as {@code lineMagic("jars", List.of(...))}.
 */
final class Magics {

    /** A magic line: {@code %name arguments}. */
    private static final Pattern LINE = Pattern.compile("[ \\t]*%(\\w+)[ \\t]*(.*?)[ \\t]*");

    /** {@code %%time} on a cell's first line. */
    static final Pattern CELL_TIME = Pattern.compile("\\s*%%time[ \\t]*(\\R|$)");

    private final MagicsRegistry registry;
    private JavaKernel kernel;

    /** The kit's magics, registered in {@code registry}. */
    Magics(MagicsRegistry registry) {
        this.registry = registry;
        register(registry);
    }

    /** The kernel the registered magics act on (set once it exists). */
    void actOn(JavaKernel kernel) {
        this.kernel = kernel;
    }

    /**
     * Runs the magic line at characters {@code [start, end)} of {@code cell}: {@code %load} and {@code %time}
     * run code through {@code runner}, the others come from the registry. Returns the magic's value.
     */
    Object run(CellRunner runner, String cell, int start, int end) {
        Matcher magic = LINE.matcher(cell).region(start, end);
        if (!magic.matches()) {
            throw CellError.of("UnknownMagic", "a line that starts with % is a magic, and needs a name: "
                    + cell.substring(start, end).strip());
        }
        String name = magic.group(1);
        switch (name) {
            case "load":
                String code;
                try {
                    code = load(magic.group(2));
                } catch (IllegalArgumentException e) {
                    throw CellError.of("MagicError", e.getMessage());
                }
                return runner.runCell(code, 0);
            case "time":
                return timed(() -> runner.runCode(cell, magic.start(2), magic.end(2)));
            default:
                if (!registry.getLineMagicNames().contains(name)) {
                    throw CellError.of("UnknownMagic", "%" + name + " is not a magic of this kernel. It knows %load, %time, %%time, %"
                            + String.join(", %", new TreeSet<>(registry.getLineMagicNames())) + ".");
                }
                try {
                    return registry.evalLineMagic(kernel, name, arguments(magic.group(2)));
                } catch (Exception e) {
                    throw CellError.of("MagicError", "%" + name + ": " + e.getMessage());
                }
        }
    }

    /** Runs {@code code} and prints its wall time ({@code %time}, {@code %%time}). */
    static Object timed(Supplier<Object> code) {
        long start = System.nanoTime();
        Object result = code.get();
        System.out.println(String.format(Locale.ROOT, "Wall time: %.1f ms", (System.nanoTime() - start) / 1e6));
        return result;
    }

    private static void register(MagicsRegistry registry) {
        registry.registerLineMagic("jars", (JavaKernel k, List<String> args) -> addAll(k, args, true));
        registry.registerLineMagic("classpath", (JavaKernel k, List<String> args) -> addAll(k, args, false));
        registry.registerLineMagic("maven", (JavaKernel k, List<String> args) -> maven(k, args));
    }

    private static List<String> addAll(JavaKernel kernel, List<String> args, boolean jarsOnly) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%" + (jarsOnly ? "jars" : "classpath")
                    + " needs a path, e.g. %jars lib/*.jar");
        }
        List<String> added = new ArrayList<>();
        for (String arg : args) {
            List<String> found = glob(arg, Path.of(""));
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no file matches " + arg + " (looked in "
                        + Path.of("").toAbsolutePath() + ")");
            }
            List<String> usable = found.stream().filter(p -> !jarsOnly || p.endsWith(".jar")).collect(Collectors.toList());
            if (usable.isEmpty()) {
                throw new IllegalArgumentException("no .jar file matches " + arg + " (it matches "
                        + found.stream().map(p -> Path.of(p).getFileName().toString()).collect(Collectors.joining(", "))
                        + "); for a folder of classes use %classpath");
            }
            for (String path : usable) {
                kernel.addToClasspath(path);
                added.add(path);
            }
        }
        System.out.println("Added to the classpath: " + String.join(", ", added));
        return added;
    }

    /**
     * The files and folders that {@code pattern} names: a plain path (if it exists), or a glob such as
     * {@code lib/*.jar} or {@code libs/**.jar}, relative to {@code base}. Sorted, absolute.
     */
    static List<String> glob(String pattern, Path base) {
        Path plain = base.resolve(pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1)
                : pattern);
        int wild = indexOfWildcard(pattern);
        if (wild < 0) {
            return Files.exists(plain) ? List.of(plain.toAbsolutePath().normalize().toString()) : List.of();
        }
        int cut = pattern.lastIndexOf('/', wild);
        Path dir = base.resolve(cut < 0 ? "." : pattern.substring(0, Math.max(cut, 1)));
        String rest = pattern.substring(cut + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length;
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(p -> !p.equals(dir) && matcher.matches(dir.relativize(p)))
                    .map(p -> p.toAbsolutePath().normalize().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + dir.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    private static int indexOfWildcard(String s) {
        for (int k = 0; k < s.length(); k++) {
            if ("*?[{".indexOf(s.charAt(k)) >= 0) {
                return k;
            }
        }
        return -1;
    }

    // ── %maven ────────────────────────────────────────────────────────────────────────

    private static final Pattern COORDINATES = Pattern.compile("[\\w.\\-]+:[\\w.\\-]+:[\\w.\\-]+");

    /** Resolves {@code group:artifact:version} coordinates with Maven (into ~/.m2) and adds the jars. */
    private static List<String> maven(JavaKernel kernel, List<String> args) throws IOException, InterruptedException {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%maven needs coordinates, e.g. %maven org.apache.commons:commons-math3:3.6.1");
        }
        StringBuilder deps = new StringBuilder();
        for (String c : args) {
            if (!COORDINATES.matcher(c).matches()) {
                throw new IllegalArgumentException("%maven expects group:artifact:version, got: " + c);
            }
            String[] g = c.split(":");
            deps.append("<dependency><groupId>").append(g[0]).append("</groupId><artifactId>").append(g[1])
                    .append("</artifactId><version>").append(g[2]).append("</version></dependency>");
        }
        Path dir = Files.createTempDirectory("backprop-kit-maven");
        Path out = dir.resolve("classpath.txt");
        Files.writeString(dir.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>local</groupId><artifactId>magic</artifactId><version>1</version>"
                + "<dependencies>" + deps + "</dependencies></project>");
        Process mvn;
        try {
            mvn = new ProcessBuilder("mvn", "-q", "-B", "dependency:build-classpath", "-Dmdep.outputFile=" + out)
                    .directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("%maven needs the mvn command on the PATH (apt-get install maven): "
                    + e.getMessage());
        }
        String log = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean resolved = mvn.waitFor(10, TimeUnit.MINUTES) && mvn.exitValue() == 0 && Files.exists(out);
        String classpath = resolved ? Files.readString(out).strip() : "";
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (!resolved) {
            String reason = log.lines().filter(l -> l.contains("ERROR")).findFirst().orElse(log.strip());
            throw new IllegalStateException("could not resolve " + String.join(" ", args)
                    + " from Maven Central (offline, or a wrong coordinate?). Maven said: " + shorten(reason)
                    + "\nWithout a network, copy the jars here and use %jars path/*.jar instead.");
        }
        List<String> jars = new ArrayList<>();
        for (String jar : classpath.split(java.io.File.pathSeparator)) {
            if (!jar.isBlank()) {
                kernel.addToClasspath(jar);
                jars.add(jar);
            }
        }
        System.out.println("Added " + jars.size() + " jar(s) from Maven: "
                + jars.stream().map(j -> Path.of(j).getFileName().toString()).collect(Collectors.joining(", ")));
        return jars;
    }

    private static String shorten(String s) {
        return s.length() > 400 ? s.substring(0, 400) + " …" : s;
    }

    // ── %load ─────────────────────────────────────────────────────────────────────────

    /** The Java code of a .jsh or .java file, or the code cells of a notebook, one after the other. */
    static String load(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("%load: no file " + path.toAbsolutePath());
        }
        try {
            String text = Files.readString(path);
            return file.endsWith(".ipynb") ? codeCells(path, text) : text;
        } catch (IOException e) {
            throw new IllegalArgumentException("%load: cannot read " + path.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    /** The code cells' sources of a notebook's JSON, joined by blank lines. */
    private static String codeCells(Path path, String json) {
        try {
            com.google.gson.JsonObject nb = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
            StringBuilder code = new StringBuilder();
            for (com.google.gson.JsonElement cell : nb.getAsJsonArray("cells")) {
                com.google.gson.JsonObject c = cell.getAsJsonObject();
                if (!"code".equals(c.get("cell_type").getAsString())) {
                    continue;
                }
                com.google.gson.JsonElement source = c.get("source");
                if (source.isJsonArray()) {
                    source.getAsJsonArray().forEach(line -> code.append(line.getAsString()));
                } else {
                    code.append(source.getAsString());
                }
                code.append("\n\n");
            }
            return code.toString();
        } catch (RuntimeException e) { // Gson's syntax errors, and missing or mistyped fields
            Matcher where = Pattern.compile("line (\\d+) column (\\d+)").matcher(String.valueOf(e.getMessage()));
            throw new IllegalArgumentException("%load: " + path.toAbsolutePath() + " is not a notebook the kernel can read ("
                    + (where.find() ? "its JSON breaks off or is malformed at line " + where.group(1) + ", column " + where.group(2)
                    : "it lacks the cells, cell types or sources a notebook has")
                    + "). Open it in Jupyter to see what is wrong, or %load a .jsh file.");
        }
    }

    /** Splits a magic's argument text at spaces, keeping "quoted parts" together. */
    static List<String> arguments(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"|(\\S+)").matcher(text);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2));
        }
        return out;
    }
}
