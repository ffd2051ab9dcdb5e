package io.kefu.platform.plugin;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The platform table of installed plugins (schema {@code kefu}, table {@code plugin}). */
@ApplicationScoped
@Transactional
public class PluginCatalog {

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Records what this start found; entries not found any more become MISSING. */
    public void record(List<LoadedPlugin> found) {
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>();
        for (LoadedPlugin p : found) {
            if (!seen.add(p.id())) {
                continue; // a duplicate id was refused; the entry keeps the plugin that runs
            }
            CatalogEntry e = em.find(CatalogEntry.class, p.id());
            if (e == null) {
                em.persist(new CatalogEntry(p, now));
            } else {
                e.seen(p, now);
            }
        }
        for (CatalogEntry e : em.createQuery("select e from CatalogEntry e", CatalogEntry.class).getResultList()) {
            if (!seen.contains(e.id())) {
                e.missing();
            }
        }
    }

    public List<CatalogEntry> all() {
        return em.createQuery("select e from CatalogEntry e order by e.id", CatalogEntry.class).getResultList();
    }
}
