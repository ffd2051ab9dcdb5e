package io.kefu.platform.plugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.kefu.plugin.api.KpiContext;
import io.kefu.plugin.api.KpiValue;
import io.kefu.plugin.api.TicketView;

/**
 * The generic KPI formulas a plugin's {@code kpis.json} may use, computed by the host over the
 * tickets of a period:
 * <ul>
 * <li>{@code share}: percent of the tickets matching {@code of} that also match {@code where};</li>
 * <li>{@code average}: mean of a measure over the tickets matching {@code of} that have it;</li>
 * <li>{@code count}: tickets matching {@code of};</li>
 * <li>{@code perMillion}: tickets matching {@code of} per million of a tenant setting (e.g. users).</li>
 * </ul>
 * An undefined value (no tickets to average, a missing base) is reported as such, never as 0.
 */
public sealed interface KpiFormula {

    KpiValue compute(KpiContext context, List<TicketView> tickets);

    record Share(TicketFilter where, TicketFilter of) implements KpiFormula {
        @Override
        public KpiValue compute(KpiContext context, List<TicketView> tickets) {
            List<TicketView> base = tickets.stream().filter(of::matches).toList();
            if (base.isEmpty()) {
                return KpiValue.none(0, "no tickets in the period match the base filter");
            }
            long hits = base.stream().filter(where::matches).count();
            return KpiValue.of(100.0 * hits / base.size(), base.size());
        }
    }

    record Average(Measure measure, TicketFilter of) implements KpiFormula {
        @Override
        public KpiValue compute(KpiContext context, List<TicketView> tickets) {
            List<Double> values = tickets.stream().filter(of::matches).map(measure::of)
                    .flatMap(Optional::stream).toList();
            if (values.isEmpty()) {
                return KpiValue.none(0, "no ticket in the period has a value for " + measure.name());
            }
            OptionalDouble avg = values.stream().mapToDouble(Double::doubleValue).average();
            return KpiValue.of(avg.orElseThrow(), values.size());
        }
    }

    record Count(TicketFilter of) implements KpiFormula {
        @Override
        public KpiValue compute(KpiContext context, List<TicketView> tickets) {
            long n = tickets.stream().filter(of::matches).count();
            return KpiValue.of(n, n);
        }
    }

    record PerMillion(TicketFilter of, String baseSetting) implements KpiFormula {
        @Override
        public KpiValue compute(KpiContext context, List<TicketView> tickets) {
            long n = tickets.stream().filter(of::matches).count();
            Optional<String> raw = context.setting(baseSetting);
            double base;
            try {
                base = raw.map(Double::parseDouble).orElse(0.0);
            } catch (NumberFormatException e) {
                return KpiValue.none(n, "setting " + baseSetting + " is not a number: " + raw.get());
            }
            if (base <= 0) {
                return KpiValue.none(n, "setting " + baseSetting + " (the base of this KPI) is not set to a positive number");
            }
            return KpiValue.of(n * 1_000_000.0 / base, n);
        }
    }

    /** What an average measures. */
    record Measure(String name) {

        static final List<String> FIXED = List.of("FIRST_RESPONSE_MINUTES", "RESOLUTION_HOURS", "SATISFACTION");

        Optional<Double> of(TicketView t) {
            switch (name) {
                case "FIRST_RESPONSE_MINUTES":
                    return t.firstResponseAt().map(at -> Duration.between(t.createdAt(), at).toSeconds() / 60.0);
                case "RESOLUTION_HOURS":
                    return t.resolvedAt().map(at -> Duration.between(t.createdAt(), at).toSeconds() / 3600.0);
                case "SATISFACTION":
                    return t.satisfaction().map(Integer::doubleValue);
                default:
                    return t.field(name.substring("FIELD:".length())).flatMap(Measure::number);
            }
        }

        private static Optional<Double> number(String text) {
            try {
                return Optional.of(Double.parseDouble(text.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** Parses a formula; every problem found is added to {@code problems}, and then the result is empty. */
    static Optional<KpiFormula> parse(JsonValue value, String at, List<String> problems) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            problems.add(at + ": a formula object is required");
            return Optional.empty();
        }
        JsonObject f = value.asJsonObject();
        List<String> mine = new ArrayList<>();
        String type = f.get("type") instanceof JsonString s ? s.getString() : "";
        TicketFilter of = TicketFilter.parse(f.get("of"), at + ".of", mine);
        KpiFormula formula = null;
        switch (type) {
            case "share" -> {
                if (!f.containsKey("where")) {
                    mine.add(at + ".where: required for share");
                }
                formula = new Share(TicketFilter.parse(f.get("where"), at + ".where", mine), of);
            }
            case "average" -> {
                String m = f.get("measure") instanceof JsonString s ? s.getString() : "";
                if (!Measure.FIXED.contains(m) && !m.matches("FIELD:[a-zA-Z][a-zA-Z0-9_]{0,63}")) {
                    mine.add(at + ".measure: one of " + Measure.FIXED + " or FIELD:<fieldKey>, not '" + m + "'");
                }
                formula = new Average(new Measure(m), of);
            }
            case "count" -> formula = new Count(of);
            case "perMillion" -> {
                String base = f.get("base") instanceof JsonString s ? s.getString() : "";
                if (!base.matches("setting:[a-z][a-z0-9.-]{0,63}")) {
                    mine.add(at + ".base: setting:<key>, not '" + base + "'");
                }
                formula = new PerMillion(of, base.startsWith("setting:") ? base.substring("setting:".length()) : base);
            }
            default -> mine.add(at + ".type: share, average, count or perMillion, not '" + type + "'");
        }
        problems.addAll(mine);
        return mine.isEmpty() ? Optional.ofNullable(formula) : Optional.empty();
    }
}
