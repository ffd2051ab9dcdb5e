package io.kefu.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.kefu.platform.i18n.Messages;
import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.Industry;

class KefuI18NProviderTest {

    private final KefuI18NProvider i18n = new KefuI18NProvider();

    private static Properties bundle(String file) throws IOException {
        try (InputStream in = KefuI18NProviderTest.class.getResourceAsStream("/io/kefu/ui/i18n/" + file)) {
            assertTrue(in != null, file + " is on the class path");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    /** Each feature's bundle that exists, as {@code io/kefu/ui/queue/queue}. */
    private static List<String> featureBundles() {
        return KefuI18NProvider.BUNDLES.stream().map(b -> "/" + b.replace('.', '/'))
                .filter(path -> KefuI18NProviderTest.class.getResource(path + "_en.properties") != null
                        || KefuI18NProviderTest.class.getResource(path + "_zh_CN.properties") != null)
                .toList();
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = KefuI18NProviderTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is on the class path");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyFeaturesBundles_haveTheSameKeysInBothLanguages_noEmptyValues_andNoKeyInTwoFeatures() throws IOException {
        Map<String, String> owner = new HashMap<>();
        for (String path : featureBundles()) {
            Properties en = load(path + "_en.properties");
            Properties zh = load(path + "_zh_CN.properties");
            assertFalse(en.isEmpty(), path);
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), path);
            for (Properties p : new Properties[] {en, zh}) {
                p.stringPropertyNames().forEach(key -> assertFalse(p.getProperty(key).isBlank(), path + ": " + key + " has a text"));
            }
            for (String key : en.stringPropertyNames()) {
                String before = owner.put(key, path);
                assertTrue(before == null, key + " is in " + before + " and " + path);
                assertFalse(Messages.has(key), key + " in " + path + " shadows a platform message code");
            }
        }
        assertTrue(owner.size() > 10);
    }

    @Test
    void bundles_haveExactlyTheSameKeys_andNoEmptyValues() throws IOException {
        Properties en = bundle("ui_en.properties");
        Properties zh = bundle("ui_zh_CN.properties");

        assertFalse(en.isEmpty());
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (Properties p : new Properties[] {en, zh}) {
            p.stringPropertyNames().forEach(key -> assertFalse(p.getProperty(key).isBlank(), key + " has a text"));
        }
    }

    @Test
    void chineseBundle_isReadAsUtf8() throws IOException {
        assertEquals("租户代码", bundle("ui_zh_CN.properties").getProperty("login.tenant"));
        assertEquals("租户代码", i18n.getTranslation("login.tenant", UiLocales.CHINESE));
    }

    @Test
    void uiKeys_neverShadowThePlatformsMessageCodes() throws IOException {
        Set<String> clashes = new TreeSet<>();
        bundle("ui_en.properties").stringPropertyNames().stream().filter(Messages::has).forEach(clashes::add);
        assertEquals(Set.of(), clashes);
    }

    @Test
    void translations_followTheLanguage_zhVariantsAreChinese_othersEnglish() {
        assertEquals("Tenant code", i18n.getTranslation("login.tenant", Locale.ENGLISH));
        assertEquals("Tenant code", i18n.getTranslation("login.tenant", Locale.US));
        assertEquals("租户代码", i18n.getTranslation("login.tenant", Locale.SIMPLIFIED_CHINESE));
        assertEquals("租户代码", i18n.getTranslation("login.tenant", Locale.TRADITIONAL_CHINESE));
        assertEquals("Tenant code", i18n.getTranslation("login.tenant", Locale.FRENCH));
    }

    @Test
    void arguments_areFormatted() {
        assertEquals("Welcome, 王小明", i18n.getTranslation("home.welcome", Locale.ENGLISH, "王小明"));
        assertEquals("欢迎，王小明", i18n.getTranslation("home.welcome", UiLocales.CHINESE, "王小明"));
    }

    @Test
    void unknownKeys_goToThePlatformMessages_soErrorCodesResolve() {
        assertEquals("Tenant, user name or password is wrong.", i18n.getTranslation("login.failed", Locale.ENGLISH));
        assertEquals("租户、用户名或密码错误。", i18n.getTranslation("login.failed", UiLocales.CHINESE));
        assertEquals(Messages.get(Locale.ENGLISH, "tenant.code.invalid", "X"),
                i18n.getTranslation("tenant.code.invalid", Locale.ENGLISH, "X"));
        assertTrue(i18n.getTranslation("tenant.code.invalid", Locale.ENGLISH, "X").startsWith("'X' is not"));
        assertEquals("no.such.key", i18n.getTranslation("no.such.key", Locale.ENGLISH));
    }

    @Test
    void everyRoleAndIndustry_hasALabelInBothLanguages() throws IOException {
        Properties en = bundle("ui_en.properties");
        Properties zh = bundle("ui_zh_CN.properties");
        for (Role role : Role.values()) {
            assertTrue(en.containsKey(LabelKeys.role(role)) && zh.containsKey(LabelKeys.role(role)), role.name());
        }
        for (Industry industry : Industry.values()) {
            assertTrue(en.containsKey(LabelKeys.industry(industry)) && zh.containsKey(LabelKeys.industry(industry)), industry.id());
        }
        assertEquals("坐席", i18n.getTranslation(LabelKeys.role(Role.AGENT), UiLocales.CHINESE));
        assertEquals("租户管理员", i18n.getTranslation(LabelKeys.role(Role.TENANT_ADMIN), UiLocales.CHINESE));
        assertEquals("物业", i18n.getTranslation(LabelKeys.industry(Industry.PROPERTY), UiLocales.CHINESE));
        assertEquals("Banking", i18n.getTranslation(LabelKeys.industry(Industry.BANKING), Locale.ENGLISH));
    }

    @Test
    void providedLocales_areEnglishFirst_thenSimplifiedChinese() {
        assertEquals(java.util.List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE), i18n.getProvidedLocales());
    }
}
