package io.kefu.ui.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class EditMergeTest {

    private static Map<String, JsonValue> values(Object... kv) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] == null ? null : Json.createValue((String) kv[i + 1]));
        }
        return m;
    }

    @Test
    void aFieldBothChanged_differently_isAConflict_withBaseTheirsAndMine() {
        Map<String, JsonValue> base = values("subject", "Parcel late", "priority", "NORMAL", "fields.waybill", "SF1");
        Map<String, JsonValue> theirs = values("subject", "Parcel lost", "priority", "HIGH", "fields.waybill", "SF1");
        Map<String, JsonValue> mine = values("subject", "Parcel damaged", "fields.waybill", "SF2");

        List<EditMerge.Conflict> conflicts = EditMerge.conflicts(base, theirs, mine);

        assertEquals(List.of(new EditMerge.Conflict("subject", Json.createValue("Parcel late"), Json.createValue("Parcel lost"),
                Json.createValue("Parcel damaged"))), conflicts);
    }

    @Test
    void bothChangedToTheSameValue_orOnlyOneSideChanged_isNoConflict() {
        Map<String, JsonValue> base = values("subject", "a", "priority", "NORMAL");
        Map<String, JsonValue> theirs = values("subject", "b", "priority", "HIGH");
        Map<String, JsonValue> mine = values("subject", "b", "description", "new text");

        assertEquals(List.of(), EditMerge.conflicts(base, theirs, mine));
    }

    @Test
    void clearingAValueTheyChanged_isAConflict_emptyTextCountsAsNoValue() {
        Map<String, JsonValue> base = values("description", "");
        Map<String, JsonValue> theirs = values("description", "theirs");
        Map<String, JsonValue> mine = values("description", null);

        List<EditMerge.Conflict> conflicts = EditMerge.conflicts(base, theirs, mine);

        assertEquals(1, conflicts.size());
        assertEquals(null, conflicts.get(0).base());
        assertEquals(null, conflicts.get(0).mine());
    }

    @Test
    void patch_keepsMine_dropsWhereTheirsWasChosen_withTheVersionSavedNow() {
        Map<String, JsonValue> mine = values("subject", "mine", "priority", "URGENT", "fields.waybill", "SF2", "fields.room", null);

        JsonObject patch = EditMerge.patch(mine, Map.of("subject", EditMerge.Keep.THEIRS, "fields.waybill", EditMerge.Keep.MINE), 7);

        assertEquals(Json.createObjectBuilder().add("priority", "URGENT")
                .add("fields", Json.createObjectBuilder().add("waybill", "SF2").addNull("room")).add("version", 7).build(), patch);
    }

    @Test
    void editable_flattensCoreMembersAndCustomFields() {
        JsonObject ticket = Json.createObjectBuilder().add("number", "T-1").add("subject", "s").addNull("description")
                .add("priority", "LOW").add("category", "express.tracking")
                .add("fields", Json.createObjectBuilder().add("waybill", "SF1").add("insured", true)).build();

        Map<String, JsonValue> flat = EditMerge.editable(ticket);

        assertEquals(Json.createValue("s"), flat.get("subject"));
        assertEquals(null, flat.get("description"));
        assertEquals(JsonValue.TRUE, flat.get("fields.insured"));
        assertEquals(List.of("subject", "description", "priority", "category", "fields.waybill", "fields.insured"),
                List.copyOf(flat.keySet()));
    }
}
