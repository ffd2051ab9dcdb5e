package io.kefu.platform.form;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.kefu.platform.json.Jsons;

/**
 * Stored values as people see them: personal data masked unless revealed, and values of fields no
 * longer in the current definitions shown apart as retired, with the label they last had.
 */
public final class FieldValues {

    private FieldValues() {
    }

    /**
     * What the API shows: {@code fields} holds the values of the current fields, {@code retired}
     * those of retired fields as {@code {"value": ..., "label": {...}, "retired": true}}.
     */
    public record Shown(JsonObject fields, JsonObject retired) {
    }

    /**
     * @param current    the fields that apply now
     * @param stored     the stored values document (null: none)
     * @param reveal     show personal data in clear
     * @param lastDefinitionOf the last definition a retired key had, if any is still known
     */
    public static Shown show(List<FieldDefinition> current, JsonObject stored, boolean reveal,
                             Function<String, Optional<FieldDefinition>> lastDefinitionOf) {
        JsonObjectBuilder fields = Jsons.createObjectBuilder();
        JsonObjectBuilder retired = Jsons.createObjectBuilder();
        if (stored != null) {
            for (Map.Entry<String, JsonValue> e : stored.entrySet()) {
                Optional<FieldDefinition> def = current.stream().filter(f -> f.key().equals(e.getKey())).findFirst();
                if (def.isPresent()) {
                    fields.add(e.getKey(), reveal ? e.getValue() : shownValue(def.get(), e.getValue()));
                } else {
                    Optional<FieldDefinition> last = lastDefinitionOf.apply(e.getKey());
                    JsonObjectBuilder r = Jsons.createObjectBuilder()
                            .add("value", reveal || last.isEmpty() ? e.getValue() : shownValue(last.get(), e.getValue()));
                    last.ifPresentOrElse(l -> r.add("label", FormDocument.text(l.label())), () -> r.addNull("label"));
                    retired.add(e.getKey(), r.add("retired", true));
                }
            }
        }
        return new Shown(fields.build(), retired.build());
    }

    /** The value as a person without the right to personal data sees it. */
    public static JsonValue shownValue(FieldDefinition def, JsonValue value) {
        return def.effectiveMask().isPresent() ? Jsons.createValue(masked(def, value)) : value;
    }

    /** The masked text of a personal-data value (non-text values are hidden entirely). */
    static String masked(FieldDefinition def, JsonValue value) {
        Mask mask = def.effectiveMask().orElse(Mask.ALL);
        return value instanceof JsonString s ? mask.apply(s.getString()) : Mask.ALL.apply("");
    }

    /** Changed values for the audit log, by key, personal data masked (the log outlives an erasure). */
    public static Map<String, String> logged(List<FieldDefinition> defs, List<FormValidator.Change> changes, boolean before) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (FormValidator.Change c : changes) {
            FieldDefinition d = defs.stream().filter(x -> x.key().equals(c.key())).findFirst().orElse(null);
            m.put(c.key(), logged(d, before ? c.before() : c.after()));
        }
        return m;
    }

    public static String logged(FieldDefinition def, JsonValue value) {
        if (value == null) {
            return null;
        }
        return def != null && def.effectiveMask().isPresent() ? masked(def, value) : FormValidator.text(value);
    }
}
