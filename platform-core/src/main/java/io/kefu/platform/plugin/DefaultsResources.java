package io.kefu.platform.plugin;

import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.NotFoundException;

/**
 * Shared reading of one kind of tenant default for the five read endpoints
 * ({@code /categories}, {@code /canned-replies}, {@code /knowledge}, {@code /emergency-plans},
 * {@code /kpis}). Each reads only the bound tenant's schema: another tenant's item is not found.
 */
final class DefaultsResources {

    private DefaultsResources() {
    }

    static <T extends PluginDefault> JsonObject list(TenantPlugins plugins, Class<T> type) {
        List<T> all = plugins.all(type);
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        all.forEach(d -> items.add(PluginJson.item(d)));
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    static <T extends PluginDefault> JsonObject one(TenantPlugins plugins, Class<T> type, String code, String notFound) {
        return PluginJson.item(plugins.one(type, code).orElseThrow(() -> new NotFoundException(notFound, code)));
    }
}
