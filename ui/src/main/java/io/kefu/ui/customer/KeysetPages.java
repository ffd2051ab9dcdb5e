package io.kefu.ui.customer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Serves a lazy grid's offset-and-limit requests from a platform list that pages by keyset
 * cursor (customers, tickets). Remembers where each page it read started, so scrolling on reads
 * one page, and a jump far ahead walks only from the nearest page it knows. Only cursors are
 * kept, never rows: a few hundred small values at most per grid.
 *
 * @param <T> a row
 * @param <C> the platform's cursor (null: the first page)
 */
public final class KeysetPages<T, C extends Serializable> implements Serializable {

    /** What the platform returns for one request: rows, and the cursor after them (null: no more). */
    public record Page<T, C>(List<T> items, C next) {
    }

    /** One platform read: up to {@code limit} rows after {@code after}. */
    @FunctionalInterface
    public interface Source<T, C> extends Serializable {
        Page<T, C> read(C after, int limit);
    }

    /** Beyond this many known starts, the far ones are forgotten (a jump there walks again). */
    static final int MAX_KNOWN = 200;

    private final int maxLimit;
    private final Source<T, C> source;
    private final TreeMap<Integer, C> starts = new TreeMap<>();

    /** {@code maxLimit}: the most rows the platform gives in one read. */
    public KeysetPages(int maxLimit, Source<T, C> source) {
        this.maxLimit = maxLimit;
        this.source = source;
    }

    /** Rows {@code offset} to {@code offset + limit - 1}, fewer at the end of the list. */
    public Stream<T> fetch(int offset, int limit) {
        if (limit <= 0) {
            return Stream.empty();
        }
        Map.Entry<Integer, C> from = starts.floorEntry(offset);
        int position = from == null ? 0 : from.getKey();
        C after = from == null ? null : from.getValue();
        List<T> rows = new ArrayList<>(Math.min(limit, maxLimit));
        while (rows.size() < limit) {
            // Read whole pages up to the rows asked for: every page read leaves its start behind.
            int wanted = Math.min(maxLimit, offset + limit - position);
            Page<T, C> page = source.read(after, wanted);
            for (int i = 0; i < page.items().size() && rows.size() < limit; i++) {
                if (position + i >= offset) {
                    rows.add(page.items().get(i));
                }
            }
            position += page.items().size();
            if (page.next() == null || page.items().isEmpty()) {
                break;
            }
            after = page.next();
            remember(position, after);
        }
        return rows.stream();
    }

    /** Forgets every cursor: the list's filter changed, or its rows moved. */
    public void reset() {
        starts.clear();
    }

    /** How many page starts are known (for tests of the memory bound). */
    int known() {
        return starts.size();
    }

    private void remember(int position, C cursor) {
        starts.put(position, cursor);
        if (starts.size() > MAX_KNOWN) {
            starts.pollFirstEntry();
        }
    }
}
