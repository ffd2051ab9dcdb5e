package io.kefu.platform.db;

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
    public static final String JNDI_NAME = "java:app/jdbc/kefu";

    private volatile DataSource dataSource;
    private volatile TransactionSynchronizationRegistry transactions;

    public DataSource dataSource() {
        if (dataSource == null) {
            dataSource = lookup(JNDI_NAME);
        }
        return dataSource;
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
