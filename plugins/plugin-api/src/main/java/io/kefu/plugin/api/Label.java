package io.kefu.plugin.api;

import java.util.Objects;

/** A user-facing text in both languages Kefu speaks. Neither may be blank. */
@Stable
public record Label(String zhCN, String en) {

    public Label {
        Objects.requireNonNull(zhCN, "zhCN");
        Objects.requireNonNull(en, "en");
        if (zhCN.isBlank() || en.isBlank()) {
            throw new IllegalArgumentException("A label needs both zh-CN and en text: " + zhCN + " / " + en);
        }
    }

    public static Label of(String zhCN, String en) {
        return new Label(zhCN, en);
    }

    /** The text for a language tag ({@code zh}, {@code zh-CN}: Chinese; anything else: English). */
    public String in(String languageTag) {
        return languageTag != null && languageTag.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? zhCN : en;
    }
}
