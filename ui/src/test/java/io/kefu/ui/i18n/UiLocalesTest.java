package io.kefu.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class UiLocalesTest {

    @Test
    void fromTag_knowsOurTwoLanguages_andNothingElse() {
        assertEquals(Optional.of(UiLocales.CHINESE), UiLocales.fromTag("zh-CN"));
        assertEquals(Optional.of(UiLocales.CHINESE), UiLocales.fromTag("zh"));
        assertEquals(Optional.of(UiLocales.CHINESE), UiLocales.fromTag("zh-TW"));
        assertEquals(Optional.of(UiLocales.ENGLISH), UiLocales.fromTag("en"));
        assertEquals(Optional.of(UiLocales.ENGLISH), UiLocales.fromTag(" en-GB "));
        assertEquals(Optional.empty(), UiLocales.fromTag("fr"));
        assertEquals(Optional.empty(), UiLocales.fromTag("<script>"));
        assertEquals(Optional.empty(), UiLocales.fromTag(""));
        assertEquals(Optional.empty(), UiLocales.fromTag(null));
    }

    @Test
    void tag_isWhatTheCookieAndHtmlLangCarry() {
        assertEquals("zh-CN", UiLocales.tag(UiLocales.CHINESE));
        assertEquals("zh-CN", UiLocales.tag(Locale.forLanguageTag("zh-Hant-TW")));
        assertEquals("en", UiLocales.tag(Locale.US));
        assertEquals("en", UiLocales.tag(Locale.GERMAN));
    }

    @Test
    void initial_theLanguageChosenBefore_winsOverTheBrowser() {
        assertEquals(UiLocales.CHINESE, UiLocales.initial("zh-CN", List.of(Locale.US)));
        assertEquals(UiLocales.ENGLISH, UiLocales.initial("en", List.of(Locale.SIMPLIFIED_CHINESE)));
    }

    @Test
    void initial_withoutAChoice_followsTheBrowsersOrderOfPreference() {
        assertEquals(UiLocales.ENGLISH, UiLocales.initial(null, List.of(Locale.US, Locale.SIMPLIFIED_CHINESE)));
        assertEquals(UiLocales.CHINESE, UiLocales.initial(null, List.of(Locale.FRENCH, Locale.TRADITIONAL_CHINESE, Locale.US)));
        assertEquals(UiLocales.CHINESE, UiLocales.initial("garbage", List.of(Locale.forLanguageTag("zh"))));
    }

    @Test
    void initial_isEnglishWhenTheBrowserAsksForNeither() {
        assertEquals(UiLocales.ENGLISH, UiLocales.initial(null, List.of(Locale.JAPANESE)));
        assertEquals(UiLocales.ENGLISH, UiLocales.initial(null, List.of()));
    }

    @Test
    void nativeName_namesEachLanguageInItself() {
        assertEquals("中文", UiLocales.nativeName(UiLocales.CHINESE));
        assertEquals("English", UiLocales.nativeName(UiLocales.ENGLISH));
        assertEquals(List.of(UiLocales.CHINESE, UiLocales.ENGLISH), UiLocales.SUPPORTED);
    }
}
