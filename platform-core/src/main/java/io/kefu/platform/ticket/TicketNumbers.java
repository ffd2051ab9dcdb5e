package io.kefu.platform.ticket;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.kefu.platform.settings.SettingKey;
import io.kefu.platform.settings.TenantSettings;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * Human-readable ticket numbers, unique per tenant and gapless per year: {@code KF-2026-000123}.
 * The year's counter row is locked until the creating transaction ends, so a rolled-back create
 * gives its number back.
 */
@ApplicationScoped
public class TicketNumbers {

    @Inject
    TenantPersistence data;

    @Inject
    TenantSettings settings;

    @Inject
    TicketNumbers self;

    /** Takes the next number inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String next(Instant now) {
        ZoneId zone = ZoneId.of(settings.get(SettingKey.TIME_ZONE));
        int year = now.atZone(zone).getYear();
        EntityManager em = data.entityManager();
        TicketCounter counter = em.find(TicketCounter.class, year, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            try {
                self.createYear(year);
            } catch (CounterRaced raced) {
                // created concurrently: lock that row
            }
            counter = em.find(TicketCounter.class, year, LockModeType.PESSIMISTIC_WRITE);
        }
        return format(settings.get(SettingKey.TICKET_NUMBER_PREFIX), year, counter.next());
    }

    static String format(String prefix, int year, long sequence) {
        return String.format("%s-%d-%06d", prefix, year, sequence);
    }

    /** The first ticket of a year creates its counter; a concurrent creator may win, which is fine. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createYear(int year) {
        EntityManager em = data.entityManager();
        if (em.find(TicketCounter.class, year) == null) {
            try {
                em.persist(new TicketCounter(year));
                em.flush();
            } catch (PersistenceException raced) {
                // Another request created it first; the caller locks that row instead.
                throw new CounterRaced();
            }
        }
    }

    /** Rolls back only the counter's own transaction; the caller proceeds. */
    static class CounterRaced extends RuntimeException {
        CounterRaced() {
            super(null, null, false, false);
        }
    }
}
