package io.kefu.platform.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/** How a PATCH body is read: absent leaves a field alone, null clears it, anything else is refused by name. */
class PatchBodyTest {

    @Test
    void absentNullAndValueAreThreeDifferentThings() {
        CustomerChanges c = CustomersResource.changes("{\"version\": 3, \"grade\": null, \"name\": \"李伟\"}");
        assertEquals(3L, c.version());
        assertEquals(new CustomerChanges.Change("李伟"), c.name());
        assertEquals(new CustomerChanges.Change(null), c.grade());
        assertNull(c.status());
        assertNull(c.externalId());
    }

    @Test
    void theVersionIsRequiredAndWhole() {
        assertEquals(List.of(FieldError.of("version", "field.required")), errors("{\"name\": \"x\"}"));
        assertEquals(List.of(FieldError.of("version", "field.required")), errors(""));
        assertEquals(List.of(FieldError.of("version", "customer.version.invalid")), errors("{\"version\": \"3\"}"));
        assertEquals(List.of(FieldError.of("version", "customer.version.invalid")), errors("{\"version\": 3.5}"));
    }

    @Test
    void fieldsThatCannotBeChangedHereAreNamed() {
        assertEquals(List.of(FieldError.of("type", "customer.patch.unsupported", "type"),
                        FieldError.of("contacts", "customer.patch.unsupported", "contacts"),
                        FieldError.of("status", "customer.value.not-text")),
                errors("{\"version\": 1, \"type\": \"ENTERPRISE\", \"contacts\": [], \"status\": 7}"));
    }

    private static List<FieldError> errors(String body) {
        return assertThrows(InvalidInputException.class, () -> CustomersResource.changes(body)).errors();
    }
}
