package io.kefu.platform.customer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The number of a resident identity card of the PRC (GB 11643-1999): 6 digits of region, the
 * birth date as yyyyMMdd, 3 digits of sequence and a check character computed with ISO 7064
 * MOD 11-2 ({@code X} stands for 10). The old 15-digit numbers have not been valid since 2013.
 */
final class ChineseResidentId {

    private static final Pattern SHAPE = Pattern.compile("[1-9][0-9]{16}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    enum Verdict { VALID, MALFORMED, WRONG_CHECK }

    private ChineseResidentId() {
    }

    /** {@code number} upper-cased and without spaces. */
    static Verdict check(String number, LocalDate today) {
        if (!SHAPE.matcher(number).matches() || !plausibleBirthDate(number.substring(6, 14), today)) {
            return Verdict.MALFORMED;
        }
        return checkCharacter(number.substring(0, 17)) == number.charAt(17) ? Verdict.VALID : Verdict.WRONG_CHECK;
    }

    /** The 18th character for the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static boolean plausibleBirthDate(String yyyyMMdd, LocalDate today) {
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(yyyyMMdd.substring(0, 4)),
                    Integer.parseInt(yyyyMMdd.substring(4, 6)), Integer.parseInt(yyyyMMdd.substring(6, 8)));
            return born.getYear() >= 1850 && !born.isAfter(today);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
