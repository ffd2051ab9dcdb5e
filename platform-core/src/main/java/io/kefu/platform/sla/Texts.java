package io.kefu.platform.sla;

import java.util.Locale;

import jakarta.json.JsonObject;

import io.kefu.platform.i18n.Messages;
import io.kefu.platform.json.Jsons;

/** A name in both of Kefu's languages, as the interchange format writes it: {"zh-CN": ..., "en": ...}. */
public record Texts(String zh, String en) {

    public static final int MAX = 200;

    public String in(Locale locale) {
        return Messages.supported(locale).equals(Messages.CHINESE) ? zh : en;
    }

    public JsonObject toJson() {
        return Jsons.createObjectBuilder().add("zh-CN", zh).add("en", en).build();
    }
}
