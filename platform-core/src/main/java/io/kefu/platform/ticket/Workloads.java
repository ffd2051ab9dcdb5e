package io.kefu.platform.ticket;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/** How much open work each agent of the bound tenant holds; least-loaded assignment reads it. */
@ApplicationScoped
@Transactional
public class Workloads {

    /** Statuses in which a ticket occupies its assignee. */
    public static final List<TicketStatus> OCCUPYING = List.of(TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS,
            TicketStatus.PENDING_CUSTOMER, TicketStatus.REOPENED);

    @Inject
    TenantPersistence data;

    /** Open tickets per user name; every asked-for name is in the result, 0 when idle. */
    public Map<String, Long> openTickets(Collection<String> usernames) {
        Map<String, Long> counts = new HashMap<>();
        usernames.forEach(u -> counts.put(u, 0L));
        if (usernames.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = data.entityManager().createQuery(
                        "select t.assignee, count(t) from Ticket t where t.assignee in :users and t.status in :open group by t.assignee",
                        Object[].class)
                .setParameter("users", List.copyOf(usernames)).setParameter("open", OCCUPYING).getResultList();
        for (Object[] r : rows) {
            counts.put((String) r[0], (Long) r[1]);
        }
        return counts;
    }
}
