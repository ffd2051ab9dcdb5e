/**
 * Business calendars (工作日历) as pure arithmetic: working hours per weekday, public holidays
 * and make-up working days (调休), a time zone, and the built-in {@code 24x7}. No JPA or CDI
 * lives here, so the arithmetic is tested with plain JUnit over many random instants.
 * {@link io.kefu.platform.sla.calendar.NationalHolidays} ships the official Chinese tables.
 * Depends on nothing else of Kefu.
 */
package io.kefu.platform.sla.calendar;
