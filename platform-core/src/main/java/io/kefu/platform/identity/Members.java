package io.kefu.platform.identity;

import java.util.List;
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

    public List<Member> all() {
        return data.entityManager().createQuery("select m from Member m order by m.username", Member.class).getResultList();
    }

    void add(Member member) {
        data.entityManager().persist(member);
    }
}
