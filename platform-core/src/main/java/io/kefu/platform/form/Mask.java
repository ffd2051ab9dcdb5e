package io.kefu.platform.form;

/**
 * How a personal-data field's value is shown to people who may not see it. Fixed numbers of
 * stars, so a mask does not give the value's length away.
 */
public enum Mask {
    /** {@code ******} */
    ALL(0, 0, "******"),
    /** {@code ****1234} */
    KEEP_LAST_4(0, 4, "****"),
    /** phones: {@code 138****5678} */
    KEEP_FIRST_3_LAST_4(3, 4, "****"),
    /** bank cards: {@code 622202******1234} */
    KEEP_FIRST_6_LAST_4(6, 4, "******");

    private final int head;
    private final int tail;
    private final String stars;

    Mask(int head, int tail, String stars) {
        this.head = head;
        this.tail = tail;
        this.stars = stars;
    }

    /**
     * The value masked. A value too short to hide at least four characters between the ends it
     * keeps is hidden entirely: {@code KEEP_LAST_4} of "12345" would reveal four fifths of it.
     */
    public String apply(String value) {
        if (value == null) {
            return null;
        }
        int[] cp = value.codePoints().toArray();
        if (this == ALL || cp.length < head + tail + 4) {
            return ALL.stars;
        }
        return new String(cp, 0, head) + stars + new String(cp, cp.length - tail, tail);
    }
}
