package io.kefu.platform.customer;

import java.util.Locale;

import io.kefu.platform.problem.Validation;

/** A list request as a client sends it (query parameters), checked all at once. */
public record CustomerQuery(CustomerFilter filter, PageCursor after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final int MAX_TEXT = 100;
    static final String LIMIT_INVALID = "customer.limit.invalid";
    static final String TEXT_LENGTH = "customer.query.length";
    static final String GRADE_MALFORMED = "customer.grade.malformed";

    /** Field errors name the query parameters: q, grade, status, type, cursor, limit. */
    public static CustomerQuery parse(String q, String grade, String status, String type, String cursor, String limit) {
        Validation v = new Validation();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
            v.reject("q", TEXT_LENGTH, MAX_TEXT);
        }
        String g = grade == null || grade.isBlank() ? null : grade.strip().toUpperCase(Locale.ROOT);
        if (g != null && !Grades.wellFormed(g)) {
            v.reject("grade", GRADE_MALFORMED, grade.strip());
        }
        CustomerStatus s = v.check(() -> Choice.parseOptional(CustomerStatus.class, status, "status"));
        CustomerType t = v.check(() -> Choice.parseOptional(CustomerType.class, type, "type"));
        PageCursor after = v.check(() -> PageCursor.decode(cursor, "cursor"));
        int n = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LIMIT) {
                v.reject("limit", LIMIT_INVALID, 1, MAX_LIMIT);
            }
        }
        v.throwIfInvalid();
        return new CustomerQuery(new CustomerFilter(text, g, s, t), after, n);
    }
}
