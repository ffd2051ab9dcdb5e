package io.kefu.platform.sla.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a tenant works: intervals per weekday in a time zone, minus holidays, plus make-up
 * working days (调休). Answers the three questions service standards ask: when does a given
 * amount of working time end ({@link #addWorkingTime}), how much working time lies between two
 * instants ({@link #workingTimeBetween}), and when does the n-th working day after an instant
 * end ({@link #endOfWorkingDays}).
 *
 * <p>A make-up working day (a weekend day declared a working day) works the hours of the
 * calendar's Monday, or of the first weekday from Monday to Friday that has hours: the State
 * Council's notices say such a day is worked "as a normal working day" without naming which
 * one it replaces, and Monday's hours are the normal day of most calendars (ADR 0007).
 *
 * <p>It also places instants on a line of working time ({@link #position}, {@link #instantAt}):
 * the working milliseconds since a fixed epoch. A difference of positions is the working time
 * between two instants, and adding working time is adding to a position. A target in working
 * time thus gives every clock's due position as its start's position plus a constant, which is
 * what an index that a target change does not move needs (ADR 0012, sixth amendment).
 *
 * <p>Instants inside a working interval are working time; an interval's end is where added
 * time stops, so a result may be the end of an interval (18:00) but never lies in non-working
 * time otherwise. Daylight-saving gaps and overlaps follow {@link ZonedDateTime#of}: a wall
 * time in a gap moves forward, one in an overlap takes the earlier offset.
 */
public final class BusinessCalendar {

    /** The built-in calendar that always works. */
    public static final String ALWAYS_CODE = "24x7";
    public static final BusinessCalendar ALWAYS = new BusinessCalendar(ZoneId.of("UTC"), Map.of(), Set.of(), Set.of(), true);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** A calendar without a single working day in this many days has none at all. */
    private static final int SEARCH_DAYS = 3 * 366;

    /** Where positions count from in a calendar's own zone (24x7 counts from the Unix epoch). */
    public static final LocalDate POSITION_EPOCH = LocalDate.of(2000, 1, 1);

    /** Positions reach this many days past the epoch at most (the year 2200). */
    private static final int POSITION_DAYS = (int) java.time.temporal.ChronoUnit.DAYS.between(POSITION_EPOCH, LocalDate.of(2200, 1, 1));

    /**
     * Working milliseconds from the epoch to the start of each day, for as many days as have
     * been asked about: grown a decade at a time, replaced whole (readers see a complete array).
     */
    private volatile long[] dayStarts = {0L};

    private final ZoneId zone;
    private final Map<DayOfWeek, List<DayHours>> week;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final List<DayHours> makeUpHours;
    private final boolean always;

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<DayHours>> week, Set<LocalDate> holidays,
                             Set<LocalDate> workdays, boolean always) {
        this.zone = zone;
        this.week = week;
        this.holidays = holidays;
        this.workdays = workdays;
        this.always = always;
        this.makeUpHours = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .stream().map(d -> week.getOrDefault(d, List.of())).filter(h -> !h.isEmpty()).findFirst().orElse(List.of());
    }

    /**
     * A calendar of working hours per weekday (missing days are free), holidays that are free
     * and make-up days that are worked. A date in both sets is refused.
     *
     * @throws IllegalArgumentException when a day's intervals overlap, a date is both holiday
     *                                  and workday, or no weekday has any hours
     */
    public static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, List<DayHours>> week, Set<LocalDate> holidays, Set<LocalDate> workdays) {
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<DayHours>> w = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> {
            List<DayHours> sorted = new ArrayList<>(hours);
            sorted.sort(Comparator.comparingInt(DayHours::from));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).from() < sorted.get(i - 1).to()) {
                    throw new IllegalArgumentException("overlapping working hours on " + day);
                }
            }
            if (!sorted.isEmpty()) {
                w.put(day, List.copyOf(sorted));
            }
        });
        if (w.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs working hours on at least one weekday");
        }
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(workdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("dates both holiday and workday: " + both);
        }
        return new BusinessCalendar(zone, Map.copyOf(w), Set.copyOf(holidays), Set.copyOf(workdays), false);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isAlways() {
        return always;
    }

    /** The working hours of a date in local time: empty on free days. */
    public List<DayHours> hoursOn(LocalDate date) {
        if (always) {
            return List.of(new DayHours(0, DayHours.MIDNIGHT));
        }
        if (workdays.contains(date)) {
            return week.getOrDefault(date.getDayOfWeek(), List.of()).isEmpty() ? makeUpHours : week.get(date.getDayOfWeek());
        }
        if (holidays.contains(date)) {
            return List.of();
        }
        return week.getOrDefault(date.getDayOfWeek(), List.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        return !hoursOn(date).isEmpty();
    }

    /**
     * The end of {@code amount} of working time counted from {@code start}. Zero returns
     * {@code start}; otherwise the result lies inside a working interval or at its end.
     */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative working time: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        if (always) {
            return start.plus(amount);
        }
        Duration remaining = amount;
        LocalDate date = start.atZone(zone).toLocalDate().minusDays(1);
        int idle = 0;
        while (true) {
            boolean worked = false;
            for (Instant[] span : spans(date)) {
                if (!span[1].isAfter(start)) {
                    continue;
                }
                worked = true;
                Instant from = span[0].isAfter(start) ? span[0] : start;
                Duration available = Duration.between(from, span[1]);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            idle = worked ? 0 : idle + 1;
            if (idle > SEARCH_DAYS) {
                throw new IllegalStateException("the calendar has no working time after " + start);
            }
            date = date.plusDays(1);
        }
    }

    /** Working time in [{@code from}, {@code to}); zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (always) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate d = from.atZone(zone).toLocalDate().minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            for (Instant[] span : spans(d)) {
                Instant s = span[0].isAfter(from) ? span[0] : from;
                Instant e = span[1].isBefore(to) ? span[1] : to;
                if (e.isAfter(s)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
        }
        return total;
    }

    /**
     * The end of the {@code n}-th working day after the local date of {@code start}, as
     * regulators count "within 15 working days": the day of the start does not count. Zero
     * returns {@code start}. On {@code 24x7} every day is a working day ending at midnight.
     */
    public Instant endOfWorkingDays(Instant start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative working days: " + n);
        }
        if (n == 0) {
            return start;
        }
        LocalDate d = start.atZone(zone).toLocalDate();
        int counted = 0;
        int idle = 0;
        while (true) {
            d = d.plusDays(1);
            List<Instant[]> spans = spans(d);
            if (spans.isEmpty()) {
                if (++idle > SEARCH_DAYS) {
                    throw new IllegalStateException("the calendar has no working day after " + start);
                }
                continue;
            }
            idle = 0;
            if (++counted == n) {
                return spans.get(spans.size() - 1)[1];
            }
        }
    }

    /**
     * When a target of {@code days} and {@code time} started at {@code start} is due. In
     * business time the days are whole working days ({@link #endOfWorkingDays}) and the time is
     * working time after them; otherwise both are plain elapsed time (a day is 24 hours).
     */
    public Instant due(Instant start, int days, Duration time, boolean businessTime) {
        if (!businessTime) {
            return start.plus(Duration.ofDays(days)).plus(time);
        }
        return addWorkingTime(endOfWorkingDays(start, days), time);
    }

    /**
     * The working time from the epoch ({@link #POSITION_EPOCH} at midnight in the calendar's zone;
     * the Unix epoch on 24x7) to {@code at}, in whole milliseconds (a fraction is dropped). Constant
     * outside working time; {@code position(b) - position(a)} is {@code workingTimeBetween(a, b)}
     * for instants in whole milliseconds.
     *
     * @throws IllegalArgumentException before the epoch or after the year 2199
     */
    public long position(Instant at) {
        if (always) {
            return at.toEpochMilli();
        }
        LocalDate date = at.atZone(zone).toLocalDate();
        int day = dayIndex(date);
        long ms = dayStart(day);
        for (Instant[] span : spans(date)) {
            if (!at.isAfter(span[0])) {
                break;
            }
            ms += Duration.between(span[0], at.isBefore(span[1]) ? at : span[1]).toMillis();
        }
        return ms;
    }

    /**
     * The earliest instant at {@code position} on the line of working time: the inverse of
     * {@link #position}. A position where working time stops for the night is the end of the
     * day's last interval (18:00), as {@link #addWorkingTime} ends there; positions at or before
     * zero give the epoch.
     *
     * @throws IllegalArgumentException beyond the year 2199
     */
    public Instant instantAt(long position) {
        if (always) {
            return Instant.ofEpochMilli(position);
        }
        if (position <= 0) {
            return POSITION_EPOCH.atStartOfDay(zone).toInstant();
        }
        long[] starts = dayStarts;
        while (starts[starts.length - 1] < position) {
            if (starts.length > POSITION_DAYS) {
                throw new IllegalArgumentException("working-time position beyond the year 2199: " + position);
            }
            starts = grow(starts.length + 3_653);
        }
        // The last day that starts before the position holds it (within its working time or at its end).
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] < position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long remaining = position - starts[lo];
        for (Instant[] span : spans(POSITION_EPOCH.plusDays(lo))) {
            long length = Duration.between(span[0], span[1]).toMillis();
            if (remaining <= length) {
                return span[0].plusMillis(remaining);
            }
            remaining -= length;
        }
        throw new IllegalStateException("working-time position " + position + " not within its day " + POSITION_EPOCH.plusDays(lo));
    }

    private static int dayIndex(LocalDate date) {
        long day = java.time.temporal.ChronoUnit.DAYS.between(POSITION_EPOCH, date);
        if (day < 0 || day >= POSITION_DAYS) {
            throw new IllegalArgumentException("outside the working-time line (2000 to 2199): " + date);
        }
        return (int) day;
    }

    /** Working milliseconds from the epoch to the start of day {@code day}. */
    private long dayStart(int day) {
        long[] starts = dayStarts;
        if (day >= starts.length) {
            starts = grow(day + 3_653);
        }
        return starts[day];
    }

    /** The day starts through {@code length} days (at most to the last day of the line), computed once and kept. */
    private synchronized long[] grow(int length) {
        long[] starts = dayStarts;
        int target = Math.min(length, POSITION_DAYS + 1);
        if (starts.length >= target) {
            return starts;
        }
        long[] grown = java.util.Arrays.copyOf(starts, target);
        for (int day = starts.length; day < target; day++) {
            long worked = 0;
            for (Instant[] span : spans(POSITION_EPOCH.plusDays(day - 1L))) {
                worked += Duration.between(span[0], span[1]).toMillis();
            }
            grown[day] = grown[day - 1] + worked;
        }
        dayStarts = grown;
        return grown;
    }

    /** Is {@code at} inside a working interval (its start included, its end not)? */
    public boolean isWorkingTime(Instant at) {
        if (always) {
            return true;
        }
        LocalDate d = at.atZone(zone).toLocalDate();
        for (LocalDate day : List.of(d.minusDays(1), d, d.plusDays(1))) {
            for (Instant[] span : spans(day)) {
                if (!at.isBefore(span[0]) && at.isBefore(span[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The date's working intervals as instants, in order, never overlapping (DST gaps clamp). */
    private List<Instant[]> spans(LocalDate date) {
        List<DayHours> hours = hoursOn(date);
        List<Instant[]> out = new ArrayList<>(hours.size());
        Instant previousEnd = null;
        for (DayHours h : hours) {
            Instant s = at(date, h.from());
            Instant e = at(date, h.to());
            if (previousEnd != null && s.isBefore(previousEnd)) {
                s = previousEnd;
            }
            if (e.isAfter(s)) {
                out.add(new Instant[]{s, e});
                previousEnd = e;
            }
        }
        return out;
    }

    private Instant at(LocalDate date, int minutes) {
        if (minutes == DayHours.MIDNIGHT) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date, LocalTime.ofSecondOfDay(minutes * 60L), zone).toInstant();
    }
}
