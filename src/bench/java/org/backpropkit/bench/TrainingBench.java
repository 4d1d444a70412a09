package org.backpropkit.bench;

import java.util.concurrent.TimeUnit;
import org.backpropkit.check.GradientCheck;
import org.backpropkit.check.GradientReport;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.train.History;
import org.backpropkit.train.Trainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training throughput of the kit on the three workloads: one call trains {@link #EPOCHS} epochs through
 * the kit's {@link Trainer} (shuffled batches, SGD update, the epoch's loss), and the score is calls per
 * second ({@code report.py} turns it into samples per second). For the article's per-sample SGD a sample
 * is a training step. Each runs on one thread and on every core (the article's network never starts a
 * thread: its products are far too small to share).
 *
 * <p>Six one-second warm-ups: on the 2-core machine of docs/performance.md a fork needs about five seconds
 * before its scores stop rising (the article's network went 1,232 → 946 → 1,746 → 1,880 calls/s over eight
 * warm-ups, the wide one 1.0 → 10.7 → 14.6); with the two warm-ups used before, the measurements were
 * still climbing and every score was low by a quarter or more.
 *
 * <p>The forks run with the vector module ({@code --add-modules jdk.incubator.vector}), so the kit uses
 * its vector products; {@code bench.sh} runs them once more without it, for the plain-Java products.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
public class TrainingBench {

    static final int EPOCHS = 2;

    @Param({"ARTICLE", "DIGITS", "WIDE"})
    public Workload workload;

    /** Threads the trainer may use: 1, or {@code all} (every core the JVM sees). */
    @Param({"1", "all"})
    public String threads;

    private Network start;
    private Network net;
    private Matrix x;
    private Matrix t;
    private Trainer trainer;

    @Setup(Level.Trial)
    public void setUp() {
        Matrix[] data = workload.data();
        x = data[0];
        t = data[1];
        start = workload.network();
        trainer = workload.trainer(EPOCHS)
                .threads(threads.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads));
    }

    /** Every invocation starts from the same weights, so every measurement does the same arithmetic. */
    @Setup(Level.Invocation)
    public void reset() {
        net = start.copy();
    }

    @Benchmark
    public History train() {
        return trainer.train(net, x, t);
    }

    /** Samples seen per invocation, to turn invocations per second into samples per second. */
    static long samplesPerInvocation(Workload w) {
        return (long) EPOCHS * w.data()[0].rows();
    }

    /** A full central-difference gradient check: every parameter, two losses each. */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 4, time = 1)
    @Measurement(iterations = 3, time = 1)
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
    public static class Check {
        @Param({"ARTICLE", "DIGITS"})
        public Workload workload;
        private Network net;
        private double[] x;
        private double[] t;

        @Setup(Level.Trial)
        public void setUp() {
            Matrix[] data = workload.data();
            net = workload.network();
            x = data[0].row(0);
            t = data[1].row(0);
        }

        @Benchmark
        public GradientReport gradientCheck() {
            return GradientCheck.run(net, x, t);
        }
    }
}
