package io.kefu.platform.team;

import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Finds a team of the bound tenant by id or by code, optionally locking its row. */
final class TeamLookup {

    private TeamLookup() {
    }

    static Optional<Team> find(EntityManager em, String idOrCode) {
        if (idOrCode == null || idOrCode.isBlank()) {
            return Optional.empty();
        }
        String key = idOrCode.strip();
        if (TeamRequests.looksLikeId(key)) {
            return Optional.ofNullable(em.find(Team.class, key));
        }
        return em.createQuery("select t from Team t where t.code = :c", Team.class)
                .setParameter("c", key).getResultStream().findFirst();
    }

    /**
     * The team with its row locked until the transaction ends: membership changes and automatic
     * assignments of one team happen one after the other, so two simultaneous picks see each
     * other's cursor and a pick never sees half a membership change.
     */
    static Optional<Team> lock(EntityManager em, String idOrCode) {
        if (idOrCode == null || idOrCode.isBlank()) {
            return Optional.empty();
        }
        String key = idOrCode.strip();
        String id = TeamRequests.looksLikeId(key) ? key
                : em.createQuery("select t.id from Team t where t.code = :c", String.class)
                        .setParameter("c", key).getResultStream().findFirst().orElse(null);
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Team.class, id, LockModeType.PESSIMISTIC_WRITE));
    }
}
