package io.kefu.ui.ticket;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

/**
 * Canned replies (服务话术) as the plugins ship them: {@code title} and {@code body} in both
 * languages, with placeholders such as {@code {{customer.name}}}, {@code {{agent.name}}},
 * {@code {{ticket.number}}} and {@code {{fields.<key>}}}. Filling is plain text replacement:
 * the result goes into the reply editor as text, never as markup.
 */
public final class CannedReplies {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    private CannedReplies() {
    }

    /** The reply's title in the agent's language (its code when it has none). */
    public static String title(JsonObject reply, Locale locale) {
        return text(reply, "title", locale, reply.getString("code", ""));
    }

    /**
     * The body in the agent's language with the known placeholders replaced; unknown ones stay
     * as they are, so the agent sees what is left to fill in before sending.
     */
    public static String fill(JsonObject reply, Locale locale, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text(reply, "body", locale, ""));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code {"zh-CN": ..., "en": ...}} or a plain string, in the locale's language. */
    static String text(JsonObject o, String key, Locale locale, String fallback) {
        if (o.get(key) instanceof JsonObject texts) {
            String lang = "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
            return texts.getString(lang, texts.getString("en", fallback));
        }
        return o.getString(key, fallback);
    }
}
