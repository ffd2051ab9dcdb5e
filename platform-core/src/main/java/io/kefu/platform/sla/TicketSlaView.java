package io.kefu.platform.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketSla;

/**
 * A ticket's {@code sla} member: its rule (name in the caller's language), each target's due
 * time, remaining working time, met or breached and by how much, and one {@link Risk} for the
 * UI's countdown; plus the list filters {@code at-risk} and {@code breached}.
 */
@ApplicationScoped
@Transactional
public class TicketSlaView implements TicketSla {

    public static final String AT_RISK = "at-risk";
    public static final String BREACHED = "breached";

    @Inject
    SlaClocks clocks;

    @Inject
    StandardsStore store;

    Clock clock = Clock.systemUTC();

    @Override
    public JsonValue of(Ticket ticket, Locale locale) {
        return of(List.of(ticket), locale).get(0);
    }

    /**
     * One query for the clocks of the whole page, and each rule version and calendar read once
     * for the page, all in the caller's transaction: a page of 50 used to cost 50 transactions
     * (and 50 EclipseLink client sessions re-initialising the tenant's descriptors).
     */
    @Override
    public List<JsonValue> of(List<Ticket> tickets, Locale locale) {
        Map<String, Map<TargetKind, SlaClock>> byTicket = clocks.clocksOf(tickets.stream().map(Ticket::id).toList());
        Map<String, Optional<ServiceStandard>> rules = new HashMap<>();
        Map<String, BusinessCalendar> calendars = new HashMap<>();
        Instant now = clock.instant();
        List<JsonValue> out = new ArrayList<>(tickets.size());
        for (Ticket t : tickets) {
            Map<TargetKind, SlaClock> all = byTicket.get(t.id());
            out.add(all == null || all.isEmpty() ? JsonValue.NULL : member(all, now, locale, rules, calendars));
        }
        return out;
    }

    private JsonValue member(Map<TargetKind, SlaClock> all, Instant now, Locale locale, Map<String, Optional<ServiceStandard>> rules,
                             Map<String, BusinessCalendar> calendars) {
        SlaClock lead = lead(all);
        ServiceStandard rule = rules.computeIfAbsent(lead.ruleCode() + "@" + lead.ruleVersion(),
                k -> store.version(lead.ruleCode(), lead.ruleVersion())).orElse(null);
        BusinessCalendar cal = rule == null ? BusinessCalendar.ALWAYS
                : calendars.computeIfAbsent(lead.ruleCode() + "@" + lead.ruleVersion(), k -> calendar(rule));
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("ruleCode", lead.ruleCode());
        if (rule == null) {
            b.addNull("ruleName");
        } else {
            b.add("ruleName", rule.name().in(locale));
        }
        b.add("ruleVersion", lead.ruleVersion());
        JsonObjectBuilder targets = Jsons.createObjectBuilder();
        boolean paused = false;
        boolean breached = false;
        boolean warned = false;
        for (TargetKind k : TargetKind.values()) {
            SlaClock c = all.get(k);
            String dueKey = k.member() + "DueAt";
            if (c == null || c.outcome() == SlaClock.Outcome.CANCELLED) {
                b.addNull(dueKey);
                continue;
            }
            b.add(dueKey, c.dueAt().toString());
            Risk r = c.risk(now, cal);
            paused |= c.isPaused();
            breached |= r == Risk.BREACHED;
            warned |= c.warnedAt() != null;
            JsonObjectBuilder t = Jsons.createObjectBuilder().add("dueAt", c.dueAt().toString())
                    .add("startedAt", c.startedAt().toString())
                    .add("state", c.isRunning() ? (c.isPaused() ? "PAUSED" : "RUNNING") : c.outcome().name())
                    .add("risk", r.name())
                    .add("remaining", c.remaining(now, cal).toString())
                    .add("pausedTime", c.pausedTime().toString());
            if (c.isRunning()) {
                t.addNull("met");
            } else {
                t.add("met", c.outcome() == SlaClock.Outcome.MET);
            }
            if (c.breachedBy() == null) {
                t.addNull("breachedBy");
            } else {
                t.add("breachedBy", c.breachedBy().toString());
            }
            targets.add(k.member(), t);
        }
        Risk risk = overall(all, now, cal);
        return b.add("paused", paused).add("breached", breached).add("warned", warned).add("risk", risk.name())
                .add("targets", targets).build();
    }

    @Override
    public Map<String, Summary> summaries(List<Ticket> tickets) {
        Map<String, Map<TargetKind, SlaClock>> byTicket = clocks.clocksOf(tickets.stream().map(Ticket::id).toList());
        Instant now = clock.instant();
        // A page of tickets shares a handful of rules: each rule version and calendar is read once.
        Map<String, BusinessCalendar> calendars = new HashMap<>();
        Map<String, Summary> out = new HashMap<>();
        byTicket.forEach((ticketId, all) -> {
            SlaClock lead = lead(all);
            BusinessCalendar cal = calendars.computeIfAbsent(lead.ruleCode() + "@" + lead.ruleVersion(),
                    k -> calendar(store.version(lead.ruleCode(), lead.ruleVersion()).orElse(null)));
            out.put(ticketId, new Summary(overall(all, now, cal).name(), lead.dueAt(),
                    lead.isRunning() ? lead.remaining(now, cal) : null, lead.isPaused()));
        });
        return out;
    }

    /** The target the countdown shows: the first running one, else the one stopped last. */
    private static SlaClock lead(Map<TargetKind, SlaClock> all) {
        return all.values().stream().filter(SlaClock::isRunning).findFirst()
                .orElseGet(() -> all.values().stream().max(java.util.Comparator.comparing(SlaClock::stoppedAt)).orElseThrow());
    }

    private BusinessCalendar calendar(ServiceStandard rule) {
        return rule == null ? BusinessCalendar.ALWAYS : SlaClock.counting(rule, store.businessCalendar(rule.calendar()));
    }

    /** Breached if any target is; else the worst running target's risk; else met if any was met. */
    private static Risk overall(Map<TargetKind, SlaClock> all, Instant now, BusinessCalendar cal) {
        boolean anyRunning = false;
        boolean anyMet = false;
        Risk worstRunning = Risk.ON_TRACK;
        for (SlaClock c : all.values()) {
            if (c.outcome() == SlaClock.Outcome.CANCELLED) {
                continue;
            }
            Risk r = c.risk(now, cal);
            if (r == Risk.BREACHED) {
                return Risk.BREACHED;
            }
            anyMet |= r == Risk.MET;
            if (c.isRunning()) {
                anyRunning = true;
                if (r.compareTo(worstRunning) > 0) {
                    worstRunning = r;
                }
            }
        }
        return anyRunning ? worstRunning : anyMet ? Risk.MET : Risk.ON_TRACK;
    }

    @Override
    public String filter(String value) {
        return switch (value) {
            case AT_RISK -> "exists (select c.id from SlaClock c where c.ticketId = t.id and c.stoppedAt is null"
                    + " and c.breachedAt is null and c.warnAt <= :slaNow and c.dueAt > :slaNow)";
            case BREACHED -> "exists (select c.id from SlaClock c where c.ticketId = t.id and (c.breachedAt is not null"
                    + " or c.breachedByMillis is not null or (c.stoppedAt is null and c.pausedSince is null and c.dueAt <= :slaNow)))";
            default -> throw new InvalidInputException(FieldError.of("sla", "field.value.unknown", value, AT_RISK + ", " + BREACHED));
        };
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
