package io.kefu.platform.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The settings a tenant can change, each with its default and its rule. */
public enum SettingKey {
    /** Shown in the header and on customer-facing pages. */
    DISPLAY_NAME("display.name", "", v -> v.length() <= 200),
    /** Business time is counted in this zone (IANA id). */
    TIME_ZONE("time.zone", "Asia/Shanghai", SettingKey::isZone),
    /** Language of notifications when a person has not chosen one. */
    DEFAULT_LOCALE("default.locale", "zh-CN", v -> v.equals("zh-CN") || v.equals("en")),
    /** Ticket numbers start with this, e.g. KF-2026-000123. */
    TICKET_NUMBER_PREFIX("ticket.number.prefix", "KF", Pattern.compile("[A-Z][A-Z0-9]{0,7}").asMatchPredicate()),
    /** A resolved ticket the customer does not confirm closes by itself after this many days (0: at the next sweep). */
    TICKET_AUTO_CLOSE_DAYS("ticket.auto-close.days", "3", v -> v.matches("[0-9]{1,2}")),
    /** How many days after resolving or closing a ticket may be reopened. */
    TICKET_REOPEN_DAYS("ticket.reopen.days", "7", v -> v.matches("[1-9][0-9]{0,2}")),
    /** The grades a customer may have, comma-separated, e.g. VIP,A,B,C; 1 to 10 distinct codes. */
    CUSTOMER_GRADES("customer.grades", "VIP,A,B,C", SettingKey::isGradeList),
    // The size of the business, the base of the industry plugins' per-million KPIs (e.g.
    // complaints per million subscribers, as regulators count them). Empty: not known, and such
    // a KPI then has no value rather than a wrong one.
    /** Parcels carried per period (express). */
    EXPRESS_PARCEL_VOLUME("express.parcel-volume", "", SettingKey::isBase),
    /** Room nights sold per period (hotel). */
    HOTEL_ROOM_NIGHTS("hotel.room-nights", "", SettingKey::isBase),
    /** Subscribers (telecom). */
    TELECOM_SUBSCRIBERS("telecom.subscribers", "", SettingKey::isBase),
    /** Households served (property management). */
    PROPERTY_HOUSEHOLDS("property.households", "", SettingKey::isBase),
    /** Customers (banking). */
    BANKING_CUSTOMERS("banking.customers", "", SettingKey::isBase);

    private final String key;
    private final String defaultValue;
    private final Predicate<String> rule;

    SettingKey(String key, String defaultValue, Predicate<String> rule) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.rule = rule;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean accepts(String value) {
        return value != null && rule.test(value);
    }

    public static Optional<SettingKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    public static String allKeys() {
        return Arrays.stream(values()).map(SettingKey::key).collect(Collectors.joining(", "));
    }

    private static boolean isBase(String v) {
        return v != null && (v.isEmpty() || v.matches("[1-9][0-9]{0,14}"));
    }

    private static final Pattern GRADE_LIST = Pattern.compile("[A-Z0-9]{1,10}(,[A-Z0-9]{1,10}){0,9}");

    private static boolean isGradeList(String v) {
        // A code listed twice is a typo, not a wish; refusing it keeps the list as the tenant means it.
        return GRADE_LIST.matcher(v).matches() && Arrays.stream(v.split(",")).distinct().count() == v.split(",").length;
    }

    private static boolean isZone(String v) {
        try {
            ZoneId.of(v);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
