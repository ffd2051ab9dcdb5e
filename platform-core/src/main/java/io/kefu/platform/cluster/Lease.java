package io.kefu.platform.cluster;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.kefu.platform.tenant.persistence.PlatformSchema;

/** Who runs a cluster-wide job until when. */
@Entity
@Table(name = "scheduler_lease", schema = PlatformSchema.NAME)
public class Lease {

    @Id
    @Column(name = "name")
    private String name;

    @Column(name = "holder", nullable = false)
    private String holder;

    @Column(name = "lease_until", nullable = false)
    private OffsetDateTime leaseUntil;

    protected Lease() {
    }

    Lease(String name, String holder, OffsetDateTime until) {
        this.name = name;
        this.holder = holder;
        this.leaseUntil = until;
    }

    public String holder() {
        return holder;
    }

    public OffsetDateTime leaseUntil() {
        return leaseUntil;
    }
}
