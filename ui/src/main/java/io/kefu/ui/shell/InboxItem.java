package io.kefu.ui.shell;

import java.io.Serializable;
import java.time.Instant;

/**
 * One notification as the bell lists it.
 *
 * @param kind    {@code sla.warning} or {@code sla.breach} (others are shown generically)
 * @param target  the service standard's target, e.g. {@code firstResponse}; may be null
 * @param subject the ticket's subject when the notification was written; may be null
 */
public record InboxItem(String id, String kind, String ticketNumber, String subject, String target, Instant createdAt,
                        boolean read) implements Serializable {
}
