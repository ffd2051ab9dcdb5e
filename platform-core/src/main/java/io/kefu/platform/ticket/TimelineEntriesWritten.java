package io.kefu.platform.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Entries Kefu wrote on tickets' timelines without loading the tickets as entities (the SLA
 * sweep's warnings and breaches, a page of rows per statement): what open views must hear of,
 * as a {@link TicketChanged} of kind {@link TicketChanged.Change#SERVICE_STANDARD} would tell
 * them. Fired inside the writing transaction; observers that announce act after it commits.
 *
 * @param tickets the tickets written to
 * @param at      when the entries were written
 */
public record TimelineEntriesWritten(List<Written> tickets, Instant at) {

    /** A ticket as its entries left it: number, assignee and team, and the row version after the write. */
    public record Written(String number, String assignee, String teamId, long version) {
    }
}
