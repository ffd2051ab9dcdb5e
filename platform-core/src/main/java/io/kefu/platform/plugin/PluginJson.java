package io.kefu.platform.plugin;

import java.io.StringReader;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import io.kefu.platform.json.Jsons;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.SidePanel;

/** JSON shapes of the plugin endpoints. Labels are sent in both languages: the client picks. */
final class PluginJson {

    private PluginJson() {
    }

    static JsonObject label(Label l) {
        return Jsons.createObjectBuilder().add("zh-CN", l.zhCN()).add("en", l.en()).build();
    }

    static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    /** A tenant's copy of a default: its own JSON plus where it came from and whether the tenant changed it. */
    static JsonObject item(PluginDefault d) {
        JsonObject content;
        try (JsonReader r = Jsons.createReader(new StringReader(d.content()))) {
            content = r.readObject();
        }
        JsonObjectBuilder origin = Jsons.createObjectBuilder();
        if (d.originPlugin() == null) {
            return Jsons.createObjectBuilder(content).addNull("origin").add("updatedAt", d.updatedAt().toString()).build();
        }
        origin.add("plugin", d.originPlugin()).add("version", d.originVersion()).add("modified", !d.untouched());
        return Jsons.createObjectBuilder(content).add("origin", origin).add("updatedAt", d.updatedAt().toString()).build();
    }

    static JsonObject panel(PluginHooks.Panel p) {
        JsonArrayBuilder facts = Jsons.createArrayBuilder();
        for (SidePanel.Fact f : p.panel().facts()) {
            JsonObjectBuilder b = Jsons.createObjectBuilder().add("label", label(f.label())).add("value", f.value());
            if (f.at() == null) {
                b.addNull("at");
            } else {
                b.add("at", f.at().toString());
            }
            facts.add(b);
        }
        return Jsons.createObjectBuilder().add("plugin", p.pluginId()).add("title", label(p.panel().title())).add("facts", facts).build();
    }

    static JsonObject outcome(TenantPlugins.Outcome o) {
        JsonObjectBuilder defaults = Jsons.createObjectBuilder();
        o.defaults().forEach((kind, c) -> defaults.add(kind.name(), Jsons.createObjectBuilder()
                .add("added", strings(c.added())).add("updated", strings(c.updated())).add("kept", strings(c.kept()))));
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("plugin", o.pluginId());
        if (o.fromVersion() == null) {
            b.addNull("fromVersion");
        } else {
            b.add("fromVersion", o.fromVersion());
        }
        return b.add("version", o.toVersion()).add("defaults", defaults)
                .add("documentsApplied", strings(o.documentsApplied()))
                .add("documentsPending", strings(o.documentsPending())).build();
    }
}
