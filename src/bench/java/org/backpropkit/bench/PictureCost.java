package org.backpropkit.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.data.DataSet;
import org.backpropkit.data.Examples;
import org.backpropkit.data.Split;
import org.backpropkit.train.Trainer;
import org.backpropkit.view.Drawing;
import org.backpropkit.view.NetworkPicture;
import org.backpropkit.view.Screen;
import org.backpropkit.view.Watch;

/**
 * What the pictures cost: size and warm render time (paint + PNG encoding + base64, what the kernel does
 * for a display) of each kind of picture, and the share of a live training run spent drawing, with the
 * same training run without a watch for comparison. Not a test: timings depend on the machine.
 * <pre>
 *   mvn -B -q -Pbench -DskipTests package && java -cp "target/backprop-kit.jar:target/lib/*" org.backpropkit.bench.PictureCost
 * </pre>
 */
public final class PictureCost {

    private PictureCost() {
    }

    /** A live screen that renders what it is given as the kernel does, and keeps nothing. */
    private static final class RenderingScreen implements Screen {
        int frames;

        @Override
        public String show(Object content) {
            render(content);
            return "id";
        }

        @Override
        public void update(String id, Object content) {
            render(content);
        }

        private void render(Object content) {
            Base64.getEncoder().encodeToString(((Drawing) content).png());
            frames++;
        }

        @Override
        public boolean live() {
            return true;
        }
    }

    public static void main(String[] args) {
        Network article = Article.network();
        double[] x = Article.x(), t = Article.t();
        double[] bigX = new double[64];
        double[] bigT = new double[10];
        bigT[3] = 1;
        System.out.println("| picture | pixels | PNG bytes | median ms (20 warm runs) |");
        System.out.println("|---|---|---|---|");
        row("article network, weights only", () -> NetworkPicture.of(article));
        row("article network with x and t", () -> NetworkPicture.of(article, x, t));
        row("article, chain rule of w11", () -> NetworkPicture.of(article, x, t).highlight("w11"));
        row("a step-through frame (4 of 8)", () -> NetworkPicture.of(article, x, t).steps().frame(3));
        row("2-3-3-2, compact, with x and t", () -> NetworkPicture.of(Network.of(2, 3, 3, 2).seed(3), x, t));
        row("2-8-8-2, compact, with x and t", () -> NetworkPicture.of(Network.of(2, 8, 8, 2).hidden(Activation.TANH)
                .loss(Loss.CROSS_ENTROPY).seed(3), x, t));
        row("64-32-10 summary with x and t", () -> NetworkPicture.of(Network.of(64, 32, 10).seed(7), bigX, bigT));
        row("784-128-10 summary", () -> NetworkPicture.of(Network.of(784, 128, 10).seed(7)));
        Examples xor = DataSet.load("xor").inputs("x1", "x2").targets("t");
        Split moons = DataSet.load("moons").inputs("x1", "x2").oneHot("t").split(0.8, 7).standardized();
        Watch done = Watch.training(Network.of(2, 8, 8, 2).hidden(Activation.TANH).loss(Loss.CROSS_ENTROPY).seed(3),
                moons.train()).heldOut(moons.test());
        Screen.use(new RenderingScreen());
        done.train(Trainer.sgd(0.1).epochs(5).batchSize(16).seed(3));
        row("live-training frame (moons, 4 panels)", () -> done);
        System.out.println();

        System.out.println("| live training | epochs | plain s | watched s | frames | drawing share | slowdown |");
        System.out.println("|---|---|---|---|---|---|---|");
        live("xor 2-3-1, full batch", 20_000, () -> Network.of(2, 3, 1).seed(1), xor.x(), xor.t(), xor, null,
                () -> Trainer.sgd(5).seed(1));
        live("moons 2-8-8-2, batches of 16, held-out", 2_000, () -> Network.of(2, 8, 8, 2).hidden(Activation.TANH)
                .loss(Loss.CROSS_ENTROPY).seed(3), moons.train().x(), moons.train().t(), moons.train(), moons.test(),
                () -> Trainer.sgd(0.1).batchSize(16).momentum(0.9).seed(3));
        live("moons 2-8-8-2, a longer run", 10_000, () -> Network.of(2, 8, 8, 2).hidden(Activation.TANH)
                .loss(Loss.CROSS_ENTROPY).seed(3), moons.train().x(), moons.train().t(), moons.train(), moons.test(),
                () -> Trainer.sgd(0.1).batchSize(16).momentum(0.9).seed(3));
        Random random = new Random(1);
        double[][] dx = new double[2000][64], dt = new double[2000][10];
        for (int i = 0; i < dx.length; i++) {
            for (int j = 0; j < 64; j++) {
                dx[i][j] = random.nextGaussian();
            }
            dt[i][random.nextInt(10)] = 1;
        }
        live("64-32-10 ReLU, 2000 samples, batches of 32", 60, () -> Network.of(64, 32, 10).hidden(Activation.RELU)
                .loss(Loss.CROSS_ENTROPY).seed(7), Matrix.of(dx), Matrix.of(dt), null, null,
                () -> Trainer.sgd(0.05).batchSize(32).seed(1));
    }

    private static void row(String what, Supplier<Drawing> picture) {
        Drawing d = picture.get();
        byte[] png = d.png();
        for (int k = 0; k < 5; k++) {
            Base64.getEncoder().encodeToString(picture.get().png());
        }
        double[] ms = new double[20];
        for (int k = 0; k < ms.length; k++) {
            long start = System.nanoTime();
            Base64.getEncoder().encodeToString(picture.get().png());
            ms[k] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "| %s | %d × %d | %,d | %.0f |%n", what, d.width(), d.height(), png.length,
                ms[ms.length / 2]);
    }

    private static void live(String what, int epochs, Supplier<Network> fresh, Matrix x, Matrix t, Examples data,
            Examples heldOut, Supplier<Trainer> trainer) {
        List<Double> plain = new ArrayList<>(), watched = new ArrayList<>(), share = new ArrayList<>();
        int frames = 0;
        for (int rep = 0; rep < 3; rep++) {
            long start = System.nanoTime();
            trainer.get().epochs(epochs).train(fresh.get(), x, t);
            plain.add((System.nanoTime() - start) / 1e9);
            RenderingScreen screen = new RenderingScreen();
            Screen.use(screen);
            Network net = fresh.get();
            Watch watch = data != null ? Watch.training(net, data) : Watch.training(net, x, t);
            if (heldOut != null) {
                watch.heldOut(heldOut);
            }
            start = System.nanoTime();
            watch.train(trainer.get().epochs(epochs));
            watched.add((System.nanoTime() - start) / 1e9);
            share.add(watch.drawingShare());
            frames = screen.frames;
        }
        double p = median(plain), w = median(watched);
        System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %d | %.1f %% | %+.0f %% |%n", what, epochs, p, w, frames,
                100 * median(share), 100 * (w / p - 1));
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[v.length / 2];
    }
}
