package org.backpropkit.plot;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs Graphviz's {@code dot} program, which lays out a graph given as DOT text and draws it: the
 * kit writes the text, {@code dot} does the layout (a well-kept tool for a hard problem). Nothing it
 * prints reaches the notebook; its complaints come back inside the exception.
 */
final class Graphviz {

    /** Longer than any readable graph needs (the 2-3-2 loss takes about 0.1 s). */
    static final long TIMEOUT_SECONDS = 30;

    static final String INSTALL = "install Graphviz: sudo apt-get install graphviz (Debian, Ubuntu), "
            + "brew install graphviz (macOS), or see https://graphviz.org/download/; the kit's "
            + "src/scripts/kit.sh installs it on Debian";

    private Graphviz() {
    }

    /** Lays out and draws {@code dot} text in {@code format} ({@code png} or {@code svg}) and returns the file's bytes. */
    static byte[] render(String dot, String format) {
        Path program = find(System.getenv("PATH"));
        Process process;
        try {
            process = new ProcessBuilder(program.toString(), "-T" + format).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + program + ": " + e.getMessage() + "; " + INSTALL, e);
        }
        ByteArrayOutputStream image = new ByteArrayOutputStream(), errors = new ByteArrayOutputStream();
        Thread out = drain(process.getInputStream(), image);  // both pipes drained while dot runs, so a
        Thread err = drain(process.getErrorStream(), errors); // full pipe never stalls it, and the timeout holds
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(dot.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // dot stopped reading (it exits early on a syntax error): its stderr below says why
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("dot did not finish within " + TIMEOUT_SECONDS + " s; the graph is too "
                        + "large to lay out");
            }
            out.join();
            err.join();
            if (process.exitValue() != 0 || image.size() == 0) {
                throw new IllegalStateException("dot failed (exit code " + process.exitValue() + "): "
                        + errors.toString(StandardCharsets.UTF_8).strip());
            }
            return image.toByteArray();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();               // keep the flag: the kernel stops the cell
            throw new IllegalStateException("interrupted while dot was drawing", e);
        }
    }

    /**
     * The {@code dot} program in the first folder of {@code path} (a PATH variable) that has it.
     *
     * @throws IllegalStateException naming the folders searched and how to install Graphviz
     */
    static Path find(String path) {
        String folders = path == null ? "" : path;
        for (String folder : folders.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, "dot");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("drawing a graph needs Graphviz's dot program, which is not on the PATH ("
                + (folders.isEmpty() ? "empty" : folders) + "); " + INSTALL);
    }

    private static Thread drain(InputStream from, ByteArrayOutputStream to) {
        Thread thread = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // the process is gone; what was read is what there is
            }
        }, "dot output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
