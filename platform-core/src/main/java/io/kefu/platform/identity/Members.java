package io.kefu.platform.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/** The people of the bound tenant. */
@ApplicationScoped
@Transactional
public class Members {

    @Inject
    TenantPersistence data;

    public Optional<Member> byUsername(String username) {
        return data.entityManager()
                .createQuery("select m from Member m where m.username = :u", Member.class)
                .setParameter("u", username)
                .getResultStream().findFirst();
    }

    /**
     * The display names of these users, by username, in one query: for lists that show who a
     * ticket is assigned to. A username without a member (deleted, or never one) is absent, and
     * so is a member without a display name; callers show the username then.
     */
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> out = new HashMap<>();
        List<String> wanted = usernames.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return out;
        }
        data.entityManager().createQuery("select m.username, m.displayName from Member m where m.username in :u", Object[].class)
                .setParameter("u", wanted).getResultList().stream().filter(r -> r[1] != null && !((String) r[1]).isBlank())
                .forEach(r -> out.put((String) r[0], (String) r[1]));
        return out;
    }

    public List<Member> all() {
        return data.entityManager().createQuery("select m from Member m order by m.username", Member.class).getResultList();
    }

    void add(Member member) {
        data.entityManager().persist(member);
    }
}
