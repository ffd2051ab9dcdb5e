package io.kefu.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.kefu.plugin.api.KpiContext;
import io.kefu.plugin.api.KpiValue;
import io.kefu.plugin.api.TicketView;

class KpiFormulaTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static TicketSnapshot ticket(String kind, String status, String category, int firstResponseMinutes, Integer resolvedHours,
                                         int reopens, Map<String, String> fields) {
        return new TicketSnapshot("KF-" + Math.random(), kind, status, "NORMAL", "PHONE", Optional.ofNullable(category), "s", T0,
                Optional.of(T0.plusSeconds(60L * firstResponseMinutes)),
                Optional.ofNullable(resolvedHours).map(h -> T0.plusSeconds(3600L * h)),
                Optional.ofNullable("CLOSED".equals(status) ? T0.plusSeconds(999_999) : null), reopens, fields);
    }

    private static final List<TicketView> TICKETS = List.of(
            ticket("COMPLAINT", "CLOSED", "express.delay", 10, 20, 0, Map.of("claimAmount", "100")),
            ticket("COMPLAINT", "RESOLVED", "express.lost", 30, 50, 1, Map.of("claimAmount", "300.5")),
            ticket("INQUIRY", "CLOSED", "express.delay", 2, 1, 0, Map.of()),
            ticket("COMPLAINT", "IN_PROGRESS", "express.delay", 20, null, 0, Map.of("claimAmount", "n/a")));

    private static KpiContext context(Map<String, String> settings) {
        return new KpiContext() {
            public String tenantCode() {
                return "acme";
            }

            public Instant from() {
                return T0;
            }

            public Instant to() {
                return T0.plusSeconds(86400 * 30);
            }

            public Optional<String> setting(String key) {
                return Optional.ofNullable(settings.get(key));
            }
        };
    }

    private static KpiValue compute(String json, Map<String, String> settings) {
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        List<String> problems = new ArrayList<>();
        KpiFormula f = KpiFormula.parse(o, "formula", problems).orElseThrow(() -> new AssertionError(problems));
        return f.compute(context(settings), TICKETS);
    }

    @Test
    void shareIsThePercentOfTheBaseMatchingWhere() {
        KpiValue v = compute("{\"type\":\"share\",\"where\":{\"reopened\":true},\"of\":{\"kinds\":[\"COMPLAINT\"]}}", Map.of());
        assertEquals(100.0 / 3, v.value().getAsDouble(), 1e-9);
        assertEquals(3, v.sampleSize());
    }

    @Test
    void firstContactResolutionMeansResolvedAndNeverReopened() {
        KpiValue v = compute("{\"type\":\"share\",\"where\":{\"firstContactResolution\":true},\"of\":{}}", Map.of());
        assertEquals(50.0, v.value().getAsDouble(), 1e-9);
    }

    @Test
    void averagesSkipTicketsWithoutTheMeasure() {
        assertEquals(20.0, compute("{\"type\":\"average\",\"measure\":\"FIRST_RESPONSE_MINUTES\",\"of\":{\"kinds\":[\"COMPLAINT\"]}}",
                Map.of()).value().getAsDouble(), 1e-9);
        KpiValue hours = compute("{\"type\":\"average\",\"measure\":\"RESOLUTION_HOURS\",\"of\":{\"categories\":[\"express.delay\"]}}", Map.of());
        assertEquals(10.5, hours.value().getAsDouble(), 1e-9);
        assertEquals(2, hours.sampleSize());
        KpiValue claims = compute("{\"type\":\"average\",\"measure\":\"FIELD:claimAmount\",\"of\":{}}", Map.of());
        assertEquals(200.25, claims.value().getAsDouble(), 1e-9);
    }

    @Test
    void anAverageOverNothingHasNoValueRatherThanZero() {
        KpiValue v = compute("{\"type\":\"average\",\"measure\":\"SATISFACTION\",\"of\":{}}", Map.of());
        assertTrue(v.value().isEmpty());
        assertTrue(v.note().contains("SATISFACTION"));
    }

    @Test
    void countAndPerMillionUseTheTenantsSetting() {
        assertEquals(2.0, compute("{\"type\":\"count\",\"of\":{\"closed\":true}}", Map.of()).value().getAsDouble());
        String perMillion = "{\"type\":\"perMillion\",\"of\":{\"kinds\":[\"COMPLAINT\"]},\"base\":\"setting:customers.total\"}";
        assertEquals(1.5, compute(perMillion, Map.of("customers.total", "2000000")).value().getAsDouble(), 1e-9);
        assertTrue(compute(perMillion, Map.of()).value().isEmpty());
    }

    @Test
    void unknownSlaOutcomeMatchesNeitherWay() {
        assertEquals(0.0, compute("{\"type\":\"count\",\"of\":{\"slaBreached\":false}}", Map.of()).value().getAsDouble());
    }

    @Test
    void invalidFormulasListEveryProblem() {
        List<String> problems = new ArrayList<>();
        JsonObject bad = Json.createReader(new StringReader(
                "{\"type\":\"average\",\"measure\":\"SPEED\",\"of\":{\"kinds\":[\"GRIPE\"],\"colour\":\"red\"}}")).readObject();
        assertTrue(KpiFormula.parse(bad, "f", problems).isEmpty());
        assertEquals(3, problems.size(), problems.toString());
        problems.clear();
        KpiFormula.parse(Json.createObjectBuilder().add("type", "median").build(), "f", problems);
        assertEquals(List.of("f.type: share, average, count or perMillion, not 'median'"), problems);
    }
}
