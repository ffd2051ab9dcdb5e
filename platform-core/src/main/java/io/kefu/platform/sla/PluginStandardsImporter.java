package io.kefu.platform.sla;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.plugin.PluginDefaultsImporter;
import io.kefu.platform.team.AssignmentStrategy;
import io.kefu.platform.team.TeamRequests;
import io.kefu.platform.team.Teams;

/**
 * A plugin's {@code standards.json} into the bound tenant. The tenant's calendars and rules stay
 * as they are; the plugin's calendars and rules whose codes the tenant lacks are added (an
 * import replaces everything, so the tenant's document is merged with the missing ones first).
 * A team that a breach action reassigns to and the tenant lacks is created empty, with manual
 * assignment, for the tenant admin to staff: a rule must not point at nothing.
 */
@ApplicationScoped
public class PluginStandardsImporter implements PluginDefaultsImporter {

    @Inject
    ServiceStandards standards;

    @Inject
    Teams teams;

    @Override
    public String kind() {
        return "standards";
    }

    @Override
    public void importDocument(String json) {
        JsonObject offered = read(json);
        JsonObject current = read(standards.exportDocument());
        JsonArray calendars = merge(current.getJsonArray("calendars"), offered.getJsonArray("calendars"));
        JsonArray rules = merge(current.getJsonArray("standards"), offered.getJsonArray("standards"));
        if (calendars.size() == sizeOf(current.getJsonArray("calendars")) && rules.size() == sizeOf(current.getJsonArray("standards"))) {
            return;
        }
        for (JsonValue r : rules) {
            JsonArray actions = r.asJsonObject().getJsonArray("onBreach");
            if (actions == null) {
                continue;
            }
            for (JsonValue a : actions) {
                JsonObject action = a.asJsonObject();
                String team = action.getString("team", null);
                if ("REASSIGN".equals(action.getString("action", "")) && team != null && teams.find(team).isEmpty()) {
                    teams.create(new TeamRequests.New(team, "升级处理 Escalations (" + team + ")",
                            "Created for the service standards of an industry plugin; add members. 为行业插件的服务标准创建，请添加成员。",
                            AssignmentStrategy.MANUAL));
                }
            }
        }
        standards.importDocument(Jsons.createObjectBuilder().add("formatVersion", 1).add("calendars", calendars).add("standards", rules).build());
    }

    private static JsonArray merge(JsonArray have, JsonArray offered) {
        JsonArrayBuilder out = Jsons.createArrayBuilder();
        Set<String> codes = new HashSet<>();
        if (have != null) {
            for (JsonValue v : have) {
                out.add(v);
                codes.add(v.asJsonObject().getString("code", ""));
            }
        }
        if (offered != null) {
            for (JsonValue v : offered) {
                if (v instanceof JsonObject o && codes.add(o.getString("code", ""))) {
                    out.add(o);
                }
            }
        }
        return out.build();
    }

    private static int sizeOf(JsonArray a) {
        return a == null ? 0 : a.size();
    }

    private static JsonObject read(String json) {
        try (JsonReader r = Jsons.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
