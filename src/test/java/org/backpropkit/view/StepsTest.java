package org.backpropkit.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.backpropkit.core.Article;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Step-through: how many frames, what each reveals, and how they reach one display. */
class StepsTest {

    private static final double[] X = Article.x();
    private static final double[] T = Article.t();

    private final Screen before = Screen.current();

    @AfterEach
    void restoreScreen() {
        Screen.use(before);
    }

    @Test
    void framesCountOneForTheNetworkOneForTheSampleAndThreePerLayer() {
        assertEquals(8, NetworkPicture.of(Article.network(), X, T).steps().size());          // 3·2 + 2
        assertEquals(4, NetworkPicture.of(Article.network(), X).steps().size());             // forward only: 2 + 2
        assertEquals(1, NetworkPicture.of(Article.network()).steps().size());                // nothing to compute
        assertEquals(11, NetworkPicture.of(Network.of(2, 3, 3, 2).seed(1), X, T).steps().size());
        assertEquals(5, NetworkPicture.of(Network.of(2, 1).seed(1), X, new double[] {1}).steps().size());
        assertThrows(IllegalArgumentException.class,
                () -> NetworkPicture.gradients(Article.network(), Matrix.row(X), Matrix.row(T)).steps());
    }

    @Test
    void eachFrameRevealsOneMoreStepForwardThenBackward() {
        Steps steps = NetworkPicture.of(Article.network(), X, T).steps();
        Scene s = steps.frame(0).scene();
        Scene.Box h1 = s.box(1, 0), y1 = s.box(2, 0);
        Scene.Line deltaH1 = h1.lines.get(h1.lines.size() - 1), deltaY1 = y1.lines.get(y1.lines.size() - 1);
        Scene.Line gradientW11 = s.arrows.get(0).lines.get(1), gradientU11 = s.arrows.get(6).lines.get(1);
        int[][] expected = {
            // x shown, h₁ value, y₁ value, δ⁽²⁾₁, ∂L/∂u₁₁, δ⁽¹⁾₁, ∂L/∂w₁₁
            {0, 0, 0, 0, 0, 0, 0},
            {1, 0, 0, 0, 0, 0, 0},
            {1, 1, 0, 0, 0, 0, 0},
            {1, 1, 1, 0, 0, 0, 0},
            {1, 1, 1, 1, 0, 0, 0},
            {1, 1, 1, 1, 1, 0, 0},
            {1, 1, 1, 1, 1, 1, 0},
            {1, 1, 1, 1, 1, 1, 1}};
        for (int k = 0; k < steps.size(); k++) {
            int stage = steps.frame(k).stage();
            assertEquals(k, stage);
            int[] shown = {s.box(0, 0).title.at(stage).contains("=") ? 1 : 0, h1.title.at(stage).contains("=") ? 1 : 0,
                y1.title.at(stage).contains("=") ? 1 : 0, deltaY1.at(stage) != null ? 1 : 0,
                gradientU11.at(stage) != null ? 1 : 0, deltaH1.at(stage) != null ? 1 : 0,
                gradientW11.at(stage) != null ? 1 : 0};
            assertEquals(Arrays.toString(expected[k]), Arrays.toString(shown), "frame " + k);
        }
        assertNull(deltaY1.at(3));
        assertTrue(deltaH1.late().startsWith("δ⁽¹⁾₁"));
        assertTrue(gradientU11.late().startsWith("∂L/∂u₁₁"));
    }

    @Test
    void framesShareOneLayoutAndDifferInTheirPixels() {
        Steps steps = NetworkPicture.of(Article.network(), X, T).steps();
        Steps compact = NetworkPicture.of(Network.of(2, 3, 3, 2).seed(3), X, T).steps();
        for (Steps each : List.of(steps, compact)) {
            int[] previous = null;
            for (int k = 0; k < each.size(); k++) {
                NetworkPicture frame = each.frame(k);
                assertTrue(frame.layout() == each.frame(0).layout(), "frame " + k + " has its own layout");
                int[] body = body(frame);
                assertFalse(previous != null && Arrays.equals(previous, body),
                        "frame " + k + " shows the same network as the one before (only its caption differs)");
                previous = body;
            }
        }
        assertTrue(steps.frame(2).toString().contains("Step 3 of 8 · Forward, layer 1: a⁽¹⁾ = x·w + b⁽¹⁾,  h = σ(a⁽¹⁾)"),
                steps.frame(2).toString());
        assertTrue(steps.toString().startsWith("1. The network: a weight on each arrow, a bias in each unit\n"
                + "2. A sample arrives: x = (0.5, 0.8), target t = (1, 0)"), steps.toString());
    }

    /** The pixels below the header (title, sample, step caption): what the frame shows of the network. */
    private static int[] body(NetworkPicture frame) {
        java.awt.image.BufferedImage image = frame.image();
        int top = (int) Math.ceil(frame.layout().headerBottom);
        return image.getRGB(0, top, image.getWidth(), image.getHeight() - top, null, 0, image.getWidth());
    }

    @Test
    void nextStepsByHandAndStartsOverAfterTheLast() {
        Steps steps = NetworkPicture.of(Article.network(), X, T).steps();
        for (int k = 0; k < steps.size(); k++) {
            assertEquals(k, steps.next().stage());
        }
        assertEquals(0, steps.next().stage());
        assertEquals(steps.size() - 1, steps.last().stage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> steps.frame(8));
        assertEquals("frame 8 does not exist: frames count from 0 to 7", e.getMessage());
    }

    @Test
    void playShowsTheFirstFrameThenUpdatesTheSameDisplay() {
        RecordingScreen screen = new RecordingScreen(true);
        Screen.use(screen);
        Steps steps = NetworkPicture.of(Article.network(), X, T).steps();
        steps.play(0);
        assertEquals(1, screen.count("show"));
        assertEquals(7, screen.count("update"));
        String id = screen.events.get(0).id();
        for (int k = 0; k < screen.events.size(); k++) {
            assertEquals(id, screen.events.get(k).id());
            assertEquals(k, ((NetworkPicture) screen.events.get(k).content()).stage());
        }
    }

    @Test
    void whenNoOneWatchesPlayShowsOnlyTheLastFrame() {
        RecordingScreen screen = new RecordingScreen(false);
        Screen.use(screen);
        Steps steps = NetworkPicture.of(Article.network(), X, T).steps();
        steps.play(); // the default pace; not live, so no pause
        assertEquals(List.of("show"), screen.events.stream().map(RecordingScreen.Event::kind).toList());
        assertEquals(7, ((NetworkPicture) screen.last()).stage());
    }

    @Test
    void aNegativePaceIsRefused() {
        Steps steps = NetworkPicture.of(Article.network(), X, T).steps();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> steps.play(-1));
        assertEquals("seconds per frame must be 0 or more, got -1.0", e.getMessage());
    }
}
