package io.kefu.ui.queue;

import java.util.Locale;

import io.kefu.platform.queue.Queue;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketStatus;

/** Bundle keys of the queues, statuses and priorities as the queue page shows them. */
final class QueueLabels {

    private QueueLabels() {
    }

    /** {@code queue.name.mine}, {@code queue.name.at-risk}, ... */
    static String queue(Queue q) {
        return "queue.name." + q.id();
    }

    /** {@code queue.status.in-progress}, ... */
    static String status(TicketStatus s) {
        return "queue.status." + s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code queue.priority.urgent}, ... */
    static String priority(Priority p) {
        return "queue.priority." + p.name().toLowerCase(Locale.ROOT);
    }
}
