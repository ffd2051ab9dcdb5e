package io.kefu.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void chineseAndEnglishHaveTheSameCodesAndNoEmptyText() throws IOException {
        Properties en = load("messages_en.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertEquals(en.stringPropertyNames(), zh.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertFalse(en.getProperty(key).isBlank(), key);
            assertFalse(zh.getProperty(key).isBlank(), key);
        }
    }

    @Test
    void textsAreChosenByLanguageAndFilledIn() {
        assertEquals("There is no tenant with the code 'x1y'.", Messages.get(Locale.ENGLISH, "tenant.not-found", "x1y"));
        assertEquals("不存在代码为“x1y”的租户。", Messages.get(Locale.SIMPLIFIED_CHINESE, "tenant.not-found", "x1y"));
        assertEquals("不存在代码为“x1y”的租户。", Messages.get(Locale.TRADITIONAL_CHINESE, "tenant.not-found", "x1y"));
        assertEquals("This field is required.", Messages.get(Locale.GERMAN, "field.required"));
        assertEquals("no.such.code", Messages.get(Locale.ENGLISH, "no.such.code"));
    }

    @Test
    void theFirstSupportedAcceptedLanguageWins() {
        assertEquals(Messages.CHINESE, Messages.firstSupported(List.of(Locale.FRENCH, Locale.forLanguageTag("zh-TW"), Locale.ENGLISH)));
        assertEquals(Messages.ENGLISH, Messages.firstSupported(List.of(Locale.FRENCH)));
        assertEquals(Messages.ENGLISH, Messages.firstSupported(List.of(Locale.ENGLISH, Locale.CHINESE)));
        assertTrue(Messages.has("login.failed"));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/io/kefu/platform/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
