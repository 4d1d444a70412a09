package org.backpropkit.view;

import java.util.ArrayList;
import java.util.List;

/** A screen for tests: records what is shown and updated, under which id; live or not as asked. */
class RecordingScreen implements Screen {

    /** One call: {@code show} or {@code update}, the display id, and what was passed. */
    record Event(String kind, String id, Object content) {
    }

    final List<Event> events = new ArrayList<>();
    private final boolean live;
    private int ids;

    RecordingScreen(boolean live) {
        this.live = live;
    }

    @Override
    public String show(Object content) {
        String id = "display-" + (++ids);
        events.add(new Event("show", id, content));
        return id;
    }

    @Override
    public void update(String id, Object content) {
        events.add(new Event("update", id, content));
    }

    @Override
    public boolean live() {
        return live;
    }

    long count(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).count();
    }

    Object last() {
        return events.get(events.size() - 1).content();
    }
}
