package io.kefu.platform.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/** The last ticket number handed out in a year; locked while the next one is taken. */
@Entity
@Table(name = "ticket_counter")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class TicketCounter {

    @Id
    @Column(name = "counter_year")
    private int year;

    @Column(name = "last_value", nullable = false)
    private long lastValue;

    protected TicketCounter() {
    }

    TicketCounter(int year) {
        this.year = year;
    }

    long next() {
        return ++lastValue;
    }
}
