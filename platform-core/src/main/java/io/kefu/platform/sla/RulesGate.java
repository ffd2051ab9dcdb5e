package io.kefu.platform.sla;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import io.kefu.db.SchemaLockService;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * Orders a tenant's rule and calendar changes with the transactions that evaluate tickets
 * against the rules (ADR 0012, ninth amendment). A ticket created, or changed, by a
 * transaction that read the rules before a change committed and that itself commits after the
 * change's re-evaluation passed its id would keep the old rule's targets: the pages lock the
 * tickets they see, and an uncommitted ticket is not seen. So an evaluation holds the gate
 * shared from before it reads the rules until it commits ({@link #hold}), and a change closes
 * it ({@link #close}): it waits for the evaluations in flight, which the re-evaluation then
 * finds committed, and the evaluations that come after it wait for it to commit and read the
 * new rules.
 * <p>
 * A transaction-level advisory lock of PostgreSQL, keyed by the tenant's schema: in the lock
 * manager's memory, database-wide (every node), nothing written to a table. Evaluations share
 * it, so they never wait for each other. It cannot deadlock: a change takes it first, before
 * it writes anything, and waits for nothing else that an evaluation can hold (it writes rules,
 * calendars, their versions and the audit log, which evaluations only read or append to). An
 * evaluation that takes it after locking tickets (a page, the sweep, a ticket change) may wait
 * behind a change waiting for another evaluation; PostgreSQL's deadlock check lets a shared
 * request go ahead of a waiting exclusive one when that is what blocks.
 * <p>
 * H2, embedded and single-node, has no such lock: there the gate is open, and the race it
 * closes (a ticket evaluated within the milliseconds of a rule change's commit) stays possible.
 */
@ApplicationScoped
public class RulesGate {

    /** The first key of the gate's advisory locks ("SLAg"), apart from the schema locks' ("Kefu"). */
    public static final int KEY_SPACE = 0x534C4167;

    @Inject
    TenantPersistence data;

    @Inject
    TenantContext tenants;

    /** Holds the gate shared until the transaction ends: the rules read after this are the ones every later change waits for. */
    public void hold() {
        lock("select pg_advisory_xact_lock_shared(?, ?)");
    }

    /** Closes the gate until the transaction ends, after every evaluation in flight has committed or rolled back. */
    public void close() {
        lock("select pg_advisory_xact_lock(?, ?)");
    }

    private void lock(String sql) {
        if (!data.postgres()) {
            return;
        }
        try (PreparedStatement ps = data.connection().prepareStatement(sql)) {
            ps.setInt(1, KEY_SPACE);
            ps.setInt(2, key(tenants.require().schemaName().value()));
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new PersistenceException("Taking the service standards' gate failed", e);
        }
    }

    /** The second key: the schema's, as its change-log lock keys it. Two tenants sharing one only wait for each other's changes, never cross data. */
    public static int key(String schema) {
        return SchemaLockService.key(schema);
    }
}
