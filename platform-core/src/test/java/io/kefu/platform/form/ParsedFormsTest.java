package io.kefu.platform.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Field;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.kefu.platform.tenant.TenantCode;

/** The parse cache of form versions is keyed by tenant too: a version id names a row in one schema only. */
class ParsedFormsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static FormVersion version(String id, String fieldKey) throws ReflectiveOperationException {
        String definition = ("{'key':'f','target':'TICKET','label':{'zh-CN':'表','en':'Form'},'fields':[{'key':'" + fieldKey
                + "','type':'TEXT'," + FormFixtures.LABEL + "}]}").replace('\'', '"');
        FormVersion v = new FormVersion("form-1", 1, definition, "admin", NOW);
        Field f = FormVersion.class.getDeclaredField("id");
        f.setAccessible(true);
        f.set(v, id);
        return v;
    }

    @Test
    void theSameVersionIdInTwoTenantsParsesEachTenantsOwnDefinition() throws ReflectiveOperationException {
        // Same row id in two schemas (e.g. a schema restored from another tenant's dump).
        FormRecord record = new FormRecord("f", FormTarget.TICKET, NOW);
        FormVersion acme = version("0b7e-same-id", "acme_only");
        FormVersion globex = version("0b7e-same-id", "globex_only");

        FormDefinitions.Stored a = FormDefinitions.stored(new TenantCode("acme"), record, acme);
        FormDefinitions.Stored g = FormDefinitions.stored(new TenantCode("globex"), record, globex);

        assertEquals("acme_only", a.form().fields().get(0).key());
        assertEquals("globex_only", g.form().fields().get(0).key());
        // And each stays cached for its own tenant.
        assertSame(a.form(), FormDefinitions.stored(new TenantCode("acme"), record, acme).form());
        assertSame(g.form(), FormDefinitions.stored(new TenantCode("globex"), record, globex).form());
    }
}
