package io.kefu.platform.plugin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.plugin.api.PluginDocument;

/**
 * The bound tenant's plugins: which are enabled, and the copies of their defaults. Enabling is
 * also upgrading: items the tenant lacks are added, untouched copies take the new version, and
 * copies the tenant changed are left alone and reported as offered updates (ADR 0009).
 */
@ApplicationScoped
@Transactional
public class TenantPlugins {

    private static final Logger LOG = Logger.getLogger(TenantPlugins.class.getName());

    static final Map<DefaultKind, Class<? extends PluginDefault>> TYPES = Map.of(
            DefaultKind.CATEGORY, Category.class,
            DefaultKind.CANNED_REPLY, CannedReply.class,
            DefaultKind.KNOWLEDGE_ARTICLE, KnowledgeArticle.class,
            DefaultKind.EMERGENCY_PLAN, EmergencyPlan.class,
            DefaultKind.KPI, KpiDefinition.class);

    /** Documents handed to their engines, by the importer kind that takes them. */
    static final Map<String, PluginDocument> ENGINE_DOCUMENTS = Map.of("forms", PluginDocument.FORMS, "standards", PluginDocument.STANDARDS);

    @Inject
    TenantPersistence data;

    @Inject
    Instance<PluginDefaultsImporter> importers;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** What one enabling did, per kind of default, by code. */
    public record Outcome(String pluginId, String fromVersion, String toVersion, Map<DefaultKind, Changes> defaults,
                          List<String> documentsApplied, List<String> documentsPending) {
    }

    /** @param kept items the tenant changed, whose new version is offered, not applied */
    public record Changes(List<String> added, List<String> updated, List<String> kept) {
    }

    /**
     * Copies the plugin's defaults into the tenant and records the enabling. Its tables must
     * already be migrated. A unit of work of its own, also when called inside another one (e.g.
     * provisioning at start-up, whose transaction may work for another tenant).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome enable(LoadedPlugin plugin, String by) {
        EntityManager em = data.entityManager();
        Instant now = clock.instant();
        PluginEnablement enablement = em.find(PluginEnablement.class, plugin.id());
        String from = enablement == null ? null : enablement.pluginVersion();
        Map<DefaultKind, Changes> changes = new java.util.EnumMap<>(DefaultKind.class);
        for (DefaultKind kind : DefaultKind.values()) {
            changes.put(kind, copy(em, plugin, kind, now));
        }
        List<String> applied = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (Map.Entry<String, PluginDocument> e : ENGINE_DOCUMENTS.entrySet()) {
            Optional<String> doc = e.getValue().read(plugin.plugin());
            if (doc.isPresent()) {
                (handToEngine(em, plugin, e.getKey(), doc.get(), now) ? applied : pending).add(e.getKey());
            }
        }
        if (enablement == null) {
            em.persist(new PluginEnablement(plugin.id(), plugin.version(), by, now));
        } else {
            enablement.upgradedTo(plugin.version(), now);
        }
        audit.record(from == null ? "plugin.enabled" : "plugin.re-enabled", "plugin", plugin.id(),
                from == null ? null : Map.of("version", from), Map.of("version", plugin.version()));
        return new Outcome(plugin.id(), from, plugin.version(), changes, applied, pending);
    }

    private Changes copy(EntityManager em, LoadedPlugin plugin, DefaultKind kind, Instant now) {
        Class<? extends PluginDefault> type = TYPES.get(kind);
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (DefaultItem item : PluginDocuments.items(plugin.plugin(), kind)) {
            Optional<? extends PluginDefault> existing = byCode(em, type, item.code());
            switch (decide(existing.orElse(null), item, plugin.id())) {
                case ADD -> {
                    em.persist(create(kind, item, plugin, now));
                    added.add(item.code());
                }
                case UPDATE -> {
                    existing.get().copy(item, plugin.id(), plugin.version(), now);
                    updated.add(item.code());
                }
                case KEEP -> kept.add(item.code());
                case SAME -> {
                }
            }
        }
        return new Changes(added, updated, kept);
    }

    /** What enabling does with one shipped item, given the tenant's item of the same code. */
    enum Decision {
        /** The tenant has no such item: copy it. */
        ADD,
        /** The tenant's copy is exactly this already. */
        SAME,
        /** An untouched copy of an older version of this plugin's item: take the new one. */
        UPDATE,
        /** The tenant changed it, or it is the tenant's own or another plugin's: leave it (the new version is offered). */
        KEEP
    }

    static Decision decide(PluginDefault existing, DefaultItem shipped, String pluginId) {
        if (existing == null) {
            return Decision.ADD;
        }
        if (existing.content().equals(shipped.text())) {
            return Decision.SAME;
        }
        return pluginId.equals(existing.originPlugin()) && existing.untouched() ? Decision.UPDATE : Decision.KEEP;
    }

    private static PluginDefault create(DefaultKind kind, DefaultItem item, LoadedPlugin p, Instant now) {
        return switch (kind) {
            case CATEGORY -> new Category(item, p.id(), p.version(), now);
            case CANNED_REPLY -> new CannedReply(item, p.id(), p.version(), now);
            case KNOWLEDGE_ARTICLE -> new KnowledgeArticle(item, p.id(), p.version(), now);
            case EMERGENCY_PLAN -> new EmergencyPlan(item, p.id(), p.version(), now);
            case KPI -> new KpiDefinition(item, p.id(), p.version(), now);
        };
    }

    /** True when an engine took the document; otherwise it waits in plugin_pending_document. */
    private boolean handToEngine(EntityManager em, LoadedPlugin plugin, String kind, String document, Instant now) {
        List<PluginDefaultsImporter> engines = importers.stream().filter(i -> kind.equals(i.kind())).toList();
        String reason;
        if (engines.isEmpty()) {
            reason = "no " + kind + " engine is installed on this platform yet";
        } else {
            try {
                engines.forEach(engine -> engine.importDocument(document));
                em.createQuery("delete from PendingPluginDocument p where p.pluginId = :p and p.kind = :k")
                        .setParameter("p", plugin.id()).setParameter("k", kind).executeUpdate();
                return true;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The " + kind + " engine refused the document of plugin " + plugin.id(), e);
                reason = "the " + kind + " engine refused it: " + e.getMessage();
            }
        }
        Optional<PendingPluginDocument> earlier = em.createQuery(
                        "select p from PendingPluginDocument p where p.pluginId = :p and p.kind = :k", PendingPluginDocument.class)
                .setParameter("p", plugin.id()).setParameter("k", kind).getResultStream().findFirst();
        if (earlier.isPresent()) {
            earlier.get().replace(plugin.version(), document, reason, now);
        } else {
            em.persist(new PendingPluginDocument(plugin.id(), plugin.version(), kind, document, reason, now));
        }
        return false;
    }

    private static <T extends PluginDefault> Optional<T> byCode(EntityManager em, Class<T> type, String code) {
        return em.createQuery("select d from " + type.getSimpleName() + " d where d.code = :c", type)
                .setParameter("c", code).getResultStream().findFirst();
    }

    /** The ids of the plugins this tenant enabled. */
    public List<PluginEnablement> enabled() {
        return data.entityManager().createQuery("select e from PluginEnablement e order by e.pluginId", PluginEnablement.class)
                .getResultList();
    }

    public List<PendingPluginDocument> pending() {
        return data.entityManager().createQuery("select p from PendingPluginDocument p order by p.pluginId, p.kind",
                PendingPluginDocument.class).getResultList();
    }

    /** Every item of one kind, by code. */
    public <T extends PluginDefault> List<T> all(Class<T> type) {
        return data.entityManager().createQuery("select d from " + type.getSimpleName() + " d order by d.code", type).getResultList();
    }

    public <T extends PluginDefault> Optional<T> one(Class<T> type, String code) {
        return byCode(data.entityManager(), type, code);
    }
}
