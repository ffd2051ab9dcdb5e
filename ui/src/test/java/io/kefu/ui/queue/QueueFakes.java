package io.kefu.ui.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FieldType;
import io.kefu.platform.form.Form;
import io.kefu.platform.form.FormDefinitions;
import io.kefu.platform.form.FormTarget;
import io.kefu.platform.form.LocalizedText;
import io.kefu.platform.identity.Member;
import io.kefu.platform.identity.Members;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.ForbiddenException;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.queue.Queue;
import io.kefu.platform.queue.QueueFilter;
import io.kefu.platform.queue.QueueQuery;
import io.kefu.platform.queue.QueueRow;
import io.kefu.platform.queue.Queues;
import io.kefu.platform.queue.SavedFilter;
import io.kefu.platform.queue.SavedFilters;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketQuery;
import io.kefu.platform.ticket.TicketService;
import io.kefu.platform.ticket.TicketSla;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.TransitionRequest;
import io.kefu.ui.live.TicketFeed;
import io.kefu.ui.session.CurrentUser;

/**
 * In-memory stand-ins for the platform services the queue page calls. They answer the queries
 * the real {@link QueueQuery} mapping builds (so the mapping itself is exercised), and record
 * what the view asked for.
 */
public final class QueueFakes {

    final FakeQueues queues = new FakeQueues();
    final FakeSavedFilters saved = new FakeSavedFilters();
    final FakeTickets tickets = new FakeTickets();
    final FakeMembers members = new FakeMembers();
    final FakeForms forms = new FakeForms();
    /** The tenant binding the view's shared counts read (unbound unless a test binds it). */
    final TenantContext tenants = new TenantContext();
    final TicketFeed feed = TicketFeed.direct(tenants, new CallerContext());
    final BulkActions bulk = new BulkActions(tickets);

    /** The page as CDI would build it, with these fakes and {@code clock}. */
    QueuesView view(CurrentUser currentUser, Clock clock) {
        return new QueuesView(queues, new QueueCounts(feed, tenants, clock), saved, bulk, members, forms, feed, currentUser, clock);
    }

    /** The page with empty fakes, for other features' tests that pass through the root route. */
    public static QueuesView emptyView(CurrentUser currentUser) {
        return new QueueFakes().view(currentUser, Clock.systemUTC());
    }

    /** The display names Queues would read for assignees; a username without one shows as itself. */
    static final Map<String, String> DISPLAY_NAMES = Map.of("wxm", "王小明", "li", "李四");

    /** A ticket as the fake list holds it. */
    record T(String number, String subject, TicketKind kind, TicketStatus status, Priority priority, String assignee,
             String teamId, String risk, JsonObject fields, long version) {

        QueueRow row() {
            OffsetDateTime at = OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC);
            TicketSla.Summary sla = risk == null ? null
                    : new TicketSla.Summary(risk, at.toInstant().plusSeconds(3600), risk.equals("BREACHED") ? Duration.ZERO
                    : Duration.ofMinutes(95), false);
            return new QueueRow(number, subject, kind, status, priority, assignee, assignee == null ? null : DISPLAY_NAMES.getOrDefault(assignee, assignee),
                    "客户 " + number, at, at, sla, fields, version);
        }
    }

    static final class FakeQueues extends Queues {
        final List<T> tickets = new ArrayList<>();
        final List<String> myTeams = new ArrayList<>(List.of("team-a"));
        final Map<String, String> teamNames = new LinkedHashMap<>(Map.of("team-a", "售后组", "team-b", "投诉组"));
        String me = "wxm";
        /** "cursor/skip/limit" of each rows call. */
        final List<String> reads = new ArrayList<>();
        /** Rounds of queue counts (each reads "mine" once). */
        int countsCalls;

        T add(String number, TicketStatus status, Priority priority, String assignee) {
            return add(new T(number, "Parcel " + number, TicketKind.SERVICE_REQUEST, status, priority, assignee, null, null,
                    Json.createObjectBuilder().add("tracking_no", "SF" + number).build(), 3));
        }

        T add(T t) {
            tickets.add(t);
            return t;
        }

        /** Reads inside {@link #together}, and how many groups there were. */
        boolean inTogether;
        int togetherCalls;
        /** "cursor/skip/limit" of rows calls made outside {@link #together}. */
        final List<String> readsAlone = new ArrayList<>();

        @Override
        public void together(Runnable reads) {
            togetherCalls++;
            inTogether = true;
            try {
                reads.run();
            } finally {
                inTogether = false;
            }
        }

        @Override
        public QueueQuery query(Queue queue, QueueFilter filter, String sort, int limit) {
            return query(queue, filter, asker(), sort, limit);
        }

        @Override
        public QueueQuery query(Queue queue, QueueFilter filter, QueueQuery.Asker asker, String sort, int limit) {
            return QueueQuery.of(queue, filter, asker,
                    which -> new TicketService.Condition("sla " + which, Map.of("slaNow", Instant.EPOCH)), sort, limit);
        }

        @Override
        public QueueQuery.Asker asker() {
            return new QueueQuery.Asker(me, myTeams);
        }

        @Override
        public Map<Queue, Long> counts() {
            Map<Queue, Long> out = new EnumMap<>(Queue.class);
            for (Queue q : Queue.values()) {
                out.put(q, count(q, asker()));
            }
            return out;
        }

        @Override
        public long count(Queue queue, QueueQuery.Asker asker) {
            if (queue == Queue.MINE) {
                countsCalls++;
            }
            return count(query(queue, QueueFilter.NONE, null, 1));
        }

        @Override
        public long count(QueueQuery q) {
            return q.empty() ? 0 : matching(q).size();
        }

        @Override
        public Rows rows(QueueQuery q, String cursor, int skip) {
            int limit = q.query().limit();
            reads.add(cursor + "/" + skip + "/" + limit);
            if (!inTogether) {
                readsAlone.add(cursor + "/" + skip + "/" + limit);
            }
            List<T> all = q.empty() ? List.of() : matching(q);
            int from = (cursor == null ? 0 : Integer.parseInt(cursor.substring("pos:".length()))) + skip;
            int to = Math.min(all.size(), from + limit);
            List<QueueRow> page = from >= all.size() ? List.of() : all.subList(from, to).stream().map(T::row).toList();
            return new Rows(page, to < all.size() ? "pos:" + to : null);
        }

        @Override
        public List<String> teamIdsOf(String username) {
            return List.copyOf(myTeams);
        }

        @Override
        public Map<String, String> teams(boolean onlyMine) {
            Map<String, String> out = new LinkedHashMap<>();
            teamNames.forEach((id, name) -> {
                if (!onlyMine || myTeams.contains(id)) {
                    out.put(id, name);
                }
            });
            return out;
        }

        /** What the platform's JPQL would select, for the conditions the queue mapping produces. */
        private List<T> matching(QueueQuery qq) {
            TicketQuery q = qq.query();
            Comparator<T> order = Comparator.comparing(T::number);
            if (q.sort() == TicketQuery.Sort.CREATED_DESC || q.sort() == TicketQuery.Sort.UPDATED_DESC) {
                order = order.reversed();
            }
            return tickets.stream()
                    .filter(t -> q.statuses().isEmpty() || q.statuses().contains(t.status()))
                    .filter(t -> q.kind() == null || q.kind() == t.kind())
                    .filter(t -> q.priority() == null || q.priority() == t.priority())
                    .filter(t -> q.assignee() == null || q.assignee().equals(t.assignee()))
                    .filter(t -> !q.unassigned() || t.assignee() == null)
                    .filter(t -> q.text() == null || t.number().equals(q.text()) || t.subject().contains(q.text()))
                    .filter(t -> extra(qq.extra(), t))
                    .sorted(order).toList();
        }

        @SuppressWarnings("unchecked")
        private static boolean extra(TicketService.Condition c, T t) {
            if (c == null) {
                return true;
            }
            return switch (c.jpql()) {
                case "t.teamId in :queueTeams" -> t.teamId() != null && ((List<String>) c.parameters().get("queueTeams")).contains(t.teamId());
                case "sla at-risk" -> "AT_RISK".equals(t.risk());
                case "sla breached" -> "BREACHED".equals(t.risk());
                default -> throw new IllegalArgumentException(c.jpql());
            };
        }
    }

    /** Saved filters of user "wxm" (a supervisor in these tests) and of teams. */
    static final class FakeSavedFilters extends SavedFilters {
        final List<Visible> all = new ArrayList<>();
        final List<String> actions = new ArrayList<>();

        Visible add(String name, QueueFilter f, String teamId, String owner, boolean mayChange) {
            Visible v = new Visible(new SavedFilter(name, owner, teamId, f, OffsetDateTime.now(ZoneOffset.UTC)),
                    teamId == null ? null : "售后组", mayChange);
            all.add(v);
            return v;
        }

        @Override
        public List<Visible> visible() {
            return List.copyOf(all);
        }

        @Override
        public Visible create(String name, QueueFilter filter, String teamRef) {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException(FieldError.of("name", "field.required"));
            }
            if (all.stream().anyMatch(v -> v.filter().name().equals(name.strip()))) {
                throw new ConflictException("saved-filter.name.taken", name.strip());
            }
            actions.add("create " + name.strip() + " " + filter.json() + " team=" + teamRef);
            return add(name.strip(), filter, teamRef, "wxm", true);
        }

        @Override
        public Visible rename(String id, String name) {
            Visible v = get(id);
            if (!v.mayChange()) {
                throw new ForbiddenException("saved-filter.forbidden");
            }
            Visible renamed = new Visible(new SavedFilter(name, v.filter().owner(), v.filter().teamId(), v.filter().filter(),
                    OffsetDateTime.now(ZoneOffset.UTC)), v.teamName(), true);
            all.set(all.indexOf(v), renamed);
            actions.add("rename " + v.filter().name() + " to " + name);
            return renamed;
        }

        @Override
        public void delete(String id) {
            Visible v = get(id);
            all.remove(v);
            actions.add("delete " + v.filter().name());
        }

        @Override
        public Visible get(String id) {
            return all.stream().filter(v -> v.filter().id().equals(id)).findFirst()
                    .orElseThrow(() -> new NotFoundException("saved-filter.not-found", id));
        }
    }

    /** Records changes; refuses those of {@link #stale} tickets as the platform does a stale version. */
    static final class FakeTickets extends TicketService {
        final List<String> changes = new ArrayList<>();
        final Set<String> stale = new java.util.HashSet<>();

        @Override
        public Ticket transition(String number, TransitionRequest move, Long expectedVersion, boolean byCustomer) {
            refuseIfStale(number, expectedVersion);
            changes.add(number + " to " + move.to() + (move.assignee() == null ? "" : " " + move.assignee())
                    + (move.reason() == null ? "" : " because " + move.reason())
                    + (move.resolution() == null ? "" : " resolved " + move.resolution()) + " @" + expectedVersion);
            return null;
        }

        @Override
        public Ticket patch(String number, JsonObject body) {
            refuseIfStale(number, body.getJsonNumber("version").longValue());
            changes.add(number + " patch " + body);
            return null;
        }

        private void refuseIfStale(String number, long version) {
            if (stale.contains(number)) {
                throw new ConflictException("ticket.version.conflict", number, version, version + 1);
            }
        }
    }

    static final class FakeMembers extends Members {
        final List<Member> people = new ArrayList<>();

        @Override
        public List<Member> all() {
            return List.copyOf(people);
        }

        @Override
        public Optional<Member> byUsername(String username) {
            return people.stream().filter(m -> m.username().equals(username)).findFirst();
        }
    }

    /** One ticket form with a tracking number. */
    static final class FakeForms extends FormDefinitions {
        @Override
        public List<Form> current(FormTarget target) {
            FieldDefinition tracking = new FieldDefinition("tracking_no", FieldType.TEXT, new LocalizedText("运单号", "Tracking number"),
                    null, false, null, null, false, null, null, null, null, null, null, null, List.of());
            return target != FormTarget.TICKET ? List.of()
                    : List.of(new Form("parcel", FormTarget.TICKET, List.of(), List.of(), new LocalizedText("快件", "Parcel"), List.of(tracking)));
        }
    }
}
