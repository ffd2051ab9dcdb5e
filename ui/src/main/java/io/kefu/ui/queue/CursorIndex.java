package io.kefu.ui.queue;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each page a lazy grid read ended, as the platform's keyset cursors: the grid asks by
 * offset, the platform pages by cursor. A request at offset {@code o} starts from the nearest
 * known cursor at or before {@code o} and skips the few rows in between, so scrolling down page
 * by page never makes the database count past rows, and a jump deep into the list pays the
 * offset once and is then continued by cursor. Bounded ({@link #MAX}) to keep a session small;
 * emptied whenever the query or the data changes.
 */
final class CursorIndex implements Serializable {

    /** 200 positions: a few kilobytes, enough for 10,000 rows of 50 read in order. */
    static final int MAX = 200;

    private final TreeMap<Integer, String> cursors = new TreeMap<>();

    /** Where to start for a row at {@code offset}: a known position (0 with a null cursor at worst) and the rows to skip. */
    record Start(int position, String cursor, int skip) {
    }

    Start startFor(int offset) {
        Map.Entry<Integer, String> known = cursors.floorEntry(offset);
        return known == null ? new Start(0, null, offset) : new Start(known.getKey(), known.getValue(), offset - known.getKey());
    }

    /** The position after a page read: the cursor that continues at {@code offset}. */
    void remember(int offset, String cursor) {
        if (cursor == null || offset <= 0) {
            return;
        }
        cursors.put(offset, cursor);
        while (cursors.size() > MAX) {
            // Keep the deepest positions' neighbours: drop the one farthest from where the reader just was.
            Integer first = cursors.firstKey();
            Integer last = cursors.lastKey();
            cursors.remove(Math.abs(offset - first) > Math.abs(last - offset) ? first : last);
        }
    }

    void clear() {
        cursors.clear();
    }

    int size() {
        return cursors.size();
    }
}
