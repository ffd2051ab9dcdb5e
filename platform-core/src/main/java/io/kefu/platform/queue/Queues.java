package io.kefu.platform.queue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Members;
import io.kefu.platform.problem.UnauthenticatedException;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketService;
import io.kefu.platform.ticket.TicketSla;

/**
 * The calling user's queues in the bound tenant: the query behind each, pages of rows, and the
 * counts. Always for the caller bound to the request: nobody reads another user's "mine".
 */
@ApplicationScoped
@Transactional
public class Queues {

    @Inject
    TicketService tickets;

    @Inject
    TenantPersistence data;

    @Inject
    CallerContext callers;

    @Inject
    Members members;

    /** The service standards (always deployed in Kefu's WAR; absent only in narrow tests). */
    @Inject
    Instance<TicketSla> sla;

    /** A page of rows and the cursor after its last row (null on the last page). */
    public record Rows(List<QueueRow> rows, String nextCursor) {
    }

    /** The query for a queue (null: all tickets) and filter, for the caller. */
    public QueueQuery query(Queue queue, QueueFilter filter, String sort, int limit) {
        return query(queue, filter, asker(), sort, limit);
    }

    /** As {@link #query(Queue, QueueFilter, String, int)}, for the caller as {@link #asker()} read them. */
    public QueueQuery query(Queue queue, QueueFilter filter, QueueQuery.Asker asker, String sort, int limit) {
        return QueueQuery.of(queue, filter, asker, this::slaCondition, sort, limit);
    }

    /**
     * Runs a view's group of reads in one transaction: with tenant tables per schema each
     * transaction sets up an EclipseLink client session for the tenant, the largest cost of a
     * small read (docs/adr/0017-ui-round-trip-cost.md).
     */
    public void together(Runnable reads) {
        reads.run();
    }

    /** How many tickets each queue holds for the caller, in {@link Queue} order. */
    public Map<Queue, Long> counts() {
        QueueQuery.Asker asker = asker();
        Map<Queue, Long> counts = new EnumMap<>(Queue.class);
        for (Queue q : Queue.values()) {
            counts.put(q, count(q, asker));
        }
        return counts;
    }

    /** How many tickets {@code queue} holds, unfiltered, for {@code asker}. */
    public long count(Queue queue, QueueQuery.Asker asker) {
        return count(QueueQuery.of(queue, QueueFilter.NONE, asker, this::slaCondition, null, 1));
    }

    public long count(QueueQuery q) {
        return q.empty() ? 0 : tickets.count(q.query(), q.extra());
    }

    /**
     * The rows {@code skip} rows after {@code cursor} (null: from the first): customers' and
     * assignees' names, service-standard countdowns and custom fields read for the whole page at once.
     */
    public Rows rows(QueueQuery q, String cursor, int skip) {
        if (q.empty()) {
            return new Rows(List.of(), null);
        }
        TicketService.Page page = tickets.window(q.query().from(cursor), q.extra(), skip);
        List<Ticket> items = page.items();
        Map<String, String> customers = customerNames(items);
        Map<String, String> assignees = members.displayNames(items.stream().map(Ticket::assignee).toList());
        Map<String, TicketSla.Summary> standards = sla.isResolvable() ? sla.get().summaries(items) : Map.of();
        List<JsonObject> shown = tickets.shownFields(items);
        List<QueueRow> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Ticket t = items.get(i);
            JsonObject fields = shown.get(i);
            rows.add(new QueueRow(t.number(), t.subject(), t.kind(), t.status(), t.priority(), t.assignee(),
                    t.assignee() == null ? null : assignees.getOrDefault(t.assignee(), t.assignee()),
                    t.customerId() == null ? null : customers.get(t.customerId()), t.updatedAt(), t.createdAt(),
                    standards.get(t.id()), fields, t.version()));
        }
        return new Rows(rows, page.nextCursor());
    }

    /** Ids of the teams {@code username} is a member of, in the bound tenant. */
    public List<String> teamIdsOf(String username) {
        return data.entityManager().createQuery("select m.teamId from TeamMember m where m.username = :u order by m.teamId", String.class)
                .setParameter("u", username).getResultList();
    }

    /**
     * Team ids and names by name: the caller's own teams when {@code onlyMine}, else all the
     * tenant's (for choosing where to share a filter or send tickets).
     */
    public Map<String, String> teams(boolean onlyMine) {
        List<String> mine = onlyMine ? asker().teamIds() : null;
        Map<String, String> out = new java.util.LinkedHashMap<>();
        data.entityManager().createQuery("select t.id, t.name from Team t order by t.name", Object[].class).getResultList().stream()
                .filter(r -> mine == null || mine.contains((String) r[0]))
                .forEach(r -> out.put((String) r[0], (String) r[1]));
        return out;
    }

    private Map<String, String> customerNames(List<Ticket> items) {
        List<String> ids = items.stream().map(Ticket::customerId).filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            data.entityManager().createQuery("select c.id, c.name from Customer c where c.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(r -> names.put((String) r[0], (String) r[1]));
        }
        return names;
    }

    /** The caller as the queues' conditions need them: their name and their teams. */
    public QueueQuery.Asker asker() {
        Caller.TenantUser me = callers.current().filter(Caller.TenantUser.class::isInstance).map(Caller.TenantUser.class::cast)
                .orElseThrow(() -> new UnauthenticatedException());
        return new QueueQuery.Asker(me.username(), teamIdsOf(me.username()));
    }

    private TicketService.Condition slaCondition(String which) {
        TicketSla standards = sla.get();
        return new TicketService.Condition(standards.filter(which), Map.of("slaNow", standards.now().atOffset(ZoneOffset.UTC)));
    }
}
