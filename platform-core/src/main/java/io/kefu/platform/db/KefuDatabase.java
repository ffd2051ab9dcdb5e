package io.kefu.platform.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The container resources platform-core needs, looked up by name. {@code @Resource} injection is
 * not processed for classes in the WAR's library jars on Payara, so these are looked up once.
 */
@ApplicationScoped
public class KefuDatabase {

    /**
     * The connection pools, both declared in the WAR's web.xml over the same database. The
     * service standards' sweep has a small one of its own: a PostgreSQL backend caches the
     * catalog of every tenant schema it touches, a sweep pass touches hundreds of tenants, and
     * on the shared pool (which replaces a connection after 2,000 uses to bound that cache for
     * request work) a sweep over 1,000 tenants due landed on a fresh backend every second pass
     * and loaded each schema's catalog again, about doubling the database's work for that pass
     * (ADR 0012, docs/benchmarks.md).
     */
    public enum Pool {
        /** Requests, the JPA persistence unit, everything but the sweep. */
        SHARED("java:app/jdbc/kefu"),
        /** The SLA sweep's visits to tenants. */
        SWEEP("java:app/jdbc/kefu-sweep");

        private final String jndiName;

        Pool(String jndiName) {
            this.jndiName = jndiName;
        }

        public String jndiName() {
            return jndiName;
        }
    }

    // Read on every connection taken; a concurrent map needs no lock once both are looked up.
    private final Map<Pool, DataSource> dataSources = new ConcurrentHashMap<>();
    private volatile TransactionSynchronizationRegistry transactions;

    public DataSource dataSource() {
        return dataSource(Pool.SHARED);
    }

    public DataSource dataSource(Pool pool) {
        return dataSources.computeIfAbsent(pool, p -> lookup(p.jndiName()));
    }

    public TransactionSynchronizationRegistry transactions() {
        if (transactions == null) {
            transactions = lookup("java:comp/TransactionSynchronizationRegistry");
        }
        return transactions;
    }

    private static <T> T lookup(String name) {
        try {
            return InitialContext.doLookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("Container resource " + name + " is missing", e);
        }
    }
}
