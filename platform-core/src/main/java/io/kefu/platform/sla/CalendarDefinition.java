package io.kefu.platform.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.sla.calendar.DayHours;
import io.kefu.platform.sla.calendar.NationalHolidays;

/**
 * A tenant's calendar as the interchange format writes it. The tenant's own holidays and
 * workdays override the national tables on the same date: a company may work on a national
 * holiday or give a make-up Saturday off.
 */
public record CalendarDefinition(String code, Texts name, ZoneId zone, Map<DayOfWeek, List<DayHours>> week,
                                 String nationalHolidays, List<NamedDate> holidays, List<NamedDate> workdays) {

    /** A date with its name. */
    public record NamedDate(LocalDate date, Texts name) {
    }

    public CalendarDefinition {
        Map<DayOfWeek, List<DayHours>> w = new EnumMap<>(DayOfWeek.class);
        week.forEach((d, h) -> w.put(d, List.copyOf(h)));
        week = java.util.Collections.unmodifiableMap(w);
        holidays = List.copyOf(holidays);
        workdays = List.copyOf(workdays);
    }

    /** The arithmetic; throws IllegalArgumentException when the definition is contradictory. */
    public BusinessCalendar calendar() {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> on = new HashSet<>();
        if (nationalHolidays != null) {
            NationalHolidays national = NationalHolidays.of(nationalHolidays);
            off.addAll(national.holidays());
            on.addAll(national.workdays());
        }
        for (NamedDate d : holidays) {
            on.remove(d.date());
            off.add(d.date());
        }
        for (NamedDate d : workdays) {
            off.remove(d.date());
            on.add(d.date());
        }
        return BusinessCalendar.of(zone, week, off, on);
    }
}
