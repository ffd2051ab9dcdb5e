package io.kefu.platform.db;

import java.util.EnumMap;
import java.util.Map;

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

    /** Declared in the WAR's web.xml. */
    public static final String JNDI_NAME = Pool.SHARED.jndiName;

    /**
     * The connection pools, both declared in the WAR's web.xml over the same database. The
     * service standards' sweep has a small one of its own: a PostgreSQL backend caches the
     * catalog of every tenant schema it touches, a sweep pass touches hundreds of tenants, and
     * on the shared pool (which replaces a connection after 2,000 uses to bound that cache for
     * request work) the sweep kept landing on fresh backends and paid for the catalog again on
     * every visit (ADR 0012, docs/benchmarks.md).
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

    private final Map<Pool, DataSource> dataSources = new EnumMap<>(Pool.class);
    private volatile TransactionSynchronizationRegistry transactions;

    public DataSource dataSource() {
        return dataSource(Pool.SHARED);
    }

    public DataSource dataSource(Pool pool) {
        synchronized (dataSources) {
            return dataSources.computeIfAbsent(pool, p -> lookup(p.jndiName()));
        }
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
