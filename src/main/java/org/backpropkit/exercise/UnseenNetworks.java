package org.backpropkit.exercise;

import java.util.Random;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;

/**
 * Networks of any shape, and batches for them, that a lesson never showed — for the checkers whose
 * exercise is not the 2-3-2 network of {@link Unseen} (a deeper net, a tanh layer, a softmax output).
 * The rules are {@link Unseen}'s: every weight between 0.3 and 1.3 in size and every bias between 0.2
 * and 0.7, each with a random sign, so no term of a formula vanishes; values rounded to three decimals;
 * the same {@code random} state gives the same networks.
 */
final class UnseenNetworks {

    private UnseenNetworks() {
    }

    /** The network {@code shape} builds, with every parameter drawn anew from {@code random} by the rules above. */
    static Network of(Random random, Network.Builder shape) {
        Network net = shape.seed(0);
        for (Parameter p : net.parameters()) {
            double size = p.isBias() ? Unseen.between(random, 0.2, 0.7) : Unseen.between(random, 0.3, 1.3);
            net.set(p, random.nextBoolean() ? size : -size);
        }
        return net;
    }

    /** A one-hot target row for {@code classes} classes, its 1 at a class other than the one {@code y} ranks highest. */
    static double[] oneHotAwayFrom(Random random, double[] y) {
        int predicted = AccuracyExercise.argmax(y);
        int label = (predicted + 1 + random.nextInt(y.length - 1)) % y.length;
        double[] t = new double[y.length];
        t[label] = 1;
        return t;
    }
}
