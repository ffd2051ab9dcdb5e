package io.kefu.platform.form;

import java.io.StringReader;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.plugin.PluginDefaultsImporter;

/**
 * A plugin's {@code forms.json} into the bound tenant: only the forms the tenant does not have
 * yet (by key, retired ones included) are imported, so a tenant's own changes to a form, or its
 * decision to retire one, survive re-enabling and plugin upgrades. New forms of a newer plugin
 * version arrive; changed ones are left for the tenant admin to take over by hand.
 */
@ApplicationScoped
public class PluginFormsImporter implements PluginDefaultsImporter {

    @Inject
    FormDefinitions forms;

    @Override
    public String kind() {
        return "forms";
    }

    @Override
    public void importDocument(String json) {
        Set<String> have = forms.list().stream().map(s -> s.record().key()).collect(Collectors.toSet());
        JsonObject doc;
        try (JsonReader r = Jsons.createReader(new StringReader(json))) {
            doc = r.readObject();
        }
        JsonArrayBuilder missing = Jsons.createArrayBuilder();
        int n = 0;
        for (JsonValue v : doc.getJsonArray("forms")) {
            if (v instanceof JsonObject f && !have.contains(f.getString("key", ""))) {
                missing.add(f);
                n++;
            }
        }
        if (n > 0) {
            forms.importDocument(Jsons.createObjectBuilder(doc).add("forms", missing).build().toString());
        }
    }
}
