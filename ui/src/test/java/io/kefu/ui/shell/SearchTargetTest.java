package io.kefu.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SearchTargetTest {

    private static String where(String typed) {
        return SearchTarget.of(typed).map(SearchTarget::location).orElse("nowhere");
    }

    @Test
    void aTicketNumber_inAnyCase_opensTheTicket() {
        assertEquals("tickets/KF-2026-000042", where("KF-2026-000042"));
        assertEquals("tickets/SF2-2026-1234567", where(" sf2-2026-1234567 "));
    }

    @Test
    void anythingElse_searchesTheQueues() {
        assertEquals("queues?q=KF-2026-42", where("KF-2026-42"), "too short a sequence is text");
        assertEquals("queues?q=%E7%A0%B4%E6%8D%9F", where("破损"));
        assertEquals("queues?q=a%26b%3Dc", where("a&b=c"), "the query string is encoded");
    }

    @Test
    void blankGoesNowhere_andLongTextIsCut() {
        assertEquals("nowhere", where("   "));
        assertEquals("nowhere", where(null));
        assertEquals(SearchTarget.MAX_LENGTH, SearchTarget.of("x".repeat(500)).orElseThrow().query().getParameters().get("q").get(0).length());
    }

    @Test
    void phoneNumbersAndEmailAddresses_mayBeCustomers_otherTextNot() {
        assertEquals("customers?q=%2B86%20138%200013%208000",
                SearchTarget.customers("+86 138 0013 8000").orElseThrow().location());
        assertTrue(SearchTarget.customers("zhang.san@example.cn").isPresent());
        assertEquals(Optional.empty(), SearchTarget.customers("破损"));
        assertEquals(Optional.empty(), SearchTarget.customers("KF-2026-000042"));
    }
}
