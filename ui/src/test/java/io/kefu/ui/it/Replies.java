package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.kefu.ui.it.Api.Reply;

/** What the ITs assert of an API reply: success, a problem with its stable code, its field errors. */
final class Replies {

    private Replies() {
    }

    /** The reply, after asserting 200 OK. */
    static Reply ok(Reply r) {
        assertEquals(200, r.status(), r::toString);
        return r;
    }

    /** The created resource, after asserting 201 Created. */
    static JsonObject created(Reply r) {
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    /** A problem+json body with this status and stable code, and a title. */
    static void assertProblem(Reply r, int status, String code) {
        assertEquals(status, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("application/problem+json"), r::toString);
        assertEquals(code, r.string("code"), r::toString);
        assertFalse(JsonValue.NULL.equals(r.json().get("title")), r::toString);
    }

    /** The field errors of a 400 input.invalid problem, field to code, in the order given. */
    static Map<String, String> fieldErrors(Reply r) {
        assertProblem(r, 400, "input.invalid");
        Map<String, String> m = new LinkedHashMap<>();
        r.json().getJsonArray("errors").forEach(e -> m.put(e.asJsonObject().getString("field"), e.asJsonObject().getString("code")));
        return m;
    }
}
