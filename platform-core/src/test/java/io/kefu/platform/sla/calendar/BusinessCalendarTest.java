package io.kefu.platform.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

public class BusinessCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Workdays 9:00-12:00 and 13:00-18:00, Chinese holidays and make-up days. */
    public static BusinessCalendar cnOffice() {
        Map<DayOfWeek, List<DayHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(d, List.of(DayHours.parse("09:00", "12:00"), DayHours.parse("13:00", "18:00")));
        }
        NationalHolidays cn = NationalHolidays.of("CN");
        return BusinessCalendar.of(SHANGHAI, week, cn.holidays(), cn.workdays());
    }

    /** A calendar around Berlin's DST changes, with a night shift across midnight and the changes' hours. */
    public static BusinessCalendar berlinShifts() {
        Map<DayOfWeek, List<DayHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, d == DayOfWeek.SUNDAY ? List.of(DayHours.parse("00:30", "04:00"), DayHours.parse("22:00", "24:00"))
                    : List.of(DayHours.parse("00:00", "03:30"), DayHours.parse("08:00", "17:00"), DayHours.parse("22:00", "24:00")));
        }
        return BusinessCalendar.of(BERLIN, week, Set.of(LocalDate.of(2026, 12, 25)), Set.of());
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void complaintBeforeNationalDayIsDueAfterTheHoliday() {
        // Wed 2026-09-30 17:00: one hour that day, Oct 1-7 are holidays, Thu Oct 8 is a working
        // day: three hours 9:00-12:00 make four.
        assertEquals(shanghai("2026-10-08T12:00"), cnOffice().addWorkingTime(shanghai("2026-09-30T17:00"), Duration.ofHours(4)));
        // Five hours: the fifth after lunch.
        assertEquals(shanghai("2026-10-08T14:00"), cnOffice().addWorkingTime(shanghai("2026-09-30T17:00"), Duration.ofHours(5)));
    }

    @Test
    void makeUpSaturdayWorksMondaysHours() {
        // Fri 2026-10-09 17:30 plus one hour: 30 minutes Friday, Sat 2026-10-10 is a make-up day.
        assertEquals(shanghai("2026-10-10T09:30"), cnOffice().addWorkingTime(shanghai("2026-10-09T17:30"), Duration.ofHours(1)));
        assertTrue(cnOffice().isWorkingDay(LocalDate.of(2026, 10, 10)));
        assertFalse(cnOffice().isWorkingDay(LocalDate.of(2026, 10, 11)));
        assertFalse(cnOffice().isWorkingDay(LocalDate.of(2026, 10, 7)));
    }

    @Test
    void fifteenWorkingDaysEndAtTheEndOfTheFifteenthWorkingDay() {
        // Mon 2026-09-21 10:00. Working days after it: Sep 22,23,24 (3), 25-27 holiday, Sep 28,29,30 (6),
        // Oct 1-7 holiday, Oct 8, 9, 10 (make-up Sat) (9), Oct 12-16 (14), Oct 19 (15).
        assertEquals(shanghai("2026-10-19T18:00"), cnOffice().endOfWorkingDays(shanghai("2026-09-21T10:00"), 15));
        // P2DT4H: end of the 2nd working day (Wed 23rd), then four hours on Thu 24th.
        assertEquals(shanghai("2026-09-24T14:00"), cnOffice().due(shanghai("2026-09-21T10:00"), 2, Duration.ofHours(4), true));
        // Plain elapsed time ignores the calendar.
        assertEquals(shanghai("2026-09-23T14:00"), cnOffice().due(shanghai("2026-09-21T10:00"), 2, Duration.ofHours(4), false));
    }

    @Test
    void springFestival2026() {
        // Fri 2026-02-13 17:00 plus 2h: Sat 14th is a make-up day.
        assertEquals(shanghai("2026-02-14T10:00"), cnOffice().addWorkingTime(shanghai("2026-02-13T17:00"), Duration.ofHours(2)));
        // Sat 14th 17:00 plus 2h: 15th-23rd are holidays, Tue 24th works.
        assertEquals(shanghai("2026-02-24T10:00"), cnOffice().addWorkingTime(shanghai("2026-02-14T17:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), cnOffice().workingTimeBetween(shanghai("2026-02-14T17:00"), shanghai("2026-02-24T10:00")));
    }

    @Test
    void startInNonWorkingTimeBeginsAtTheNextInterval() {
        assertEquals(shanghai("2026-11-30T09:20"), cnOffice().addWorkingTime(shanghai("2026-11-28T23:00"), Duration.ofMinutes(20)));
        assertEquals(shanghai("2026-12-01T13:20"), cnOffice().addWorkingTime(shanghai("2026-12-01T12:10"), Duration.ofMinutes(20)));
        assertEquals(shanghai("2026-12-01T12:00"), cnOffice().addWorkingTime(shanghai("2026-12-01T11:40"), Duration.ofMinutes(20)));
    }

    @Test
    void alwaysIsPlainElapsedTime() {
        Instant s = shanghai("2026-10-01T00:00");
        assertEquals(s.plus(Duration.ofHours(72)), BusinessCalendar.ALWAYS.addWorkingTime(s, Duration.ofHours(72)));
        assertEquals(Duration.ofHours(72), BusinessCalendar.ALWAYS.workingTimeBetween(s, s.plus(Duration.ofHours(72))));
        assertEquals(shanghai("2026-10-03T00:00"), BusinessCalendar.ALWAYS.endOfWorkingDays(s.plusSeconds(1), 2)
                .atZone(SHANGHAI).toLocalDate().atStartOfDay(SHANGHAI).toInstant());
    }

    @Test
    void daylightSavingDaysHaveTheirRealLength() {
        BusinessCalendar c = berlinShifts();
        // Sun 2026-03-29: clocks go 02:00 -> 03:00, so 00:30-04:00 holds 2.5 hours.
        Instant from = LocalDateTime.parse("2026-03-29T00:30").atZone(BERLIN).toInstant();
        Instant to = LocalDateTime.parse("2026-03-29T04:00").atZone(BERLIN).toInstant();
        assertEquals(Duration.ofMinutes(150), c.workingTimeBetween(from, to));
        // Sun 2026-10-25: clocks go 03:00 -> 02:00, so 00:30-04:00 holds 4.5 hours.
        Instant fromAutumn = LocalDateTime.parse("2026-10-25T00:30").atZone(BERLIN).toInstant();
        Instant toAutumn = LocalDateTime.parse("2026-10-25T04:00").atZone(BERLIN).toInstant();
        assertEquals(Duration.ofMinutes(270), c.workingTimeBetween(fromAutumn, toAutumn));
        assertEquals(toAutumn, c.addWorkingTime(fromAutumn, Duration.ofMinutes(270)));
    }

    @Test
    void refusesOverlapsAndAmbiguousDates() {
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.of(SHANGHAI,
                Map.of(DayOfWeek.MONDAY, List.of(DayHours.parse("09:00", "12:00"), DayHours.parse("11:00", "13:00"))), Set.of(), Set.of()));
        LocalDate d = LocalDate.of(2026, 5, 20);
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.of(SHANGHAI,
                Map.of(DayOfWeek.MONDAY, List.of(DayHours.parse("09:00", "12:00"))), Set.of(d), Set.of(d)));
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.of(SHANGHAI, Map.of(), Set.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> DayHours.parse("18:00", "09:00"));
        assertThrows(IllegalArgumentException.class, () -> DayHours.parse("24:30", "25:00"));
    }

    // ---- properties over many seeded random instants and durations ----

    static final List<BusinessCalendar> CALENDARS = List.of(cnOffice(), berlinShifts(), BusinessCalendar.ALWAYS, sparse());

    /** A tenant calendar with a holiday on a make-up day and its own make-up Sunday. */
    static BusinessCalendar sparse() {
        NationalHolidays cn = NationalHolidays.of("CN");
        Set<LocalDate> holidays = new HashSet<>(cn.holidays());
        Set<LocalDate> workdays = new HashSet<>(cn.workdays());
        workdays.remove(LocalDate.of(2026, 10, 10));
        holidays.add(LocalDate.of(2026, 10, 10));
        workdays.add(LocalDate.of(2026, 11, 29));
        return BusinessCalendar.of(SHANGHAI, Map.of(DayOfWeek.TUESDAY, List.of(DayHours.parse("10:00", "10:45")),
                DayOfWeek.SATURDAY, List.of(DayHours.parse("20:00", "24:00"))), holidays, workdays);
    }

    public static Instant randomInstant(Random r) {
        Instant base = LocalDateTime.parse("2025-01-01T00:00").atZone(SHANGHAI).toInstant();
        return base.plusSeconds((long) (r.nextDouble() * 700 * 86_400L));
    }

    static Duration randomDuration(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> Duration.ofSeconds(r.nextInt(3_600) + 1);
            case 1 -> Duration.ofMinutes(r.nextInt(60 * 24 * 3) + 1);
            default -> Duration.ofHours(r.nextInt(200) + 1).plusMinutes(r.nextInt(60));
        };
    }

    @Test
    void addingThenMeasuringGivesBackTheDuration() {
        Random r = new Random(20261201L);
        for (BusinessCalendar c : CALENDARS) {
            for (int i = 0; i < 2_000; i++) {
                Instant s = randomInstant(r);
                Duration d = randomDuration(r);
                Instant end = c.addWorkingTime(s, d);
                assertEquals(d, c.workingTimeBetween(s, end), () -> "from " + s + " plus " + d);
            }
        }
    }

    @Test
    void addingIsMonotonicAndAdditive() {
        Random r = new Random(7L);
        for (BusinessCalendar c : CALENDARS) {
            for (int i = 0; i < 1_000; i++) {
                Instant s = randomInstant(r);
                Duration a = randomDuration(r);
                Duration b = randomDuration(r);
                Instant ea = c.addWorkingTime(s, a);
                Instant eab = c.addWorkingTime(s, a.plus(b));
                assertFalse(eab.isBefore(ea), "monotonic in the duration");
                assertEquals(eab, c.addWorkingTime(ea, b), "adding a then b is adding a+b (a pause moves the due time by the paused time)");
                Instant later = s.plus(a);
                assertFalse(c.addWorkingTime(later, b).isBefore(c.addWorkingTime(s, b)), "monotonic in the start");
            }
        }
    }

    @Test
    void resultsNeverLieInNonWorkingTime() {
        Random r = new Random(42L);
        for (BusinessCalendar c : CALENDARS) {
            for (int i = 0; i < 2_000; i++) {
                Instant s = randomInstant(r);
                Instant end = c.addWorkingTime(s, randomDuration(r));
                // The end is working time itself or the end of an interval: just before it is working time.
                assertTrue(c.isWorkingTime(end.minusNanos(1)), () -> "ends in non-working time: " + end);
            }
        }
    }

    @Test
    void measuringSplitsAtAnyPoint() {
        Random r = new Random(99L);
        for (BusinessCalendar c : CALENDARS) {
            for (int i = 0; i < 1_000; i++) {
                Instant a = randomInstant(r);
                Instant b = a.plusSeconds(r.nextInt(30 * 86_400));
                Instant m = a.plusSeconds(r.nextInt((int) Duration.between(a, b).getSeconds() + 1));
                assertEquals(c.workingTimeBetween(a, b), c.workingTimeBetween(a, m).plus(c.workingTimeBetween(m, b)));
                assertTrue(c.workingTimeBetween(a, b).compareTo(Duration.between(a, b)) <= 0);
            }
        }
    }

    @Test
    void workingDaysEndOnWorkingDays() {
        Random r = new Random(5L);
        BusinessCalendar c = cnOffice();
        for (int i = 0; i < 500; i++) {
            Instant s = randomInstant(r);
            int n = r.nextInt(20) + 1;
            Instant end = c.endOfWorkingDays(s, n);
            LocalDate endDay = end.atZone(SHANGHAI).toLocalDate();
            assertTrue(c.isWorkingDay(endDay));
            assertEquals(LocalDateTime.of(endDay, java.time.LocalTime.of(18, 0)).atZone(SHANGHAI).toInstant(), end);
            long working = s.atZone(SHANGHAI).toLocalDate().plusDays(1).datesUntil(endDay.plusDays(1)).filter(c::isWorkingDay).count();
            assertEquals(n, working);
        }
    }

    // ---- the line of working time (positions) ----

    /** A random instant in whole milliseconds: positions count whole milliseconds. */
    static Instant randomMilliInstant(Random r) {
        return randomInstant(r).plusMillis(r.nextInt(1_000));
    }

    @Test
    void positionsOfKnownDays() {
        BusinessCalendar c = cnOffice();
        assertEquals(0, c.position(LocalDate.of(2000, 1, 1).atStartOfDay(SHANGHAI).toInstant()));
        assertEquals(Duration.ofHours(8).toMillis(), c.position(shanghai("2026-09-30T18:00")) - c.position(shanghai("2026-09-30T09:00")),
                "a day of 9:00-12:00 and 13:00-18:00");
        assertEquals(c.position(shanghai("2026-09-30T18:00")), c.position(shanghai("2026-10-08T08:59:59.999")),
                "the night and the National Day holidays do not move the line");
        assertEquals(shanghai("2026-09-30T18:00"), c.instantAt(c.position(shanghai("2026-10-08T09:00"))),
                "the earliest instant of a position is where working time stopped");
        assertEquals(shanghai("2026-10-08T09:00:00.001"), c.instantAt(c.position(shanghai("2026-10-08T09:00")) + 1));
        assertEquals(1_796_000_000_123L, BusinessCalendar.ALWAYS.position(Instant.ofEpochMilli(1_796_000_000_123L)), "24x7: epoch milliseconds");
        assertThrows(IllegalArgumentException.class, () -> c.position(shanghai("1999-12-31T23:00")));
        assertThrows(IllegalArgumentException.class, () -> c.position(shanghai("2200-01-01T10:00")));
        assertThrows(IllegalArgumentException.class, () -> c.instantAt(Long.MAX_VALUE));
    }

    @Test
    void positionsDifferByTheWorkingTimeBetween() {
        Random r = new Random(2026120301L);
        for (BusinessCalendar c : CALENDARS) {
            for (int i = 0; i < 2_000; i++) {
                Instant a = randomMilliInstant(r);
                Instant b = a.plusMillis((long) (r.nextDouble() * 40 * 86_400_000L));
                assertEquals(c.workingTimeBetween(a, b).toMillis(), c.position(b) - c.position(a), () -> "from " + a + " to " + b);
            }
        }
    }

    @Test
    void addingWorkingTimeIsAddingToThePosition() {
        Random r = new Random(2026120302L);
        for (BusinessCalendar c : CALENDARS) {
            for (int i = 0; i < 2_000; i++) {
                Instant s = randomMilliInstant(r);
                Duration d = randomDuration(r);
                assertEquals(c.addWorkingTime(s, d), c.instantAt(c.position(s) + d.toMillis()), () -> "from " + s + " plus " + d);
            }
        }
    }

    @Test
    void instantAtIsTheEarliestInstantAtItsPosition() {
        Random r = new Random(2026120303L);
        for (BusinessCalendar c : CALENDARS) {
            long from = c.position(randomInstant(new Random(1L)).minus(Duration.ofDays(30)));
            for (int i = 0; i < 2_000; i++) {
                long p = from + (long) (r.nextDouble() * 200 * 86_400_000L);
                Instant t = c.instantAt(p);
                assertEquals(p, c.position(t), () -> "position " + p + " at " + t);
                assertTrue(c.position(t.minusMillis(1)) < p, () -> "an earlier instant at position " + p + " than " + t);
            }
        }
    }

    @Test
    void theLineIsTheSameWhicheverDayIsAskedFirst() {
        // The day table grows on demand; a calendar asked about 2026 first and one asked about
        // 2180 first agree.
        BusinessCalendar a = berlinShifts();
        BusinessCalendar b = berlinShifts();
        Instant late = LocalDateTime.parse("2180-03-26T12:00").atZone(BERLIN).toInstant();
        Instant now = LocalDateTime.parse("2026-03-29T12:00").atZone(BERLIN).toInstant();
        long lateB = b.position(late);
        Instant lateAt = b.instantAt(lateB);
        assertEquals(a.position(now), b.position(now));
        assertEquals(lateB, a.position(late));
        assertEquals(lateAt, a.instantAt(lateB));
        // A Sunday of the DST change: 12:00 is not working time, the line stopped at 04:00 (CEST).
        assertEquals(LocalDateTime.parse("2180-03-26T04:00").atZone(BERLIN).toInstant(), lateAt);
    }
}
