package io.kefu.platform.sla.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A country's official holidays and make-up working days, shipped as data
 * ({@code cn-holidays.txt} next to this class) so that next year's notice is a data change.
 * Only {@code CN} exists today.
 */
public final class NationalHolidays {

    public enum Kind { HOLIDAY, WORKDAY }

    /** One official day; {@code nameZh}/{@code nameEn} say which holiday it belongs to. */
    public record Day(LocalDate date, Kind kind, String nameZh, String nameEn) {
    }

    public static final String CN = "CN";
    private static final NationalHolidays CHINA = load("cn-holidays.txt");

    private final Map<LocalDate, Day> days;

    private NationalHolidays(Map<LocalDate, Day> days) {
        this.days = days;
    }

    /** The tables of a country code, or null for an unknown code. */
    public static NationalHolidays of(String country) {
        return CN.equals(country) ? CHINA : null;
    }

    public Map<LocalDate, Day> days() {
        return days;
    }

    public Set<LocalDate> holidays() {
        return dates(Kind.HOLIDAY);
    }

    public Set<LocalDate> workdays() {
        return dates(Kind.WORKDAY);
    }

    private Set<LocalDate> dates(Kind kind) {
        return days.values().stream().filter(d -> d.kind() == kind).map(Day::date).collect(Collectors.toUnmodifiableSet());
    }

    static NationalHolidays load(String resource) {
        Map<LocalDate, Day> days = new TreeMap<>();
        try (InputStream in = NationalHolidays.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing holiday table " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 3);
                String[] names = parts[2].split("\\|", 2);
                Day d = new Day(LocalDate.parse(parts[0]), Kind.valueOf(parts[1]), names[0], names[1]);
                if (days.put(d.date(), d) != null) {
                    throw new IllegalStateException("date twice in " + resource + ": " + d.date());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NationalHolidays(java.util.Collections.unmodifiableMap(days));
    }
}
