package org.backpropkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * How a {@link Team} shares a product: chunks of whole blocks of four rows, each row computed once, nothing for small
 * products or networks, a worker's failure reported to the caller, and nothing accepted once closed.
 */
class TeamTest {

    /** A kernel that writes, into every entry of its rows, the number of the thread that ran them. */
    private static final class Marker implements Products.Kernel {
        final Thread caller = Thread.currentThread();

        @Override
        public void product(double[] a, int ai, int ak, double[] b, int bk, int bj, double[] out, int from, int to,
                int inner, int m) {
            String name = Thread.currentThread().getName();
            double who = Thread.currentThread() == caller ? 0 : Double.parseDouble(name.substring(name.lastIndexOf(' ') + 1));
            Arrays.fill(out, from * m, to * m, who);
        }
    }

    private static double[] rowsRunBy(Team team, int rows, int inner, int m) {
        double[] out = new double[rows * m];
        Arrays.fill(out, Double.NaN);
        Team.run(team, new Marker(), null, 0, 0, null, 0, 0, out, rows, inner, m);
        double[] byRow = new double[rows];
        for (int i = 0; i < rows; i++) {
            byRow[i] = out[i * m];
        }
        return byRow;
    }

    /**
     * Chunks of whole blocks of four rows (30 rows on 3 threads: ⌈30 / 12⌉ → 4 rows a chunk), each written
     * by one thread; every row written once, whoever takes it.
     */
    @Test
    void everyRowIsComputedOnceInChunksOfWholeBlocksOfFour() {
        try (Team team = new Team(3)) {
            for (int run = 0; run < 20; run++) {
                double[] byRow = rowsRunBy(team, 30, 10_000, 10);
                for (int chunk = 0; chunk < 30; chunk += 4) {
                    for (int i = chunk; i < Math.min(30, chunk + 4); i++) {
                        assertTrue(byRow[i] >= 0 && byRow[i] <= 2, "row " + i + " written by thread " + byRow[i]);
                        assertEquals(byRow[chunk], byRow[i], "row " + i + " and the first of its chunk, run " + run);
                    }
                }
            }
        }
    }

    @Test
    void smallProductsAndSmallNetworksStayOnTheCallingThread() {
        try (Team team = new Team(2)) {
            assertArrayEquals(new double[30], rowsRunBy(team, 30, 10, 10), 0, "3,000 multiply-adds");
            assertArrayEquals(new double[7], rowsRunBy(team, 7, 100_000, 10), 0, "7 rows");
        }
        assertNull(Team.of(2, Network.of(2, 3, 2).seed(1), 1000), "the article's network on 1,000 samples");
        assertNull(Team.of(1, Network.of(784, 128, 10).seed(1), 64), "one thread asked for");
        assertNull(Team.of(2, Network.of(64, 32, 10).seed(1), 32), "a batch of 32 digits: 65,536 multiply-adds");
        try (Team team = Team.of(2, Network.of(784, 128, 10).seed(1), 64)) {
            assertEquals(2, team.size(), "a batch of 64 images: 6.4 million multiply-adds");
        }
    }

    @Test
    void aWorkersFailureReachesTheCaller() {
        Products.Kernel failing = (a, ai, ak, b, bk, bj, out, from, to, inner, m) -> {
            if (from == 32) { // one chunk of 64 rows on 2 threads, whichever thread takes it
                throw new ArithmeticException("planted in one chunk");
            }
        };
        try (Team team = new Team(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Team.run(team, failing, null, 0, 0, null, 0, 0, new double[0], 64, 10_000, 10));
            assertEquals("planted in one chunk", e.getCause().getMessage());
            assertEquals("a thread of the team failed on a product", e.getMessage());
        }
    }

    @Test
    void aClosedTeamTakesNoMoreWorkAndItsWorkersHaveEnded() {
        Team team = new Team(2);
        team.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rowsRunBy(team, 64, 10_000, 10));
        assertEquals("this team of threads was closed at the end of its training call", e.getMessage());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("backprop-kit worker")));
    }
}
