package io.kefu.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDescriptor;

class PluginDocumentsTest {

    /** Reads test resources under kefu-plugin/sample/. */
    private final KefuPlugin sample = () -> PluginDescriptor.of("sample", "1.0.0", Label.of("样例", "Sample"));

    @Test
    void validDocumentsHaveNoProblemsAndYieldTheirItems() {
        assertEquals(List.of(), PluginDocuments.check(sample));
        List<DefaultItem> categories = PluginDocuments.items(sample, DefaultKind.CATEGORY);
        assertEquals(List.of("sample.delay", "sample.delay.long"), categories.stream().map(DefaultItem::code).toList());
        assertEquals("sample.delay", categories.get(1).parentCode());
        assertEquals(List.of(), PluginDocuments.items(sample, DefaultKind.EMERGENCY_PLAN), "no such document: no items");
    }

    @Test
    void theChecksumFollowsTheContent() {
        DefaultItem a = PluginDocuments.items(sample, DefaultKind.CANNED_REPLY).get(0);
        assertEquals(a.checksum(), PluginDocuments.items(sample, DefaultKind.CANNED_REPLY).get(0).checksum());
        assertNotEquals(a.checksum(), DefaultItem.checksum(a.text().replace("Apology", "Sorry")));
    }

    private static List<String> problemsOfCategories(String json) {
        JsonObject doc = Json.createReader(new StringReader(json)).readObject();
        KefuPlugin p = new KefuPlugin() {
            public PluginDescriptor descriptor() {
                return PluginDescriptor.of("bad", "1.0.0", Label.of("坏", "Bad"));
            }
        };
        // Go through the same walk check() does, on an inline document.
        List<String> problems = new ArrayList<>();
        java.lang.reflect.Method m;
        try {
            m = PluginDocuments.class.getDeclaredMethod("checkCategories", JsonObject.class, String.class, java.util.Set.class, List.class);
            m.setAccessible(true);
            m.invoke(null, doc, p.descriptor().id(), new java.util.HashSet<String>(), problems);
            java.lang.reflect.Method labels = PluginDocuments.class.getDeclaredMethod("labels", jakarta.json.JsonValue.class, String.class, List.class);
            labels.setAccessible(true);
            labels.invoke(null, doc, "doc", problems);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return problems;
    }

    @Test
    void missingLanguagesUnknownKindsBadCodesAndDanglingParentsAreAllReported() {
        List<String> problems = problemsOfCategories("""
                {"formatVersion":1,"categories":[
                  {"code":"a","kinds":["GRIPE"],"name":{"zh-CN":"甲","en":""}},
                  {"code":"Bad Code","name":{"zh-CN":"乙","en":"B"}},
                  {"code":"c","parent":"zzz","name":{"en":"C"}},
                  {"code":"a","name":{"zh-CN":"甲","en":"A"}}
                ]}""");
        String all = String.join("\n", problems);
        assertTrue(all.contains("kinds: not a TicketKind"), all);
        assertTrue(all.contains("label without en text"), all);
        assertTrue(all.contains("label without zh-CN text"), all);
        assertTrue(all.contains("Bad Code"), all);
        assertTrue(all.contains("zzz is not a category listed before it"), all);
        assertTrue(all.contains("a appears twice"), all);
    }
}
