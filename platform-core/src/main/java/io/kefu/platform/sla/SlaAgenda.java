package io.kefu.platform.sla;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.kefu.platform.tenant.persistence.PlatformSchema;

/**
 * Per tenant, the earliest instant one of its clocks may need a warning or a breach (null:
 * none). Lowered whenever a clock changes; set exactly by the sweep after it visited the tenant.
 * Also the tenant's pending re-evaluation, if any: the latest request's token and the instant
 * after which the sweep takes it over ({@link Agenda#requestReevaluation}).
 */
@Entity
@Table(name = "sla_agenda", schema = PlatformSchema.NAME)
public class SlaAgenda {

    @Id
    @Column(name = "tenant_code")
    private String tenantCode;

    @Column(name = "next_due_at")
    private OffsetDateTime nextDueAt;

    @Column(name = "reevaluation_request")
    private String reevaluationRequest;

    @Column(name = "reevaluation_due")
    private OffsetDateTime reevaluationDue;

    protected SlaAgenda() {
    }

    SlaAgenda(String tenantCode) {
        this.tenantCode = tenantCode;
    }

    void settle(OffsetDateTime next) {
        nextDueAt = next;
    }

    void requestReevaluation(String token, OffsetDateTime due) {
        reevaluationRequest = token;
        reevaluationDue = due;
    }

    void holdReevaluationUntil(OffsetDateTime due) {
        reevaluationDue = due;
    }

    public String tenantCode() {
        return tenantCode;
    }

    public OffsetDateTime nextDueAt() {
        return nextDueAt;
    }

    public String reevaluationRequest() {
        return reevaluationRequest;
    }

    public OffsetDateTime reevaluationDue() {
        return reevaluationDue;
    }
}
