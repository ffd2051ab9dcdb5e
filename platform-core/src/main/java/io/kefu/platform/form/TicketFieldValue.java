package io.kefu.platform.form;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * One typed custom field value of a ticket (see {@link FieldProjection}): text for texts, codes,
 * choices, booleans and dates; number for numbers and money amounts; time for dates and
 * date-times. Rewritten with the ticket's values, never edited.
 */
@Entity
@Table(name = "ticket_field_value")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class TicketFieldValue {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private String ticketId;

    @Column(name = "field_key", nullable = false, updatable = false)
    private String fieldKey;

    @Column(name = "text_value", updatable = false)
    private String textValue;

    @Column(name = "number_value", updatable = false)
    private BigDecimal numberValue;

    @Column(name = "time_value", updatable = false)
    private OffsetDateTime timeValue;

    protected TicketFieldValue() {
    }

    TicketFieldValue(String ticketId, String fieldKey, String textValue, BigDecimal numberValue, OffsetDateTime timeValue) {
        this.id = UUID.randomUUID().toString();
        this.ticketId = ticketId;
        this.fieldKey = fieldKey;
        this.textValue = textValue;
        this.numberValue = numberValue;
        this.timeValue = timeValue;
    }

    public String ticketId() {
        return ticketId;
    }

    public String fieldKey() {
        return fieldKey;
    }

    public String textValue() {
        return textValue;
    }

    public BigDecimal numberValue() {
        return numberValue;
    }

    public OffsetDateTime timeValue() {
        return timeValue;
    }
}
