package io.kefu.platform.customer;

import java.util.List;
import java.util.Locale;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.settings.SettingKey;

/**
 * The grades a tenant gives its customers (setting {@code customer.grades}, default VIP,A,B,C).
 * A customer's grade must be one of them when it is set; a customer keeps a grade the tenant
 * has since dropped from the list until someone changes it, so that dropping a code never
 * rewrites customers behind anyone's back.
 */
public record Grades(List<String> codes) {

    public static final String UNKNOWN = "customer.grade.unknown";

    public Grades {
        codes = List.copyOf(codes);
    }

    /** From the setting's value; the setting's rule has already been checked when it was stored. */
    public static Grades of(String setting) {
        String v = setting == null || !SettingKey.CUSTOMER_GRADES.accepts(setting) ? SettingKey.CUSTOMER_GRADES.defaultValue() : setting;
        return new Grades(List.of(v.split(",")));
    }

    /**
     * The grade as stored (upper case), or null for "not graded" when the input is null or
     * blank; refuses a code outside this tenant's list.
     */
    public String check(String input, String field) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String v = input.trim().toUpperCase(Locale.ROOT);
        if (!codes.contains(v)) {
            throw new InvalidInputException(FieldError.of(field, UNKNOWN, input.trim(), String.join(", ", codes)));
        }
        return v;
    }

    /** Is this a shape a grade could have (for filters, which may name a code no longer listed)? */
    static boolean wellFormed(String code) {
        return code != null && code.matches("[A-Z0-9]{1,10}");
    }
}
