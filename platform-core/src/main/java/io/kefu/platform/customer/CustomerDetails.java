package io.kefu.platform.customer;

import io.kefu.platform.form.FieldValues;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A customer as shown to the current caller: contact values masked unless {@link #contactsRevealed()}
 * (which {@link Customers} allows only to supervisors and admins, and records in the audit log).
 */
public record CustomerDetails(String id, CustomerType type, String name, boolean erased, String grade,
                              CustomerStatus status, String externalId, List<Contact> contacts,
                              OffsetDateTime createdAt, OffsetDateTime updatedAt, long version,
                              boolean contactsRevealed, FieldValues.Shown fields) {

    public CustomerDetails {
        contacts = List.copyOf(contacts);
    }

    /** One contact; {@code value} masked unless the customer's contacts were revealed. */
    public record Contact(String id, ContactKind kind, DocumentType documentType, String value, String label, boolean primary) {
    }

    /** {@code fields}: the custom field values as shown to the caller. */
    static CustomerDetails of(Customer c, List<CustomerContact> contacts, boolean reveal, FieldValues.Shown fields) {
        List<Contact> shown = contacts.stream()
                .map(k -> new Contact(k.id(), k.kind(), k.documentType(),
                        reveal ? k.value() : Masking.mask(k.kind(), k.value()), k.label(), k.isPrimary()))
                .toList();
        return new CustomerDetails(c.id(), c.type(), c.name(), c.isErased(), c.grade(), c.status(), c.externalId(), shown,
                c.createdAt(), c.updatedAt(), c.version(), reveal, fields);
    }
}
