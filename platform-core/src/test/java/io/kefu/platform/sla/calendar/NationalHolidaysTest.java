package io.kefu.platform.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class NationalHolidaysTest {

    @Test
    void chinaHasTheStateCouncilsDaysFor2025And2026() {
        NationalHolidays cn = NationalHolidays.of("CN");
        assertEquals(28 + 33, cn.holidays().size());
        assertTrue(cn.holidays().contains(LocalDate.of(2026, 2, 23)));
        assertTrue(cn.workdays().contains(LocalDate.of(2026, 1, 4)));
        // Every make-up working day is a weekend day: that is what makes it a make-up day.
        cn.workdays().forEach(d -> assertTrue(d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY, d::toString));
        assertEquals(6, cn.workdays().stream().filter(d -> d.getYear() == 2026).count());
        assertEquals(5, cn.workdays().stream().filter(d -> d.getYear() == 2025).count());
        assertNull(NationalHolidays.of("XX"));
    }
}
