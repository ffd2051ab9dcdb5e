package io.kefu.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kefu.platform.problem.InvalidInputException;

class TenantCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "acme-logistics", "a12", "hotel-2026", "a234567890123456789012345678901"})
    void validCodesAreAccepted(String code) {
        assertEquals(code, new TenantCode(code).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Acme", "1abc", "-abc", "acme_co", "ac me", "acme;drop", "a2345678901234567890123456789012",
            "t\u00e9st", "\u5ba2\u670d\u516c\u53f8", "abc\n"})
    void invalidCodesAreRefusedNamingTheField(String code) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TenantCode(code));
        assertEquals("code", e.errors().get(0).field());
        assertEquals("tenant.code.invalid", e.errors().get(0).code());
    }

    @Test
    void reservedCodesAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TenantCode("admin"));
        assertEquals("tenant.code.reserved", e.errors().get(0).code());
    }

    @Test
    void parseTrimsAndReportsMissingInputUnderTheGivenField() {
        assertEquals("acme", TenantCode.parse("  acme ").value());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TenantCode.parse(" ", "tenant"));
        assertEquals("tenant", e.errors().get(0).field());
        assertEquals("field.required", e.errors().get(0).code());
        assertEquals("tenant", assertThrows(InvalidInputException.class, () -> TenantCode.parse("X!", "tenant")).errors().get(0).field());
    }

    @Test
    void schemaNameIsDerivedFromTheCodeOnly() {
        assertEquals("t_acme_logistics", new TenantCode("acme-logistics").schemaName().value());
        assertEquals("t_abc", new TenantCode("abc").schemaName().value());
    }

    @Test
    void differentCodesNeverShareASchema() {
        // Property: over many random valid codes, the code -> schema mapping is injective and
        // every schema name is a safe identifier (SchemaName's own check would throw otherwise).
        Random random = new Random(42);
        String first = "abcdefghijklmnopqrstuvwxyz";
        String rest = first + "0123456789-";
        Map<String, String> codeBySchema = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
            int len = 2 + random.nextInt(4);
            for (int j = 0; j < len; j++) {
                sb.append(rest.charAt(random.nextInt(rest.length())));
            }
            String code = sb.toString();
            if (code.equals("api") || code.equals("www") || code.equals("kefu")) {
                continue;
            }
            String schema = new TenantCode(code).schemaName().value();
            assertTrue(schema.matches("t_[a-z0-9_]+"), schema);
            String previous = codeBySchema.put(schema, code);
            if (previous != null) {
                assertEquals(previous, code, "two codes map to schema " + schema);
            }
        }
        assertNotEquals(new TenantCode("a-bc").schemaName(), new TenantCode("ab-c").schemaName());
    }
}
