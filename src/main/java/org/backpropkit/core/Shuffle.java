package org.backpropkit.core;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * The kit's one shuffle, Fisher–Yates: for {@code k} from the last position down to 1, swap position
 * {@code k} with a position drawn uniformly from {@code 0 … k}. Every order is equally likely, and the
 * same {@link Random} state gives the same order, so a seed fixes the mini-batches of training, the
 * train/test split and the order of the generated moons alike.
 */
public final class Shuffle {

    private Shuffle() {
    }

    /** Shuffles {@code order} in place, drawing {@code order.length − 1} numbers from {@code random}. */
    public static void inPlace(int[] order, Random random) {
        for (int k = order.length - 1; k > 0; k--) {
            int other = random.nextInt(k + 1);
            int swap = order[k];
            order[k] = order[other];
            order[other] = swap;
        }
    }

    /** The positions {@code 0 … n−1} in shuffled order: element {@code k} of the result goes to place {@code k}. */
    public static int[] order(int n, Random random) {
        int[] order = IntStream.range(0, n).toArray();
        inPlace(order, random);
        return order;
    }
}
