package org.backpropkit.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.backpropkit.core.Shuffle;

/**
 * The two-moons data set: two interleaved half circles, one class each, that no straight line can
 * separate, so a network needs a hidden layer to classify them. Columns {@code x1, x2, t}, with
 * {@code t = 0} for the upper moon and {@code t = 1} for the lower one.
 *
 * <p>Upper moon: {@code (cos θ, sin θ)}; lower moon: {@code (1 − cos θ, 0.5 − sin θ)}; for
 * {@code θ} evenly spaced over {@code [0, π]}, plus Gaussian noise of standard deviation
 * {@code noise} on each coordinate; rows are then shuffled ({@link Shuffle}). Everything comes from
 * {@code new Random(seed)} and {@link StrictMath}, whose results Java specifies bit for bit, and
 * numbers are printed with 4 decimals without locale, so the file is the same on every machine.
 *
 * <p>The bundled {@code data/moons.csv} is regenerated, byte for byte, by (from the repository root)
 * <pre>
 *   mvn -B -q compile &amp;&amp; java -cp target/classes org.backpropkit.data.Moons data/moons.csv
 * </pre>
 */
public final class Moons {

    /** The bundled file's settings. */
    public static final int SAMPLES = 200;
    public static final double NOISE = 0.15;
    public static final long SEED = 7;

    private Moons() {
    }

    /** The CSV text of {@code samples} points (half per moon) with this noise and seed. */
    public static String csv(int samples, double noise, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be at least 2 (one per moon), got " + samples);
        }
        Random random = new Random(seed);
        int upper = samples / 2;
        String[] rows = new String[samples];
        for (int k = 0; k < samples; k++) {
            boolean lower = k >= upper;
            int i = lower ? k - upper : k;
            int count = lower ? samples - upper : upper;
            double theta = count == 1 ? 0 : StrictMath.PI * i / (count - 1);
            double x1 = lower ? 1 - StrictMath.cos(theta) : StrictMath.cos(theta);
            double x2 = lower ? 0.5 - StrictMath.sin(theta) : StrictMath.sin(theta);
            x1 += noise * random.nextGaussian();
            x2 += noise * random.nextGaussian();
            rows[k] = String.format(Locale.ROOT, "%.4f,%.4f,%d", x1, x2, lower ? 1 : 0);
        }
        int[] order = Shuffle.order(samples, random);
        String[] shuffled = new String[samples];
        for (int k = 0; k < samples; k++) {
            shuffled[k] = rows[order[k]];
        }
        return "x1,x2,t\n" + String.join("\n", shuffled) + "\n";
    }

    /** Writes the bundled set's CSV to the path given (default {@code data/moons.csv}). */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "data/moons.csv");
        AtomicFiles.write(file, csv(SAMPLES, NOISE, SEED).getBytes(StandardCharsets.UTF_8));
        System.out.println("wrote " + SAMPLES + " samples to " + file.toAbsolutePath());
    }
}
