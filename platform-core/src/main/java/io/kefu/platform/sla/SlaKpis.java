package io.kefu.platform.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.Validation;
import io.kefu.platform.sla.calendar.BusinessCalendar;

import io.kefu.platform.team.Teams;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * Compliance with the service standards over a period: per rule, team or agent, how many
 * targets were met and how many breached. A clock counts in the period it stopped in; a clock
 * still running counts as breached in the period its breach fired.
 */
@ApplicationScoped
@Transactional
public class SlaKpis {

    @Inject
    TenantPersistence data;

    @Inject
    Teams teams;

    Clock clock = Clock.systemUTC();

    /** How compliance is grouped. */
    public enum By {
        RULE("c.ruleCode"), TEAM("t.teamId"), AGENT("t.assignee");

        final String expression;

        By(String expression) {
            this.expression = expression;
        }
    }

    public JsonObject compliance(String fromText, String toText, String byText, String targetText) {
        Validation v = new Validation();
        Instant to = v.check(() -> toText == null || toText.isBlank() ? clock.instant() : instant(toText, "to", BusinessCalendar.DEFAULT_ZONE, true));
        Instant from = v.check(() -> fromText == null || fromText.isBlank() ? null : instant(fromText, "from", BusinessCalendar.DEFAULT_ZONE, true));
        By by = v.check(() -> byText == null || byText.isBlank() ? By.RULE : parseBy(byText));
        TargetKind target = v.check(() -> targetText == null || targetText.isBlank() ? null : parseTarget(targetText));
        v.throwIfInvalid();
        Instant start = from == null ? to.minus(java.time.Duration.ofDays(30)) : from;
        if (!start.isBefore(to)) {
            throw new InvalidInputException(FieldError.of("from", "sla.span.invalid", 3660));
        }
        Map<String, long[]> rows = new TreeMap<>();
        String targetClause = target == null ? "" : " and c.target = :target";
        TypedQuery<Object[]> stopped = data.entityManager().createQuery("select " + by.expression + ", c.outcome, count(c)"
                + " from SlaClock c, Ticket t where t.id = c.ticketId and c.stoppedAt >= :from and c.stoppedAt < :to"
                + " and c.outcome <> :cancelled" + targetClause + " group by " + by.expression + ", c.outcome", Object[].class)
                .setParameter("from", start.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC))
                .setParameter("cancelled", SlaClock.Outcome.CANCELLED);
        TypedQuery<Object[]> running = data.entityManager().createQuery("select " + by.expression + ", count(c)"
                + " from SlaClock c, Ticket t where t.id = c.ticketId and c.stoppedAt is null and c.breachedAt >= :from and c.breachedAt < :to"
                + targetClause + " group by " + by.expression, Object[].class)
                .setParameter("from", start.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC));
        if (target != null) {
            stopped.setParameter("target", target);
            running.setParameter("target", target);
        }
        for (Object[] r : stopped.getResultList()) {
            long[] counts = rows.computeIfAbsent(key(r[0]), k -> new long[2]);
            counts[r[1] == SlaClock.Outcome.MET ? 0 : 1] += ((Number) r[2]).longValue();
        }
        for (Object[] r : running.getResultList()) {
            rows.computeIfAbsent(key(r[0]), k -> new long[2])[1] += ((Number) r[1]).longValue();
        }
        Map<String, String> teamCodes = new TreeMap<>();
        if (by == By.TEAM) {
            teams.all().forEach(d -> teamCodes.put(d.team().id(), d.team().code()));
        }
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        rows.forEach((k, c) -> {
            long total = c[0] + c[1];
            String shown = by == By.TEAM ? teamCodes.getOrDefault(k, k) : k;
            items.add(Jsons.createObjectBuilder().add("key", shown).add("met", c[0]).add("breached", c[1])
                    .add("compliancePercent", BigDecimal.valueOf(c[0] * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)));
        });
        return Jsons.createObjectBuilder().add("from", start.toString()).add("to", to.toString()).add("by", by.name().toLowerCase(Locale.ROOT))
                .add("items", items).build();
    }

    private static String key(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static By parseBy(String text) {
        try {
            return By.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FieldError.of("by", "field.value.unknown", text, "rule, team, agent"));
        }
    }

    private static TargetKind parseTarget(String text) {
        for (TargetKind k : TargetKind.values()) {
            if (k.member().equals(text.strip())) {
                return k;
            }
        }
        throw new InvalidInputException(FieldError.of("target", "field.value.unknown", text, "firstResponse, nextResponse, resolution, followUp"));
    }

    /** An ISO date-time with offset, an instant, or a date (its start in {@code zone}). */
    static Instant instant(String text, String field, ZoneId zone, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidInputException(FieldError.of(field, "field.required"));
            }
            return null;
        }
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInputException(FieldError.of(field, "field.datetime.invalid", t));
        }
    }

}
