package io.kefu.platform.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Kefu's texts in zh-CN and en, by stable code. One bundle serves the REST API's problem
 * messages and the UI, so a rule's message reads the same everywhere.
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);
    private static final String BUNDLE = "io.kefu.platform.i18n.messages";

    private Messages() {
    }

    /** The text for {@code code} in the supported language closest to {@code locale}. */
    public static String get(Locale locale, String code, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported(locale),
                Messages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(code);
        } catch (MissingResourceException e) {
            return code;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    public static boolean has(String code) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, ENGLISH, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.containsKey(code);
    }

    /** zh-* goes to Simplified Chinese, everything else to English. */
    public static Locale supported(Locale requested) {
        if (requested != null && "zh".equals(requested.getLanguage())) {
            return CHINESE;
        }
        return ENGLISH;
    }

    /** The first supported language among those a client accepts, in its order of preference. */
    public static Locale firstSupported(List<Locale> accepted) {
        for (Locale l : accepted) {
            if ("zh".equals(l.getLanguage()) || "en".equals(l.getLanguage())) {
                return supported(l);
            }
        }
        return ENGLISH;
    }
}
