package io.kefu.ui.shell;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.vaadin.flow.router.QueryParameters;

/**
 * Where the global search goes for what was typed: a ticket number opens the ticket itself,
 * anything else searches the queues. A query that looks like a customer's contact (a phone
 * number or an e-mail address) may also be searched among the customers.
 *
 * @param path  the route, e.g. {@code tickets/KF-2026-000042} or {@code queues}
 * @param query its query parameters (the text as {@code q}, or none)
 */
public record SearchTarget(String path, QueryParameters query) {

    /** {@code PREFIX-YEAR-SEQUENCE}: the tenant's prefix is upper case (1 to 8), the sequence at least six digits. */
    private static final Pattern TICKET_NUMBER = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,7}-\\d{4}-\\d{6,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{5,18}[0-9]");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    /** Longer queries are cut: the queues' search box takes no essays. */
    static final int MAX_LENGTH = 200;

    /** Nowhere for blank input. */
    public static Optional<SearchTarget> of(String typed) {
        String text = clean(typed);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (TICKET_NUMBER.matcher(text).matches()) {
            return Optional.of(new SearchTarget("tickets/" + text.toUpperCase(Locale.ROOT), QueryParameters.empty()));
        }
        return Optional.of(new SearchTarget("queues", QueryParameters.simple(Map.of("q", text))));
    }

    /** The customers' list searching for it, when the query looks like a customer's contact. */
    public static Optional<SearchTarget> customers(String typed) {
        String text = clean(typed);
        if (!PHONE.matcher(text).matches() && !EMAIL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new SearchTarget("customers", QueryParameters.simple(Map.of("q", text))));
    }

    /** The location as a link would give it, e.g. {@code queues?q=...}. */
    public String location() {
        String q = query.getQueryString();
        return q.isEmpty() ? path : path + "?" + q;
    }

    private static String clean(String typed) {
        String text = typed == null ? "" : typed.strip();
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
