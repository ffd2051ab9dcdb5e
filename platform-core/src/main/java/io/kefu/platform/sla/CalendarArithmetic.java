package io.kefu.platform.sla;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.tenant.TenantCode;

/**
 * Each stored calendar's arithmetic, built once per tenant and document. A clock's alarm key is a
 * position on its calendar's line of working time ({@link BusinessCalendar#position}), which
 * sums every day since the line's epoch the first time a calendar is asked (about ten
 * thousand days); a calendar built anew per transaction paid that on every ticket change. The key
 * is the tenant with the document's text, so an edited calendar is a new entry (nothing to
 * invalidate, on any node) and no entry serves another tenant. The least recently used entries
 * go beyond {@link #MAX}.
 */
@ApplicationScoped
class CalendarArithmetic {

    static final int MAX = 4_096;

    private record Key(TenantCode tenant, String document) {
    }

    private final Map<Key, BusinessCalendar> built = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, BusinessCalendar> eldest) {
            return size() > MAX;
        }
    };

    /** The arithmetic of the tenant's calendar stored as {@code document}. */
    BusinessCalendar of(TenantCode tenant, String document) {
        Key key = new Key(tenant, document);
        synchronized (built) {
            BusinessCalendar c = built.get(key);
            if (c != null) {
                return c;
            }
        }
        // Parsed outside the lock; two threads building the same calendar at once both get a correct one.
        BusinessCalendar c = StandardsDocument.readCalendar(StandardsStore.json(document)).calendar();
        synchronized (built) {
            built.putIfAbsent(key, c);
            return built.get(key);
        }
    }
}
