package io.kefu.platform.form;

import java.util.Locale;
import java.util.Objects;

/** A label or help text in both of Kefu's languages (both are required in definitions). */
public record LocalizedText(String zhCn, String en) {

    public LocalizedText {
        Objects.requireNonNull(zhCn, "zhCn");
        Objects.requireNonNull(en, "en");
    }

    /** The text for {@code locale}: Chinese for any zh-*, English otherwise. */
    public String in(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? zhCn : en;
    }
}
