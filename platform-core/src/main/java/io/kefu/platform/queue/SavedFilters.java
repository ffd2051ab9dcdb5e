package io.kefu.platform.queue;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.ForbiddenException;
import io.kefu.platform.problem.Inputs;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.problem.UnauthenticatedException;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.team.Team;
import io.kefu.platform.team.Teams;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * Saved filters of the calling user in the bound tenant. A user sees their own filters and
 * those shared with a team they are in; another user's own filters are not found. Whoever made
 * a filter renames and deletes it; supervisors and admins also those shared with a team they
 * see. Every change is audited.
 */
@ApplicationScoped
@Transactional
public class SavedFilters {

    public static final int NAME_MAX = 80;
    /** Enough for any working set; a bound keeps one user's list small in every session. */
    public static final int MAX_PER_OWNER = 50;

    @Inject
    TenantPersistence data;

    @Inject
    CallerContext callers;

    @Inject
    Teams teams;

    @Inject
    Queues queues;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /**
     * A filter as the caller sees it.
     *
     * @param teamName null for a personal filter
     * @param mayChange the caller may rename and delete it
     */
    public record Visible(SavedFilter filter, String teamName, boolean mayChange) {
    }

    /** The caller's own filters, then those shared with their teams, each by name. */
    public List<Visible> visible() {
        Caller.TenantUser me = me();
        List<String> myTeams = queues.teamIdsOf(me.username());
        EntityManager em = data.entityManager();
        String shared = myTeams.isEmpty() ? "" : " or f.teamId in :teams";
        var q = em.createQuery("select f from SavedFilter f where (f.owner = :me and f.teamId is null)" + shared, SavedFilter.class)
                .setParameter("me", me.username());
        if (!myTeams.isEmpty()) {
            q.setParameter("teams", myTeams);
        }
        Map<String, String> teamNames = new LinkedHashMap<>();
        List<Visible> out = new ArrayList<>();
        q.getResultList().stream()
                .sorted(java.util.Comparator.<SavedFilter, Boolean>comparing(f -> f.teamId() != null)
                        .thenComparing(f -> f.name().toLowerCase(java.util.Locale.ROOT)))
                .forEach(f -> out.add(new Visible(f, f.teamId() == null ? null
                        : teamNames.computeIfAbsent(f.teamId(), id -> teams.find(id).map(Team::name).orElse(id)), mayChange(me, f))));
        return out;
    }

    /**
     * Saves the filter under {@code name}; {@code teamRef} (id or code) shares it with that
     * team, which the caller must be in unless they are a supervisor or admin.
     */
    public Visible create(String name, QueueFilter filter, String teamRef) {
        Caller.TenantUser me = me();
        List<FieldError> errors = new ArrayList<>();
        String n = null;
        try {
            n = Inputs.text(name, "name", NAME_MAX, true);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        Team team = null;
        if (teamRef != null && !teamRef.isBlank()) {
            team = teams.find(teamRef.strip()).orElse(null);
            if (team == null) {
                errors.add(FieldError.of("team", "team.not-found", teamRef.strip()));
            } else if (!mayShareWith(me, team)) {
                errors.add(FieldError.of("team", "saved-filter.team.not-member", team.name()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        EntityManager em = data.entityManager();
        String teamId = team == null ? null : team.id();
        if (sameName(em, me.username(), teamId, n)) {
            throw new ConflictException("saved-filter.name.taken", n);
        }
        long owned = em.createQuery("select count(f) from SavedFilter f where f.owner = :me", Long.class)
                .setParameter("me", me.username()).getSingleResult();
        if (owned >= MAX_PER_OWNER) {
            throw new ConflictException("saved-filter.too-many", MAX_PER_OWNER);
        }
        SavedFilter f = new SavedFilter(n, me.username(), teamId, filter == null ? QueueFilter.NONE : filter, now());
        em.persist(f);
        audit.record("saved-filter.created", "saved-filter", f.id(), null, state(f));
        return new Visible(f, team == null ? null : team.name(), true);
    }

    /** Renames a filter the caller may change. */
    public Visible rename(String id, String name) {
        Caller.TenantUser me = me();
        String n = Inputs.text(name, "name", NAME_MAX, true);
        SavedFilter f = changeable(me, id);
        if (!n.equals(f.name())) {
            EntityManager em = data.entityManager();
            if (sameName(em, f.owner(), f.teamId(), n)) {
                throw new ConflictException("saved-filter.name.taken", n);
            }
            Map<String, Object> before = state(f);
            f.rename(n, now());
            audit.record("saved-filter.renamed", "saved-filter", f.id(), before, state(f));
        }
        return new Visible(f, f.teamId() == null ? null : teams.find(f.teamId()).map(Team::name).orElse(f.teamId()), true);
    }

    /** Deletes a filter the caller may change. */
    public void delete(String id) {
        SavedFilter f = changeable(me(), id);
        data.entityManager().remove(f);
        audit.record("saved-filter.deleted", "saved-filter", f.id(), state(f), null);
    }

    /** A filter the caller sees, or not found (another user's own filter is not found either). */
    public Visible get(String id) {
        return visible().stream().filter(v -> v.filter().id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("saved-filter.not-found", id == null ? "" : id));
    }

    private SavedFilter changeable(Caller.TenantUser me, String id) {
        Visible v = get(id);
        if (!v.mayChange()) {
            throw new ForbiddenException("saved-filter.forbidden");
        }
        return v.filter();
    }

    static boolean mayChange(Caller.TenantUser me, SavedFilter f) {
        return f.owner().equals(me.username()) || (f.teamId() != null && me.role() != Role.AGENT);
    }

    private boolean mayShareWith(Caller.TenantUser me, Team team) {
        return me.role() != Role.AGENT || queues.teamIdsOf(me.username()).contains(team.id());
    }

    private static boolean sameName(EntityManager em, String owner, String teamId, String name) {
        String team = teamId == null ? "f.teamId is null" : "f.teamId = :team";
        var q = em.createQuery("select count(f) from SavedFilter f where f.owner = :owner and " + team + " and f.name = :name", Long.class)
                .setParameter("owner", owner).setParameter("name", name);
        if (teamId != null) {
            q.setParameter("team", teamId);
        }
        return q.getSingleResult() > 0;
    }

    private static Map<String, Object> state(SavedFilter f) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", f.name());
        s.put("owner", f.owner());
        s.put("team", f.teamId());
        s.put("filter", f.filter().json().toString());
        return s;
    }

    private Caller.TenantUser me() {
        return callers.current().filter(Caller.TenantUser.class::isInstance).map(Caller.TenantUser.class::cast)
                .orElseThrow(UnauthenticatedException::new);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
