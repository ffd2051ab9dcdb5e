package io.kefu.tenantadmin.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.plugin.PluginDocuments;

/** The general demo tenant's data follows the rules of a plugin's demo.json, and has something in every queue. */
class GeneralDemoTest {

    private final JsonObject demo = Jsons.createReader(new StringReader(DemoTenants.generalDemo())).readObject();

    @Test
    void isAValidDemoDocument_withoutCategories() {
        assertEquals(List.of(), PluginDocuments.demoProblems(demo, "general-demo.json", Set.of()));
    }

    @Test
    void fillsTheQueues_inBothLanguages() {
        List<JsonObject> tickets = demo.getJsonArray("tickets").stream().map(JsonValue::asJsonObject).toList();
        for (String status : List.of("NEW", "ASSIGNED", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "CLOSED")) {
            assertTrue(tickets.stream().anyMatch(t -> t.getString("status").equals(status)), "a ticket in " + status);
        }
        assertTrue(tickets.stream().anyMatch(t -> t.getString("kind").equals("COMPLAINT") && !t.getString("status").startsWith("RESOLVED")));
        assertTrue(tickets.stream().anyMatch(t -> t.getString("subject").codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)));
        assertTrue(tickets.stream().anyMatch(t -> t.getString("subject").chars().allMatch(c -> c < 128)));
    }
}
