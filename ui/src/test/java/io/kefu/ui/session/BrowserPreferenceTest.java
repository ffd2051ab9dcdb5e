package io.kefu.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;

import elemental.json.Json;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.TenantCode;

class BrowserPreferenceTest {

    private static final Caller.TenantUser WXM = new Caller.TenantUser(new TenantCode("sf-express"), "wxm", Role.AGENT);

    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void ui() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void aBrowserWithNothingStored_answersNull_andIsNotAskedAgainInTheSession() {
        String key = BrowserPreference.storageKey("theme", WXM);
        BrowserPreference.answered(UI.getCurrent(), key, Json.createNull(), heard::add);
        BrowserPreference.read(UI.getCurrent(), "theme", WXM, heard::add);

        assertEquals(2, heard.size(), "the second read is answered from the session at once");
        assertNull(heard.get(0));
        assertNull(heard.get(1));
    }

    @Test
    void aStoredValue_isHandedOn_andRememberedForTheSession() {
        String key = BrowserPreference.storageKey("theme", WXM);
        BrowserPreference.answered(UI.getCurrent(), key, Json.create("dark"), heard::add);
        BrowserPreference.read(UI.getCurrent(), "theme", WXM, heard::add);

        assertEquals(List.of("dark", "dark"), heard);
    }

    @Test
    void aWrite_replacesWhatTheSessionRemembered() {
        String key = BrowserPreference.storageKey("theme", WXM);
        BrowserPreference.answered(UI.getCurrent(), key, Json.createNull(), heard::add);
        BrowserPreference.write(UI.getCurrent(), "theme", WXM, "light");
        BrowserPreference.read(UI.getCurrent(), "theme", WXM, heard::add);

        assertEquals("light", heard.get(1));
    }
}
