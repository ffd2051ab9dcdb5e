package io.kefu.platform.sla;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as an ISO-8601 duration split in a day part and a time part: in business time the
 * days are whole working days and the time is working time (P2DT4H = two working days, then
 * four working hours); in elapsed time a day is 24 hours. Weeks, months and years are refused:
 * service standards count days and hours.
 */
public record Target(int days, Duration time) {

    private static final Pattern ISO = Pattern.compile("P(?:(\\d{1,4})D)?(?:T(?=\\d)(?:(\\d{1,5})H)?(?:(\\d{1,6})M)?(?:(\\d{1,7})S)?)?");

    public Target {
        if (days < 0 || time.isNegative() || (days == 0 && time.isZero())) {
            throw new IllegalArgumentException("a target is longer than zero");
        }
    }

    /** Null when the text is not a positive duration of days, hours, minutes and seconds. */
    public static Target parse(String iso) {
        if (iso == null) {
            return null;
        }
        Matcher m = ISO.matcher(iso.strip().toUpperCase(Locale.ROOT));
        if (!m.matches() || iso.strip().equals("P") || iso.strip().endsWith("T")) {
            return null;
        }
        int days = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        Duration time = Duration.ofHours(group(m, 2)).plusMinutes(group(m, 3)).plusSeconds(group(m, 4));
        if (days == 0 && time.isZero()) {
            return null;
        }
        return new Target(days, time);
    }

    private static long group(Matcher m, int g) {
        return m.group(g) == null ? 0 : Long.parseLong(m.group(g));
    }

    /** The ISO-8601 text, days and time kept apart (P2DT4H, not PT52H). */
    public String iso() {
        StringBuilder b = new StringBuilder("P");
        if (days > 0) {
            b.append(days).append('D');
        }
        if (!time.isZero()) {
            b.append('T');
            long h = time.toHours();
            int min = time.toMinutesPart();
            int s = time.toSecondsPart();
            if (h > 0) {
                b.append(h).append('H');
            }
            if (min > 0) {
                b.append(min).append('M');
            }
            if (s > 0) {
                b.append(s).append('S');
            }
        }
        return b.toString();
    }
}
