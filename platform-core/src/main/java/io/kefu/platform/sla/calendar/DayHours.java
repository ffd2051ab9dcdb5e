package io.kefu.platform.sla.calendar;

/**
 * One working interval of a day in minutes since midnight, {@code to} up to 1440 (24:00).
 * Local wall-clock time: the calendar turns it into instants in its zone.
 */
public record DayHours(int from, int to) {

    public static final int MIDNIGHT = 24 * 60;

    public DayHours {
        if (from < 0 || to > MIDNIGHT || from >= to) {
            throw new IllegalArgumentException("a working interval runs forward within one day: " + from + ".." + to);
        }
    }

    /** From "HH:mm" texts; "24:00" is the end of the day. */
    public static DayHours parse(String from, String to) {
        return new DayHours(minutes(from), minutes(to));
    }

    static int minutes(String hhmm) {
        if (hhmm == null || !hhmm.matches("\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("not HH:mm: " + hhmm);
        }
        int h = Integer.parseInt(hhmm.substring(0, 2));
        int m = Integer.parseInt(hhmm.substring(3));
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            throw new IllegalArgumentException("not a time of day: " + hhmm);
        }
        return h * 60 + m;
    }

    public static String text(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
