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
 * How a {@link Team} shares rows: chunks of whole blocks of four rows, each row given out once, each thread
 * owning a run of neighbouring chunks, nothing shared for small work or networks, a worker's failure
 * reported to the caller, and nothing accepted once closed.
 */
class TeamTest {

    /** The number of the thread running this: 0 for {@code caller}, p for worker p. */
    private static int who(Thread caller) {
        String name = Thread.currentThread().getName();
        return Thread.currentThread() == caller ? 0 : Integer.parseInt(name.substring(name.lastIndexOf(' ') + 1));
    }

    /** Shares {@code rows} rows as {@code work} multiply-adds; per row, the thread that ran it (−1: never, −2: twice). */
    private static int[] rowsRunBy(Team team, int rows, long work) {
        Thread caller = Thread.currentThread();
        int[] byRow = new int[rows];
        Arrays.fill(byRow, -1);
        team.share(rows, work, (from, to) -> {
            int p = who(caller);
            for (int i = from; i < to; i++) {
                byRow[i] = byRow[i] == -1 ? p : -2;
            }
        });
        return byRow;
    }

    /**
     * Chunks of whole blocks of four rows (30 rows on 3 threads: ⌈30 / 12⌉ → 4 rows a chunk), each run by
     * one thread; every row run once, whoever takes it.
     */
    @Test
    void everyRowIsRunOnceInChunksOfWholeBlocksOfFour() {
        try (Team team = new Team(3)) {
            for (int run = 0; run < 200; run++) {
                int[] byRow = rowsRunBy(team, 30, 1 << 24);
                for (int chunk = 0; chunk < 30; chunk += 4) {
                    for (int i = chunk; i < Math.min(30, chunk + 4); i++) {
                        assertTrue(byRow[i] >= 0 && byRow[i] <= 2, "row " + i + " run by " + byRow[i] + " in run " + run);
                        assertEquals(byRow[chunk], byRow[i], "row " + i + " and the first of its chunk, run " + run);
                    }
                }
            }
        }
    }

    /**
     * Each thread owns a run of neighbouring chunks, the same in every round of the same size: thread p of
     * P owns chunks ⌊p·C/P⌋ … ⌊(p+1)·C/P⌋ − 1 of C, so the runs are as even as they can be and cover every
     * chunk once.
     */
    @Test
    void theThreadsOwnRunsOfNeighbouringChunksThatCoverEveryChunkOnce() {
        assertEquals(8, Team.chunkRows(64, 2), "a batch of 64 on 2 threads: 8 chunks of 8");
        assertEquals(100, Team.chunkRows(785, 2), "784 weight rows and the bias on 2 threads: 8 chunks of 100");
        assertEquals(4, Team.chunkRows(30, 3));
        int[][] runs = {{0, 4, 8}, {0, 3, 6, 9}, {0, 2, 5, 7, 10}};
        for (int[] expected : runs) {
            int size = expected.length - 1, chunks = expected[size];
            int[] firsts = new int[size + 1];
            for (int p = 0; p <= size; p++) {
                firsts[p] = Team.firstChunk(p, chunks, size);
            }
            assertArrayEquals(expected, firsts, chunks + " chunks on " + size + " threads");
        }
    }

    /**
     * Each thread runs its own chunks first, in order, and only then takes what is left of the others'; with
     * nobody held up, every chunk runs on its owner. 8 chunks of 8 rows on 2 threads, each chunk 20 µs of
     * work so that a running worker is awake before the caller is through its own run: chunks 0–3 are the
     * caller's, 4–7 the worker's. Whether the worker gets a core in a round is the operating system's choice
     * (the JIT's threads want the cores too), so rounds run until 20 have run every chunk on its owner, which
     * rows taken by whoever comes first would never do.
     */
    @Test
    void eachThreadRunsItsOwnChunksFirstAndRoundsRunEveryChunkOnItsOwner() {
        Thread caller = Thread.currentThread();
        try (Team team = new Team(2)) {
            int owned = 0, rounds = 5000, run = 0;
            for (; run < rounds && owned < 20; run++) {
                StringBuffer[] order = {new StringBuffer(), new StringBuffer()};
                team.share(64, 1 << 24, (from, to) -> {
                    order[who(caller)].append(from / 8);
                    for (long end = System.nanoTime() + 20_000; System.nanoTime() < end; ) {
                        Thread.onSpinWait();
                    }
                });
                String mine = order[0].toString(), worker = order[1].toString();
                assertTrue(startsWithItsOwnRun(mine, "0123"), "the caller ran chunks " + mine + " in round " + run);
                assertTrue(startsWithItsOwnRun(worker, "4567"), "the worker ran chunks " + worker + " in round " + run);
                owned += mine.equals("0123") ? 1 : 0;
            }
            assertEquals(20, owned, owned + " of " + run + " rounds ran every chunk on its owner");
        }
    }

    /** True if {@code ran} is a first part of {@code run} followed only by chunks that are not in it. */
    private static boolean startsWithItsOwnRun(String ran, String run) {
        int k = 0;
        while (k < ran.length() && k < run.length() && ran.charAt(k) == run.charAt(k)) {
            k++;
        }
        return ran.substring(k).chars().noneMatch(c -> run.indexOf(c) >= 0);
    }

    @Test
    void smallWorkAndSmallNetworksStayOnTheCallingThread() {
        try (Team team = new Team(2)) {
            assertArrayEquals(new int[30], rowsRunBy(team, 30, 3000), "3,000 multiply-adds");
            assertArrayEquals(new int[7], rowsRunBy(team, 7, 1 << 24), "7 rows");
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
        Team.Part failing = (from, to) -> {
            if (from == 32) { // one chunk of 64 rows on 2 threads, whichever thread takes it
                throw new ArithmeticException("planted in one chunk");
            }
        };
        try (Team team = new Team(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.share(64, 1 << 24, failing));
            assertEquals("planted in one chunk", e.getCause().getMessage());
            assertEquals("a thread of the team failed on its share of the work", e.getMessage());
        }
    }

    @Test
    void aClosedTeamTakesNoMoreWorkAndItsWorkersHaveEnded() {
        Team team = new Team(2);
        team.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rowsRunBy(team, 64, 1 << 24));
        assertEquals("this team of threads was closed at the end of its training call", e.getMessage());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("backprop-kit worker")));
    }
}
