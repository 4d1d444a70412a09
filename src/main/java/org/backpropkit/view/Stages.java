package org.backpropkit.view;

/**
 * The steps of a pass through a network of {@code depth} layers, numbered as the frames of a
 * step-through show them: 0 the weights alone; 1 the sample arrives; {@code 1 + l} layer {@code l}'s
 * forward values; then from the outputs back, for {@code l = L … 1}, first {@code δ⁽ˡ⁾}, then the
 * gradients of {@code w⁽ˡ⁾} and {@code b⁽ˡ⁾}. A picture without targets stops after the forward pass,
 * one without a sample at 0; a batch picture shows its gradients from stage 0.
 */
record Stages(int depth, boolean sample, boolean targets, boolean batch) {

    static Stages of(NetworkPicture p) {
        return new Stages(p.network().depth(), p.x() != null, p.t() != null, p.isBatch());
    }

    int forward(int l) {
        return 1 + l;
    }

    int delta(int l) {
        return batch ? 0 : 1 + depth + 2 * (depth - l) + 1;
    }

    int gradient(int l) {
        return batch ? 0 : delta(l) + 1;
    }

    /** {@code 3L + 1} with targets, {@code L + 1} with a sample alone, else 0. */
    int last() {
        return batch ? 0 : targets ? 3 * depth + 1 : sample ? depth + 1 : 0;
    }
}
