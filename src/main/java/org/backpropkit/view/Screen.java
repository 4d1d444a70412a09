package org.backpropkit.view;

import java.util.Objects;

/**
 * Where the kit's moving pictures go: a display that is shown once and then updated in place. In a
 * notebook it is the kernel's display ({@code display_data}, then {@code update_display_data} with the
 * same display id), which the kernel installs when it starts; elsewhere (a terminal, a test) the
 * fallback prints each picture's text. The library never talks to Jupyter itself.
 *
 * <p>A screen is {@linkplain #live() live} when a person watches the updates as they happen. A
 * notebook executed headlessly is not: the kit's lesson runner sets {@code BACKPROP_KIT_HEADLESS=1}
 * for its kernels (do the same for {@code jupyter nbconvert --execute}), and then step-throughs show
 * their last frame at once and live training draws only its final state.
 */
public interface Screen {

    /** Shows {@code content} in a new display; returns the display's id. */
    String show(Object content);

    /** Replaces what display {@code id} shows with {@code content}. */
    void update(String id, Object content);

    /** Whether someone sees updates as they happen (false for a headless run or a terminal). */
    boolean live();

    /** The screen in use: the notebook's once the kernel has installed it, else {@link #text()}. */
    static Screen current() {
        return Installed.screen;
    }

    /** Makes {@code screen} the one every later picture goes to (the kernel calls this at start-up). */
    static void use(Screen screen) {
        Installed.screen = Objects.requireNonNull(screen, "screen");
    }

    /** The screen outside Jupyter: prints the text form of what it shows; not live. */
    static Screen text() {
        return Installed.TEXT;
    }

    /** True when the environment says no one is watching: {@code BACKPROP_KIT_HEADLESS} is 1 or true. */
    static boolean headless() {
        String v = System.getenv("BACKPROP_KIT_HEADLESS");
        return v != null && (v.strip().equals("1") || v.strip().equalsIgnoreCase("true"));
    }

    /** The installed screen (an interface cannot hold a mutable field itself). */
    final class Installed {
        private static final Screen TEXT = new Screen() {
            private int shown;

            @Override
            public synchronized String show(Object content) {
                System.out.println(content);
                return "text-" + (++shown);
            }

            @Override
            public void update(String id, Object content) {
                System.out.println(content);
            }

            @Override
            public boolean live() {
                return false;
            }
        };
        private static volatile Screen screen = TEXT;

        private Installed() {
        }
    }
}
