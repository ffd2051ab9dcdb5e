package io.kefu.ui.ticket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class SlaCountdownTest {

    /** A target as the platform's {@code sla.targets} shows it. */
    static JsonObject target(String state, String risk, String dueAt, String remaining, String breachedBy) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("state", state).add("risk", risk).add("dueAt", dueAt)
                .add("startedAt", "2026-12-01T00:00:00Z").add("remaining", remaining).add("pausedTime", "PT0S");
        if (breachedBy == null) {
            b.addNull("breachedBy");
        } else {
            b.add("breachedBy", breachedBy);
        }
        return b.build();
    }

    static JsonObject sla(String name1, JsonObject t1, String name2, JsonObject t2) {
        JsonObjectBuilder targets = Json.createObjectBuilder().add(name1, t1);
        if (name2 != null) {
            targets.add(name2, t2);
        }
        return Json.createObjectBuilder().add("ruleCode", "std").add("targets", targets).build();
    }

    @Test
    void noStandard_isNone() {
        assertEquals(SlaCountdown.State.NONE, SlaCountdown.of(JsonValue.NULL).state());
        assertEquals(SlaCountdown.State.NONE, SlaCountdown.of(null).state());
        assertEquals("ticket.sla.none", SlaCountdown.NONE.textKey());
    }

    @Test
    void runningTarget_onTrack_showsRemainingWorkingTime() {
        SlaCountdown c = SlaCountdown.of(sla("resolution", target("RUNNING", "ON_TRACK", "2026-12-02T10:00:00Z", "PT2H15M", null), null, null));

        assertEquals(SlaCountdown.State.ON_TRACK, c.state());
        assertEquals("resolution", c.target());
        assertEquals(Duration.ofMinutes(135), c.amount());
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), c.dueAt());
        assertEquals("ticket.sla.on-track", c.textKey());
        assertEquals("ticket.duration.hm", c.amountKey());
        assertArrayEquals(new Object[] {2L, 15L}, c.amountArgs());
    }

    @Test
    void theWorstRunningTargetLeads_atRiskBeforeOnTrack() {
        SlaCountdown c = SlaCountdown.of(sla(
                "firstResponse", target("RUNNING", "AT_RISK", "2026-12-01T09:20:00Z", "PT5M", null),
                "resolution", target("RUNNING", "ON_TRACK", "2026-12-01T08:00:00Z", "PT70H", null)));

        assertEquals(SlaCountdown.State.AT_RISK, c.state());
        assertEquals("firstResponse", c.target());
        assertEquals("ticket.duration.m", c.amountKey());
        assertArrayEquals(new Object[] {5L}, c.amountArgs());
    }

    @Test
    void runningPastItsDueTime_isBreached_byTheOverdueTime() {
        SlaCountdown c = SlaCountdown.of(sla(
                "firstResponse", target("MET", "MET", "2026-12-01T09:20:00Z", "PT10M", null),
                "resolution", target("RUNNING", "BREACHED", "2026-12-01T08:00:00Z", "-PT26H", null)));

        assertEquals(SlaCountdown.State.BREACHED, c.state());
        assertEquals(Duration.ofHours(26), c.amount());
        assertEquals("ticket.sla.breached", c.textKey());
        assertEquals("ticket.duration.dh", c.amountKey());
        assertArrayEquals(new Object[] {1L, 2L}, c.amountArgs());
    }

    @Test
    void pausedWhileWaitingOnTheCustomer_isPaused() {
        SlaCountdown c = SlaCountdown.of(sla("resolution", target("PAUSED", "AT_RISK", "2026-12-02T10:00:00Z", "PT40S", null), null, null));

        assertEquals(SlaCountdown.State.PAUSED, c.state());
        assertEquals("ticket.sla.paused", c.textKey());
        assertEquals("ticket.duration.less-than-minute", c.amountKey());
    }

    @Test
    void allStopped_showsTheLastOutcome_metOrBreachedBy() {
        assertEquals(SlaCountdown.State.MET,
                SlaCountdown.of(sla("resolution", target("MET", "MET", "2026-12-02T10:00:00Z", "PT1H", null), null, null)).state());
        SlaCountdown late = SlaCountdown.of(sla("resolution", target("BREACHED", "BREACHED", "2026-12-02T10:00:00Z", "-PT3H", "PT3H"), null, null));
        assertEquals(SlaCountdown.State.BREACHED, late.state());
        assertEquals(Duration.ofHours(3), late.amount());
    }
}
