package io.kefu.platform.plugin;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.problem.OperationFailedException;
import io.kefu.platform.settings.TenantSettings;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.Ticket;
import io.kefu.plugin.api.KpiComputation;
import io.kefu.plugin.api.KpiContext;
import io.kefu.plugin.api.KpiValue;
import io.kefu.plugin.api.TicketView;

/**
 * Computes the bound tenant's KPIs over the tickets created in a period: by the plugin's Java
 * computation when its plugin brings one (run under the hooks' rules), else by the generic
 * formula of the KPI definition.
 */
@ApplicationScoped
@Transactional
public class Kpis {

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    TenantPersistence data;

    @Inject
    TenantSettings settings;

    @Inject
    TenantContext tenants;

    @Inject
    InstalledPlugins installed;

    @Inject
    PluginHooks hooks;

    /** A KPI's value over [from, to), and how it was computed. */
    public record Result(KpiDefinition definition, Instant from, Instant to, KpiValue value, String computedBy) {
    }

    public Result value(String code, Instant from, Instant to) {
        KpiDefinition def = tenantPlugins.one(KpiDefinition.class, code).orElseThrow(() -> new NotFoundException("kpi.not-found", code));
        List<TicketView> tickets = new ArrayList<>();
        for (Ticket t : data.entityManager()
                .createQuery("select t from Ticket t where t.createdAt >= :f and t.createdAt < :t", Ticket.class)
                .setParameter("f", from.atOffset(java.time.ZoneOffset.UTC)).setParameter("t", to.atOffset(java.time.ZoneOffset.UTC))
                .getResultList()) {
            tickets.add(TicketSnapshot.of(t));
        }
        Map<String, String> allSettings = settings.all();
        KpiContext context = new Context(tenants.require().value(), from, to, allSettings);
        Optional<LoadedPlugin> plugin = Optional.ofNullable(def.originPlugin()).flatMap(installed::active);
        Optional<KpiComputation> java = plugin.flatMap(p -> p.plugin().kpiComputations().stream()
                .filter(c -> c.code().equals(code)).findFirst());
        if (java.isPresent()) {
            KpiValue v = hooks.run(plugin.get(), "kpi " + code, () -> java.get().compute(context, List.copyOf(tickets)))
                    .orElseThrow(() -> new OperationFailedException("kpi.computation.failed", null, code, plugin.get().id()));
            return new Result(def, from, to, v, "plugin:" + plugin.get().id());
        }
        List<String> problems = new ArrayList<>();
        KpiFormula formula = KpiFormula.parse(formulaOf(def), "formula", problems)
                .orElseThrow(() -> new OperationFailedException("kpi.formula.invalid", null, code, String.join("; ", problems)));
        return new Result(def, from, to, formula.compute(context, tickets), "formula");
    }

    private static jakarta.json.JsonValue formulaOf(KpiDefinition def) {
        try (JsonReader r = Jsons.createReader(new StringReader(def.content()))) {
            JsonObject o = r.readObject();
            return o.get("formula");
        }
    }

    private record Context(String tenantCode, Instant from, Instant to, Map<String, String> settings) implements KpiContext {
        @Override
        public Optional<String> setting(String key) {
            return Optional.ofNullable(settings.get(key));
        }
    }
}
