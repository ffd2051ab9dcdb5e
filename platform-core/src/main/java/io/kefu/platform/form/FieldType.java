package io.kefu.platform.form;

/** What a custom field holds; decides how a value is checked, stored and compared. */
public enum FieldType {
    TEXT, LONG_TEXT, NUMBER,
    /** {@code {"amount": "12.50", "currency": "CNY"}} */
    MONEY,
    /** ISO date, {@code 2026-11-25} */
    DATE,
    /** ISO date-time with offset; stored in UTC */
    DATE_TIME,
    SINGLE_CHOICE,
    /** an array of option values */
    MULTI_CHOICE,
    BOOLEAN, PHONE, EMAIL,
    /** a code checked by the definition's pattern (waybill number, room number) */
    IDENTIFIER;

    /** {@code min}/{@code max} bound the length of the text. */
    public boolean isText() {
        return this == TEXT || this == LONG_TEXT;
    }

    public boolean isNumeric() {
        return this == NUMBER || this == MONEY;
    }

    public boolean isTemporal() {
        return this == DATE || this == DATE_TIME;
    }

    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTI_CHOICE;
    }

    /** Types a {@code pattern} may constrain. */
    public boolean takesPattern() {
        return this == TEXT || this == IDENTIFIER || this == PHONE;
    }

    /** Longest text accepted when the definition sets no {@code max}. */
    int defaultMaxLength() {
        return switch (this) {
            case LONG_TEXT -> 20_000;
            case EMAIL -> 254;
            case IDENTIFIER, PHONE -> 64;
            default -> 500;
        };
    }
}
