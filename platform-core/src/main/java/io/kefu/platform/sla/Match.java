package io.kefu.platform.sla;

import java.util.Set;

import io.kefu.platform.ticket.Channel;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketKind;

/** Which tickets a rule takes; an empty set takes any value, null values only match empty sets. */
public record Match(Set<TicketKind> kinds, Set<String> categories, Set<Priority> priorities, Set<String> customerGrades,
                    Set<Channel> channels) {

    public static final Match ANY = new Match(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public Match {
        kinds = Set.copyOf(kinds);
        categories = Set.copyOf(categories);
        priorities = Set.copyOf(priorities);
        customerGrades = Set.copyOf(customerGrades);
        channels = Set.copyOf(channels);
    }

    /** What a rule looks at on a ticket. */
    public record Subject(TicketKind kind, String category, Priority priority, String customerGrade, Channel channel) {
    }

    public boolean matches(Subject s) {
        return takes(kinds, s.kind()) && takes(categories, s.category()) && takes(priorities, s.priority())
                && takes(customerGrades, s.customerGrade()) && takes(channels, s.channel());
    }

    private static <T> boolean takes(Set<T> allowed, T value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }
}
