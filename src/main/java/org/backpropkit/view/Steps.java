package org.backpropkit.view;

import java.util.List;

/**
 * A network picture filled in step by step, as a pass computes it: the weights alone, the sample,
 * each layer's forward values from the inputs to the loss, then from the outputs back each layer's
 * errors {@code δ} and gradients. For the article's 2-3-2 network that is 8 frames:
 * <pre>
 *   1 the network          2 x and t arrive        3 a⁽¹⁾ and h          4 a⁽²⁾, y and L
 *   5 δ⁽²⁾ at the outputs  6 ∂L/∂u, ∂L/∂b⁽²⁾       7 δ⁽¹⁾ (the sum)      8 ∂L/∂w, ∂L/∂b⁽¹⁾
 * </pre>
 * <pre>{@code
 * Steps steps = NetworkPicture.of(net, x, t).steps();
 * steps.play();       // one display, a frame every 1.2 s; when no one watches, just the last frame
 * steps.next()        // the next frame as the cell's result: re-run the cell to step by hand
 * steps.frame(3)      // frame 3 (counted from 0), steps.last(), steps.size()
 * }</pre>
 * Every frame has the same layout, so only the numbers change between them.
 */
public final class Steps {

    /** The pace of {@link #play()}: long enough to read what changed. */
    public static final double SECONDS_PER_FRAME = 1.2;

    private final NetworkPicture picture;
    private final List<String> captions;
    private int cursor = -1;

    Steps(NetworkPicture picture) {
        this.picture = picture;
        this.captions = picture.isSummary() ? new SceneBuilder(picture, false).stepCaptions() : picture.scene().steps;
    }

    /** The number of frames: {@code 3L + 2} with targets, {@code L + 2} with a sample alone. */
    public int size() {
        return picture.lastStage() + 1;
    }

    /** Frame {@code k}, counted from 0 (the network before the sample arrives). */
    public NetworkPicture frame(int k) {
        if (k < 0 || k >= size()) {
            throw new IllegalArgumentException("frame " + k + " does not exist: frames count from 0 to " + (size() - 1));
        }
        return picture.at(k, "Step " + (k + 1) + " of " + size() + " · " + captions.get(k));
    }

    /** The last frame: everything computed. */
    public NetworkPicture last() {
        return frame(size() - 1);
    }

    /** The frame after the one {@code next()} gave last (the first frame on the first call, again after the last). */
    public synchronized NetworkPicture next() {
        cursor = (cursor + 1) % size();
        return frame(cursor);
    }

    /** Plays every frame in one display, {@value #SECONDS_PER_FRAME} s each. */
    public void play() {
        play(SECONDS_PER_FRAME);
    }

    /**
     * Plays every frame in one display on the {@linkplain Screen#current() current screen}: the first is
     * shown, each next one replaces it after {@code secondsPerFrame}. On a screen that is not live (a
     * headless run) only the last frame is shown, at once. Interrupting stops the play on the frame
     * reached.
     */
    public void play(double secondsPerFrame) {
        if (!(secondsPerFrame >= 0) || Double.isInfinite(secondsPerFrame)) {
            throw new IllegalArgumentException("seconds per frame must be 0 or more, got " + secondsPerFrame);
        }
        Screen screen = Screen.current();
        if (!screen.live()) {
            screen.show(last());
            return;
        }
        String id = screen.show(frame(0));
        for (int k = 1; k < size(); k++) {
            if (secondsPerFrame > 0) {
                try {
                    Thread.sleep(Math.round(secondsPerFrame * 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            screen.update(id, frame(k));
        }
    }

    /** The steps, one per line, e.g. {@code 3. Forward, layer 1: a⁽¹⁾ = x·w + b⁽¹⁾, h = σ(a⁽¹⁾)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < captions.size(); k++) {
            s.append(k > 0 ? "\n" : "").append(k + 1).append(". ").append(captions.get(k));
        }
        return s.toString();
    }
}
