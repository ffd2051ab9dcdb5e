package io.kefu.platform.sla;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kefu.platform.ticket.TicketStatus;

/**
 * One rule of a tenant's service standards: which tickets it takes, on which calendar, its
 * targets, which statuses pause its clocks, when to warn and what to do on breach. {@code
 * version} grows by one each time the rule is replaced; a ticket records code and version.
 */
public record ServiceStandard(String code, Texts name, int order, Match match, String calendar, boolean businessTime,
                              Map<TargetKind, Target> targets, Set<TicketStatus> pauseStatuses, Integer warnAtPercent,
                              List<BreachAction> onBreach, int version) {

    public ServiceStandard {
        Map<TargetKind, Target> t = new EnumMap<>(TargetKind.class);
        t.putAll(targets);
        targets = java.util.Collections.unmodifiableMap(t);
        pauseStatuses = Set.copyOf(pauseStatuses);
        onBreach = List.copyOf(onBreach);
    }

    /** PENDING_CUSTOMER always pauses: the customer's silence is never the service's delay. */
    public boolean pausesIn(TicketStatus status) {
        return status == TicketStatus.PENDING_CUSTOMER || pauseStatuses.contains(status);
    }

    public ServiceStandard withVersion(int v) {
        return new ServiceStandard(code, name, order, match, calendar, businessTime, targets, pauseStatuses, warnAtPercent, onBreach, v);
    }

    public ServiceStandard withOrder(int o) {
        return new ServiceStandard(code, name, o, match, calendar, businessTime, targets, pauseStatuses, warnAtPercent, onBreach, version);
    }

    /** The first rule, by order, that takes the subject; null when none does (no clocks then). */
    public static ServiceStandard firstMatch(List<ServiceStandard> ordered, Match.Subject subject) {
        return ordered.stream().sorted(java.util.Comparator.comparingInt(ServiceStandard::order).thenComparing(ServiceStandard::code))
                .filter(s -> s.match().matches(subject)).findFirst().orElse(null);
    }
}
