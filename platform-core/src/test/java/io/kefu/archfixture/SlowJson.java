package io.kefu.archfixture;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Deliberately builds JSON through {@code Json}'s static factory (ArchitectureTest proves the rule fires). */
public class SlowJson {

    static JsonObject empty() {
        return Json.createObjectBuilder().build();
    }
}
