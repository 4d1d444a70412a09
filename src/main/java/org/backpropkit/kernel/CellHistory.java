package org.backpropkit.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The cells run in this session, for Jupyter's history requests (the console's up-arrow, {@code %history}
 * in other kernels). Kept in memory only: a learner's notebook is the record that matters.
 */
final class CellHistory implements HistoryManager {

    private final List<HistoryEntry> cells = new ArrayList<>();

    synchronized void add(int executionCount, String code) {
        cells.add(new HistoryEntry(0, executionCount, code, null));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        return shaped(cells.subList(Math.max(0, cells.size() - length), cells.size()), flags);
    }

    /** With {@code INCLUDE_OUTPUT} each entry carries an (empty) output: outputs live in the notebook. */
    private static List<HistoryEntry> shaped(List<HistoryEntry> entries, Set<ResultFlag> flags) {
        if (!flags.contains(ResultFlag.INCLUDE_OUTPUT)) {
            return List.copyOf(entries);
        }
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            out.add(new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput(), ""));
        }
        return out;
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int end, Set<ResultFlag> flags) {
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : cells) {
            if (session == 0 && e.getCellNumber() >= start && (end <= 0 || e.getCellNumber() < end)) {
                out.add(e);
            }
        }
        return shaped(out, flags);
    }

    /** Cells matching an sqlite-style glob ({@code *}, {@code ?}), newest last. */
    @Override
    public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        Pattern pattern = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : cells) {
            boolean seen = flags.contains(ResultFlag.UNIQUE)
                    && out.stream().anyMatch(o -> o.getInput().equals(e.getInput()));
            if (!seen && pattern.matcher(e.getInput()).matches()) {
                out.add(e);
            }
        }
        return shaped(length > 0 && out.size() > length ? out.subList(out.size() - length, out.size()) : out, flags);
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }
}
