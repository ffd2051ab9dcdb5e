package io.kefu.platform.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.sla.calendar.DayHours;
import io.kefu.platform.ticket.TicketStatus;

class SlaClockTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static BusinessCalendar office() {
        Map<DayOfWeek, List<DayHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(d, List.of(DayHours.parse("09:00", "18:00")));
        }
        return BusinessCalendar.of(SHANGHAI, week, Set.of(), Set.of());
    }

    static ServiceStandard rule(String code, int version, boolean business, String resolution, Integer warn) {
        return new ServiceStandard(code, new Texts("规则", "Rule"), 10, Match.ANY, business ? "office" : "24x7", business,
                Map.of(TargetKind.RESOLUTION, Target.parse(resolution), TargetKind.FIRST_RESPONSE, Target.parse("PT1H")),
                Set.of(TicketStatus.IN_PROGRESS), warn, List.of(), version);
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void dueAndWarningInBusinessTime() {
        // Tue 2026-12-01 16:00 + 4 working hours = Wed 11:00; 75 % = 3 h = Wed 10:00.
        SlaClock c = SlaClock.start("t1", TargetKind.RESOLUTION, rule("r", 1, true, "PT4H", 75), office(), at("2026-12-01T16:00"));
        assertEquals(at("2026-12-02T11:00"), c.dueAt());
        assertEquals(at("2026-12-02T10:00"), c.warnAt());
        assertEquals(Risk.ON_TRACK, c.risk(at("2026-12-02T09:30"), office()));
        assertEquals(Risk.AT_RISK, c.risk(at("2026-12-02T10:30"), office()));
        assertEquals(Risk.BREACHED, c.risk(at("2026-12-02T11:00"), office()));
        assertEquals(Duration.ofMinutes(30), c.remaining(at("2026-12-02T10:30"), office()));
    }

    @Test
    void pauseMovesTheDueTimeByThePausedWorkingTime() {
        BusinessCalendar cal = office();
        SlaClock c = SlaClock.start("t1", TargetKind.RESOLUTION, rule("r", 1, true, "PT4H", 75), cal, at("2026-12-01T16:00"));
        assertTrue(c.pause(at("2026-12-01T17:00")));
        assertFalse(c.pause(at("2026-12-01T17:10")), "pausing twice does nothing");
        assertNull(c.nextAlarm(), "a paused clock needs no sweep");
        // Paused 17:00 Tue to 10:00 Wed: 2 working hours (17-18, 9-10), overnight does not count.
        assertTrue(c.resume(at("2026-12-02T10:00"), cal));
        assertEquals(Duration.ofHours(2), c.pausedTime());
        assertEquals(at("2026-12-02T13:00"), c.dueAt());
        assertEquals(at("2026-12-02T12:00"), c.warnAt());
        assertEquals(Duration.ofHours(1), c.elapsed(at("2026-12-02T10:00"), cal));
        assertTrue(c.stop(at("2026-12-02T12:30"), cal));
        assertEquals(SlaClock.Outcome.MET, c.outcome());
        assertNull(c.breachedBy());
        assertEquals(Risk.MET, c.risk(at("2026-12-09T00:00"), cal));
    }

    @Test
    void stoppingLateRecordsTheBreachInWorkingTime() {
        BusinessCalendar cal = office();
        SlaClock c = SlaClock.start("t1", TargetKind.RESOLUTION, rule("r", 1, true, "PT4H", null), cal, at("2026-12-01T16:00"));
        // Due Wed 11:00; stopped Thu 10:00 = 8 working hours late (Wed 11-18 = 7, Thu 9-10 = 1).
        c.stop(at("2026-12-03T10:00"), cal);
        assertEquals(SlaClock.Outcome.BREACHED, c.outcome());
        assertEquals(Duration.ofHours(8), c.breachedBy());
        assertEquals(Risk.BREACHED, c.risk(at("2026-12-03T10:00"), cal));
    }

    @Test
    void aStopWhilePausedEndsThePauseFirst() {
        BusinessCalendar cal = office();
        SlaClock c = SlaClock.start("t1", TargetKind.RESOLUTION, rule("r", 1, true, "PT4H", null), cal, at("2026-12-01T09:00"));
        c.pause(at("2026-12-01T10:00"));
        c.stop(at("2026-12-04T10:00"), cal);
        assertEquals(SlaClock.Outcome.MET, c.outcome(), "time awaiting the customer is not the service's");
        assertEquals(Duration.ofHours(1), c.elapsed(at("2026-12-09T00:00"), cal));
    }

    @Test
    void applyingAnotherRuleRecomputesFromTheStartAndKeepsPauses() {
        BusinessCalendar cal = office();
        SlaClock c = SlaClock.start("t1", TargetKind.RESOLUTION, rule("normal", 1, true, "PT8H", 50), cal, at("2026-12-01T09:00"));
        assertEquals(at("2026-12-01T17:00"), c.dueAt());
        c.pause(at("2026-12-01T10:00"));
        c.resume(at("2026-12-01T11:00"), cal);
        assertEquals(at("2026-12-01T18:00"), c.dueAt());
        // Priority raised: the urgent rule gives 2 working hours from the same start, plus the hour paused.
        c.apply(rule("urgent", 3, true, "PT2H", 50), cal, at("2026-12-01T11:00"));
        assertEquals("urgent", c.ruleCode());
        assertEquals(3, c.ruleVersion());
        assertEquals(at("2026-12-01T12:00"), c.dueAt());
        assertEquals(at("2026-12-01T11:00"), c.warnAt());
    }

    @Test
    void elapsedTimeRulesIgnoreTheCalendar() {
        ServiceStandard r = rule("r", 1, false, "PT72H", 75);
        BusinessCalendar counting = SlaClock.counting(r, office());
        SlaClock c = SlaClock.start("t1", TargetKind.RESOLUTION, r, counting, at("2026-12-04T17:00"));
        assertEquals(at("2026-12-07T17:00"), c.dueAt());
    }

    @Test
    void aReopenedTicketContinuesItsResolutionClockWithTheResolvedTimePaused() {
        BusinessCalendar cal = office();
        SlaClock c = SlaClock.start("t1", TargetKind.RESOLUTION, rule("r", 1, true, "PT4H", null), cal, at("2026-12-01T09:00"));
        c.stop(at("2026-12-01T10:00"), cal);
        c.continueAfterStop(at("2026-12-01T15:00"), cal);
        assertTrue(c.isRunning());
        assertEquals(Duration.ofHours(5), c.pausedTime());
        assertEquals(at("2026-12-01T18:00"), c.dueAt());
    }

    @Test
    void aNewCycleStartsAfreshAndMayWarnAgain() {
        BusinessCalendar cal = office();
        ServiceStandard r = new ServiceStandard("r", new Texts("规则", "Rule"), 10, Match.ANY, "office", true,
                Map.of(TargetKind.NEXT_RESPONSE, Target.parse("PT2H")), Set.of(), 50, List.of(), 1);
        SlaClock c = SlaClock.start("t1", TargetKind.NEXT_RESPONSE, r, cal, at("2026-12-01T09:00"));
        c.stop(at("2026-12-01T10:00"), cal);
        c.restart(at("2026-12-02T09:00"), r, cal);
        assertEquals(2, c.cycle());
        assertEquals(at("2026-12-02T11:00"), c.dueAt());
        assertEquals(at("2026-12-02T10:00"), c.nextAlarm());
        assertNull(c.outcome());
    }
}
