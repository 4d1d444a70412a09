package org.backpropkit.kernel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's settings, read from environment variables in the IJava tradition under the kit's prefix:
 * <table>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>BACKPROP_KIT_CLASSPATH</td><td>extra jars/folders for cells, separated by the path separator;
 *       globs like lib/*.jar allowed</td></tr>
 *   <tr><td>BACKPROP_KIT_STARTUP_SCRIPTS_PATH</td><td>.jsh files run at start, separated by the path separator</td></tr>
 *   <tr><td>BACKPROP_KIT_STARTUP_SCRIPT</td><td>Java code run at start</td></tr>
 *   <tr><td>BACKPROP_KIT_TIMEOUT</td><td>milliseconds a cell may run before it is stopped (default: no limit)</td></tr>
 *   <tr><td>BACKPROP_KIT_OUTPUT_LIMIT</td><td>bytes of text one cell may print (default 1048576: 1 MiB)</td></tr>
 *   <tr><td>BACKPROP_KIT_COMPILER_OPTS</td><td>extra javac options for cells, space separated</td></tr>
 *   <tr><td>BACKPROP_KIT_JVM_OPTS</td><td>JVM options, read by the kernel's launcher script</td></tr>
 * </table>
 * A setting that cannot be used (an instructor's typo) does not stop the kernel: it is left at its default
 * and {@link #problems} says what was wrong, for the first cell's output.
 */
record Settings(List<String> classpath, Map<String, String> startupScripts, long timeoutMillis, long outputLimit,
        List<String> compilerOptions, List<String> problems) {

    static Settings fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        List<String> classpath = new ArrayList<>();
        for (String entry : split(System.getProperty("java.class.path", ""))) {
            if (COMPILE_AGAINST.matcher(Path.of(entry).getFileName().toString()).lookingAt() || Files.isDirectory(Path.of(entry))) {
                classpath.add(entry);
            }
        }
        for (String entry : split(env.getOrDefault("BACKPROP_KIT_CLASSPATH", ""))) {
            List<String> found = Magics.glob(entry, Path.of(""));
            if (found.isEmpty()) {
                problems.add("BACKPROP_KIT_CLASSPATH names " + entry + ", but nothing there exists (looked in "
                        + Path.of("").toAbsolutePath() + ").");
            }
            classpath.addAll(found);
        }
        Map<String, String> scripts = new LinkedHashMap<>(); // where each comes from → its code
        for (String file : split(env.getOrDefault("BACKPROP_KIT_STARTUP_SCRIPTS_PATH", ""))) {
            try {
                scripts.put("the start-up script " + file + " (BACKPROP_KIT_STARTUP_SCRIPTS_PATH)", Files.readString(Path.of(file)));
            } catch (java.io.IOException | RuntimeException e) {
                problems.add("BACKPROP_KIT_STARTUP_SCRIPTS_PATH names " + file + ", which cannot be read ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + "), so it did not run.");
            }
        }
        String script = env.getOrDefault("BACKPROP_KIT_STARTUP_SCRIPT", "");
        if (!script.isBlank()) {
            scripts.put("the start-up script in BACKPROP_KIT_STARTUP_SCRIPT", script);
        }
        long timeout = number(env, "BACKPROP_KIT_TIMEOUT", 0, "milliseconds (e.g. 30000 for 30 s)",
                "cells run without a time limit", problems);
        long outputLimit = number(env, "BACKPROP_KIT_OUTPUT_LIMIT", CellOutput.DEFAULT_LIMIT,
                "bytes (e.g. 1048576 for 1 MiB)", "a cell prints at most 1 MiB", problems);
        String opts = env.getOrDefault("BACKPROP_KIT_COMPILER_OPTS", "").trim();
        List<String> compilerOptions = opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+"));
        return new Settings(classpath, scripts, timeout, outputLimit, compilerOptions, problems);
    }

    /** A whole number ≥ 0 from {@code env}, or {@code otherwise} and a problem that says what was wrong. */
    private static long number(Map<String, String> env, String name, long otherwise, String unit, String meaning,
            List<String> problems) {
        String text = env.getOrDefault(name, "").trim();
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(name + "=" + text + " is not a whole number of " + unit + ", so " + meaning + ".");
        return otherwise;
    }

    /**
     * The kernel's jars that cells compile against: the kit and the libraries learners call. The others
     * (PDF export, fonts, Unicode tables, primitive collections…) still load at run time, but JShell would
     * index every class in them, which costs start-up time and tens of MiB per kernel. A cell that needs one
     * adds it with {@code %jars}.
     */
    static final java.util.regex.Pattern COMPILE_AGAINST =
            java.util.regex.Pattern.compile("(backprop-kit|tablesaw-core|xchart|jjava-jupyter)[-.]");

    private static List<String> split(String paths) {
        List<String> out = new ArrayList<>();
        for (String p : paths.split(File.pathSeparator)) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    /** The kit's version, from the jar's manifest (or "dev" when run from classes). */
    static String kitVersion() {
        String v = Settings.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
