package io.kefu.platform.json;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;

/**
 * The static factory methods of {@link jakarta.json.Json}, served by one provider looked up once.
 * <p>
 * Why not {@code Json} itself: every {@code Json.createObjectBuilder()} calls
 * {@code JsonProvider.provider()}, which with the JSON-P API bundled in Payara runs a
 * {@code ServiceLoader} lookup through the web application's class loader (jar scans,
 * {@code ZipFile.getEntry}) on each call. A ticket's JSON takes dozens of builders, and the
 * 2026-12-01 profile found 30 % of a ticket list's time in those lookups. The provider (Parsson
 * in Payara) is stateless apart from its thread-safe buffer pool, so one instance serves all
 * threads and tenants. Kefu code builds JSON through this class, never through {@code Json}.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    /** The provider itself, for factories not mirrored here. */
    public static JsonProvider provider() {
        return PROVIDER;
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder starting with every member of {@code object}. */
    public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    /** Parses a JSON object held in a string (a stored document, an event's data). */
    public static JsonObject readObject(String json) {
        try (JsonReader r = PROVIDER.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(int value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(long value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(double value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(BigDecimal value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(BigInteger value) {
        return PROVIDER.createValue(value);
    }
}
