package org.backpropkit.kernel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 *   <tr><td>BACKPROP_KIT_COMPILER_OPTS</td><td>extra javac options for cells, space separated</td></tr>
 *   <tr><td>BACKPROP_KIT_JVM_OPTS</td><td>JVM options, read by the kernel's launcher script</td></tr>
 * </table>
 */
record Settings(List<String> classpath, List<String> startupScripts, long timeoutMillis, List<String> compilerOptions) {

    static Settings fromEnvironment(Map<String, String> env) {
        List<String> classpath = new ArrayList<>();
        for (String entry : split(System.getProperty("java.class.path", ""))) {
            if (COMPILE_AGAINST.matcher(Path.of(entry).getFileName().toString()).lookingAt() || Files.isDirectory(Path.of(entry))) {
                classpath.add(entry);
            }
        }
        for (String entry : split(env.getOrDefault("BACKPROP_KIT_CLASSPATH", ""))) {
            classpath.addAll(Magics.glob(entry, Path.of("")));
        }
        List<String> scripts = new ArrayList<>();
        for (String file : split(env.getOrDefault("BACKPROP_KIT_STARTUP_SCRIPTS_PATH", ""))) {
            try {
                scripts.add(Files.readString(Path.of(file)));
            } catch (java.io.IOException e) {
                System.err.println("backprop-java: cannot read start-up script " + file + ": " + e.getMessage());
            }
        }
        String script = env.getOrDefault("BACKPROP_KIT_STARTUP_SCRIPT", "");
        if (!script.isBlank()) {
            scripts.add(script);
        }
        long timeout = Long.parseLong(env.getOrDefault("BACKPROP_KIT_TIMEOUT", "0").trim());
        String opts = env.getOrDefault("BACKPROP_KIT_COMPILER_OPTS", "").trim();
        List<String> compilerOptions = opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+"));
        return new Settings(classpath, scripts, timeout, compilerOptions);
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
