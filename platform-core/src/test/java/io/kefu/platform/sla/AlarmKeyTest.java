package io.kefu.platform.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.sla.calendar.BusinessCalendarTest;
import io.kefu.platform.ticket.TicketStatus;

/**
 * The alarm key the sweep finds a clock by (ADR 0012, eighth amendment): a clock's warning and
 * breach are due exactly when the key plus the current rule's times reaches now's position on
 * the counting calendar, whatever the start, the pauses and the calendar; a new target leaves the
 * key as it was; clocks of targets whose length depends on the start carry their alarm instead.
 */
class AlarmKeyTest {

    private static final Instant START = SlaClockTest.at("2026-12-01T16:00");

    private static ServiceStandard rule(boolean business, String resolution, Integer warn, int version) {
        return new ServiceStandard("r", new Texts("规则", "Rule"), 10, Match.ANY, business ? "office" : "24x7", business,
                Map.of(TargetKind.RESOLUTION, Target.parse(resolution), TargetKind.FOLLOW_UP, Target.parse("PT8H")),
                Set.of(TicketStatus.PENDING_CUSTOMER), warn, List.of(), version);
    }

    private static AlarmRanges.Range range(ServiceStandard rule, BusinessCalendar calendar, TargetKind target) {
        return AlarmRanges.ranges(rule, Map.of(rule.calendar(), calendar)).stream()
                .filter(r -> r.target() == target).findFirst().orElse(null);
    }

    @Test
    void theKeyIsTheStartsPositionPlusThePausedTimeAndATargetChangeKeepsIt() {
        BusinessCalendar office = SlaClockTest.office();
        SlaClock c = SlaClock.start("t", TargetKind.RESOLUTION, rule(true, "PT4H", 75, 1), office, START);
        assertEquals(office.position(START), c.alarmKey());
        assertNull(c.alarmAtColumn());
        c.pause(SlaClockTest.at("2026-12-02T10:00"));
        assertNull(c.alarmKey(), "a paused clock cannot fire");
        c.resume(SlaClockTest.at("2026-12-02T11:30"), office);
        assertEquals(office.position(START) + Duration.ofMinutes(90).toMillis(), c.alarmKey(), "the pause's working time moves the key on");
        long key = c.alarmKey();
        c.apply(rule(true, "PT16H", 50, 2), office, SlaClockTest.at("2026-12-02T12:00"));
        assertEquals(key, c.alarmKey(), "a new target moves the due time, not the key");
        c.stop(SlaClockTest.at("2026-12-02T13:00"), office);
        assertNull(c.alarmKey(), "a stopped clock cannot fire");
    }

    @Test
    void targetsInWorkingDaysAndFollowUpsCarryTheirAlarmInstead() {
        BusinessCalendar office = SlaClockTest.office();
        SlaClock days = SlaClock.start("t", TargetKind.RESOLUTION, rule(true, "P2DT2H", 75, 1), office, START);
        assertNull(days.alarmKey());
        assertEquals(days.warnAt(), days.alarmAtColumn().toInstant(), "the warning first");
        assertNull(range(rule(true, "P2DT2H", 75, 1), office, TargetKind.RESOLUTION), "no range: found by its instant");
        SlaClock followUp = SlaClock.start("t", TargetKind.FOLLOW_UP, rule(false, "PT4H", null, 1), BusinessCalendar.ALWAYS, START);
        assertNull(followUp.alarmKey(), "a follow-up keeps an older version's target for good: found by its instant");
        assertEquals(followUp.dueAt(), followUp.alarmAtColumn().toInstant(), "no warning: the breach");
        SlaClock elapsedDays = SlaClock.start("t", TargetKind.RESOLUTION, rule(false, "P2DT2H", 75, 1), BusinessCalendar.ALWAYS, START);
        assertEquals(START.toEpochMilli(), elapsedDays.alarmKey(), "days in elapsed time are 24 hours each: keyed");
    }

    /**
     * Property: for random starts, pauses, targets and warning percentages, in business time on
     * two calendars (holidays and make-up days, a zone with daylight saving) and in elapsed time,
     * the range's due test on the key agrees with the clock's stored times at every instant but
     * those within the millisecond a stored time's fraction adds (the key is in whole
     * milliseconds), and the alarm the agenda is given from the key is the stored time.
     */
    @Test
    void theKeyAndTheRangeAgreeWithTheStoredTimes() {
        Random r = new Random(2026120308L);
        List<BusinessCalendar> calendars = List.of(BusinessCalendarTest.cnOffice(), BusinessCalendarTest.berlinShifts(), BusinessCalendar.ALWAYS);
        for (int i = 0; i < 3_000; i++) {
            BusinessCalendar calendar = calendars.get(r.nextInt(calendars.size()));
            boolean business = calendar != BusinessCalendar.ALWAYS;
            String target = "PT" + (1 + r.nextInt(72)) + "H" + (r.nextBoolean() ? r.nextInt(60) + "M" : "");
            Integer warn = r.nextInt(4) == 0 ? null : 1 + r.nextInt(99);
            ServiceStandard rule = rule(business, target, warn, 1);
            Instant start = BusinessCalendarTest.randomInstant(r);
            SlaClock c = SlaClock.start("t", TargetKind.RESOLUTION, rule, calendar, start);
            Instant at = start;
            for (int p = r.nextInt(3); p > 0; p--) {
                at = at.plus(Duration.ofMinutes(r.nextInt(3_000)));
                c.pause(at);
                at = at.plus(Duration.ofMinutes(r.nextInt(3_000)));
                c.resume(at, calendar);
            }
            AlarmRanges.Range range = range(rule, calendar, TargetKind.RESOLUTION);
            assertNotNull(range);
            long key = c.alarmKey();
            assertEquals(calendar.position(c.dueAt()), key + range.breachMillis(), "the due time's position");
            assertEquals(c.dueAt().toEpochMilli(), range.alarmOf(false, key).toEpochMilli(), "the breach's alarm, to the millisecond");
            if (warn != null) {
                assertEquals(calendar.position(c.warnAt()), key + range.warnMillis(), "the warning's position");
                assertEquals(c.warnAt().toEpochMilli(), range.alarmOf(true, key).toEpochMilli(), "the warning's alarm, to the millisecond");
            }
            for (int n = 0; n < 5; n++) {
                Instant now = c.dueAt().plus(Duration.ofMinutes(r.nextInt(600) - 300)).plusMillis(r.nextInt(1_000));
                boolean byKey = key <= range.dueKey(false, now);
                boolean byStored = !c.dueAt().isAfter(now);
                if (byStored) {
                    assertTrue(byKey, "every due breach is in the range");
                } else if (byKey) {
                    assertTrue(Duration.between(now, c.dueAt()).toMillis() < 1, "found early only within the stored time's fraction of a millisecond");
                }
            }
        }
    }

    @Test
    void aRuleWithoutAWarningHasNoWarningRange() {
        AlarmRanges.Range range = range(rule(false, "PT4H", null, 1), BusinessCalendar.ALWAYS, TargetKind.RESOLUTION);
        assertNull(range.warnMillis());
        assertEquals(Duration.ofHours(4).toMillis(), range.breachMillis());
        assertFalse(AlarmRanges.ranges(rule(false, "PT4H", null, 1), Map.of()).isEmpty(), "elapsed time needs no stored calendar");
    }
}
