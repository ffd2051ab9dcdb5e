package io.kefu.plugin.api;

import java.util.List;

/** A KPI computed in Java over the tenant's tickets of a period (created within it). */
@Stable
public interface KpiComputation {

    /** The KPI code of the plugin's {@code kpis.json} this computes. */
    String code();

    /** Must be a pure function of its arguments; runs with the hooks' time limit. */
    KpiValue compute(KpiContext context, List<TicketView> tickets);
}
