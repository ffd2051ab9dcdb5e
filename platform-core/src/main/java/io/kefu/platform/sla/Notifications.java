package io.kefu.platform.sla;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * A person's notifications in the bound tenant (written by {@link SlaClocks} on warnings and
 * breaches): the latest ones, how many are unread, and marking them read. Every method takes
 * the recipient, so nobody reads or marks another person's notifications.
 */
@ApplicationScoped
@Transactional
public class Notifications {

    @Inject
    TenantPersistence data;

    Clock clock = Clock.systemUTC();

    /** The recipient's notifications, newest first. */
    public List<Notification> latest(String recipient, int limit) {
        return data.entityManager().createQuery("select n from Notification n where n.recipient = :r order by n.createdAt desc",
                        Notification.class)
                .setParameter("r", recipient).setMaxResults(limit).getResultList();
    }

    /** How many of the recipient's notifications are unread (a count, not a list: the bell asks often). */
    public long unread(String recipient) {
        return data.entityManager().createQuery("select count(n) from Notification n where n.recipient = :r and n.readAt is null",
                        Long.class)
                .setParameter("r", recipient).getSingleResult();
    }

    /** Marks one of the recipient's notifications read; empty when they have none with that id. */
    public Optional<Notification> markRead(String recipient, String id) {
        Notification n = data.entityManager().find(Notification.class, id);
        if (n == null || !n.recipient().equals(recipient)) {
            return Optional.empty();
        }
        n.markRead(clock.instant().atOffset(ZoneOffset.UTC));
        return Optional.of(n);
    }

    /** Marks all the recipient's unread notifications read; returns how many. */
    public int markAllRead(String recipient) {
        return data.entityManager().createQuery("update Notification n set n.readAt = :now where n.recipient = :r and n.readAt is null")
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC)).setParameter("r", recipient).executeUpdate();
    }
}
