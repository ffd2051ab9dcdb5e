package io.kefu.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CursorIndexTest {

    @Test
    void withoutCursors_everyOffsetIsSkippedFromTheStart() {
        CursorIndex index = new CursorIndex();
        assertEquals(new CursorIndex.Start(0, null, 0), index.startFor(0));
        assertEquals(new CursorIndex.Start(0, null, 120), index.startFor(120));
    }

    @Test
    void aPageReadInOrder_continuesFromThePreviousPagesCursor() {
        CursorIndex index = new CursorIndex();
        index.remember(50, "c50");
        index.remember(100, "c100");

        assertEquals(new CursorIndex.Start(100, "c100", 0), index.startFor(100));
        assertEquals(new CursorIndex.Start(50, "c50", 30), index.startFor(80), "from the nearest position before");
        assertEquals(new CursorIndex.Start(100, "c100", 4900), index.startFor(5000));
    }

    @Test
    void theLastPage_andTheStart_leaveNothingToRemember() {
        CursorIndex index = new CursorIndex();
        index.remember(50, null);
        index.remember(0, "c0");
        assertEquals(0, index.size());
    }

    @Test
    void theIndexStaysBounded_keepingThePositionsNearWhereTheReaderIs() {
        CursorIndex index = new CursorIndex();
        for (int page = 1; page <= CursorIndex.MAX + 50; page++) {
            index.remember(page * 50, "c" + page);
        }
        assertEquals(CursorIndex.MAX, index.size());
        int last = (CursorIndex.MAX + 50) * 50;
        assertEquals(new CursorIndex.Start(last, "c" + (CursorIndex.MAX + 50), 0), index.startFor(last));
        assertTrue(index.startFor(60).position() == 0, "the farthest (first) positions were dropped");

        index.clear();
        assertEquals(0, index.size());
    }
}
