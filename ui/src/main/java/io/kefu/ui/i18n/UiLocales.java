package io.kefu.ui.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.kefu.platform.i18n.Messages;

/** Which of the UI's two languages applies: plain rules, no Vaadin. */
public final class UiLocales {

    public static final Locale CHINESE = Messages.CHINESE;
    public static final Locale ENGLISH = Messages.ENGLISH;
    /** The languages in the order the language switch offers them. */
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);
    /** The cookie that keeps the language a user chose, across reloads and sessions. */
    public static final String COOKIE = "kefu-lang";

    private UiLocales() {
    }

    /** {@code zh}, {@code zh-TW}, {@code zh-Hans-CN} ... are Simplified Chinese; everything else is English. */
    public static Locale supported(Locale requested) {
        return Messages.supported(requested);
    }

    /**
     * The language a tag such as {@code zh-CN} or {@code en} names, if it is one of ours. Used for
     * the cookie, so anything else (blank, {@code fr}, garbage) is empty rather than a guess.
     */
    public static Optional<Locale> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        if ("zh".equals(language)) {
            return Optional.of(CHINESE);
        }
        if ("en".equals(language)) {
            return Optional.of(ENGLISH);
        }
        return Optional.empty();
    }

    /** The tag stored in the cookie and in {@code <html lang>}: {@code zh-CN} or {@code en}. */
    public static String tag(Locale locale) {
        return supported(locale).toLanguageTag();
    }

    /**
     * The language a new UI starts in: the one the user chose before ({@code chosenTag}, from the
     * cookie), else the first of ours among the browser's languages in its order of preference
     * ({@code en-US, zh-CN} is English), else English.
     */
    public static Locale initial(String chosenTag, List<Locale> browserLanguages) {
        return fromTag(chosenTag).orElseGet(() -> Messages.firstSupported(browserLanguages));
    }

    /** How the language switch names a language: in that language itself. */
    public static String nativeName(Locale locale) {
        return CHINESE.equals(supported(locale)) ? "中文" : "English";
    }
}
