package org.backpropkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Layer;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.train.Trainer;

/**
 * The benchmark workloads, defined once so that the kit's benchmarks and the NumPy/PyTorch peers run
 * the same thing: the same data, the same initial weights (exported by {@link #main}), the same batch
 * order (the Trainer's seeded shuffle, which the peers replay), float64 throughout.
 */
public enum Workload {
    /** The article's 2-3-2 sigmoid/L2 network, per-sample SGD, on 1,000 seeded points. */
    ARTICLE(new int[] {2, 3, 2}, Activation.SIGMOID, Loss.L2, 1, 0.5),
    /** 64-32-10, sigmoid hidden, softmax + cross-entropy, mini-batch 32, on the 1,797 8×8 digits. */
    DIGITS(new int[] {64, 32, 10}, Activation.SIGMOID, Loss.CROSS_ENTROPY, 32, 0.1),
    /** 784-128-10, ReLU hidden, softmax + cross-entropy, mini-batch 64, on 2,048 seeded synthetic images. */
    WIDE(new int[] {784, 128, 10}, Activation.RELU, Loss.CROSS_ENTROPY, 64, 0.05);

    static final long SEED = 2026;
    static final Path DIGITS_CSV = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz");

    final int[] sizes;
    final Activation hidden;
    final Loss loss;
    final int batch;
    final double eta;

    Workload(int[] sizes, Activation hidden, Loss loss, int batch, double eta) {
        this.sizes = sizes;
        this.hidden = hidden;
        this.loss = loss;
        this.batch = batch;
        this.eta = eta;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The initial network: the kit's seeded initialisation. */
    Network network() {
        return Network.of(sizes).hidden(hidden).loss(loss).seed(SEED);
    }

    /** One epoch of training, the kit's way (Trainer: shuffled batches, then the epoch's loss). */
    Trainer trainer(int epochs) {
        return Trainer.sgd(eta).epochs(epochs).batchSize(batch).seed(SEED);
    }

    /** The data: {x, t}. */
    Matrix[] data() {
        switch (this) {
            case ARTICLE:
                return synthetic(1000, 2, 2, false);
            case DIGITS:
                return Files.exists(DIGITS_CSV) ? digits() : synthetic(1797, 64, 10, true);
            default:
                return synthetic(2048, 784, 10, true);
        }
    }

    /** Where the data came from, for the report. */
    String source() {
        switch (this) {
            case ARTICLE:
                return "1,000 seeded points in [−1, 1]², targets one-hot of sign(x₁x₂)";
            case DIGITS:
                return Files.exists(DIGITS_CSV) ? "sklearn's 8×8 digits (python3-sklearn), pixels / 16"
                        : "seeded synthetic 1,797×64 (python3-sklearn not installed)";
            default:
                return "2,048 seeded synthetic 784-pixel images in [0, 1], random labels";
        }
    }

    private static Matrix[] synthetic(int n, int inputs, int classes, boolean randomLabels) {
        Random random = new Random(SEED);
        double[][] x = new double[n][inputs];
        double[][] t = new double[n][classes];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < inputs; j++) {
                x[i][j] = randomLabels ? random.nextDouble() : 2 * random.nextDouble() - 1;
            }
            int label = randomLabels ? random.nextInt(classes) : (x[i][0] * x[i][1] > 0 ? 1 : 0);
            t[i][label] = 1;
        }
        return new Matrix[] {Matrix.of(x), Matrix.of(t)};
    }

    private static Matrix[] digits() {
        List<double[]> x = new ArrayList<>();
        List<double[]> t = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(DIGITS_CSV)), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                double[] pixels = new double[64];
                for (int j = 0; j < 64; j++) {
                    pixels[j] = Double.parseDouble(cells[j]) / 16;
                }
                double[] label = new double[10];
                label[(int) Double.parseDouble(cells[64])] = 1;
                x.add(pixels);
                t.add(label);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DIGITS_CSV + ": " + e.getMessage(), e);
        }
        return new Matrix[] {Matrix.of(x.toArray(double[][]::new)), Matrix.of(t.toArray(double[][]::new))};
    }

    /**
     * Writes every workload's data, initial weights and the kit's loss after one epoch to DIR, for the
     * peers: {@code java … Workload DIR}.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (Workload w : values()) {
            Matrix[] data = w.data();
            write(dir.resolve(w.id() + "-x.csv"), data[0]);
            write(dir.resolve(w.id() + "-t.csv"), data[1]);
            Network net = w.network();
            for (int l = 1; l <= net.depth(); l++) {
                Layer layer = net.layer(l);
                write(dir.resolve(w.id() + "-w" + l + ".csv"), layer.w());
                write(dir.resolve(w.id() + "-b" + l + ".csv"), layer.b());
            }
            double after = w.trainer(1).train(net, data[0], data[1]).finalLoss();
            Files.writeString(dir.resolve(w.id() + "-loss-after-1-epoch.txt"), Double.toString(after));
            Files.writeString(dir.resolve(w.id() + "-spec.txt"), String.format(Locale.ROOT,
                    "sizes=%s hidden=%s loss=%s batch=%d eta=%s seed=%d source=%s%n",
                    java.util.Arrays.toString(w.sizes).replace(" ", ""), w.hidden, w.loss, w.batch, w.eta, SEED, w.source()));
        }
    }

    private static void write(Path file, Matrix m) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < m.rows(); i++) {
                StringBuilder row = new StringBuilder();
                for (int j = 0; j < m.cols(); j++) {
                    row.append(j == 0 ? "" : ",").append(Double.toString(m.get(i, j)));
                }
                out.println(row);
            }
        }
    }
}
