package io.kefu.platform.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.kefu.platform.config.KefuConfig;

/**
 * The data source behind Payara's connection pool ({@code java:app/jdbc/kefu}, declared in the
 * WAR's web.xml). It reads {@link KefuConfig} when the pool opens a connection, so one build runs
 * on the embedded H2 file or on PostgreSQL without editing server configuration. On PostgreSQL it
 * creates the configured database when it does not exist yet.
 */
public class KefuDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(KefuDataSource.class.getName());
    private static final Pattern SAFE_DATABASE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Object CREATE_LOCK = new Object();
    private static volatile boolean databaseChecked;

    private PrintWriter logWriter;
    /** Set from the data source's {@code applicationName} property in web.xml: which pool a backend serves, in pg_stat_activity. */
    private String applicationName;
    private int loginTimeout;

    @Override
    public Connection getConnection() throws SQLException {
        String url = KefuConfig.effectiveDbUrl();
        Properties props = connectionProperties(url, applicationName);
        if (!databaseChecked && url.startsWith("jdbc:postgresql:")) {
            synchronized (CREATE_LOCK) {
                if (!databaseChecked) {
                    createPostgresDatabaseIfMissing(url, props);
                    databaseChecked = true;
                }
            }
        }
        return open(url, props);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    /**
     * Credentials, and on PostgreSQL {@code reWriteBatchedInserts}: the driver sends a JDBC batch
     * of inserts (the service standards' timeline entries and clocks, written a page at a time)
     * as multi-row INSERTs instead of one statement each; and the pool's name as the backend's
     * {@code application_name}, so that an operator sees in {@code pg_stat_activity} which backends
     * serve requests and which the SLA sweep. A parameter in the URL wins, so an installation can
     * switch either off ({@code ?reWriteBatchedInserts=false}).
     */
    static Properties connectionProperties(String url, String applicationName) {
        Properties props = credentials();
        if (url.startsWith("jdbc:postgresql:")) {
            props.setProperty("reWriteBatchedInserts", "true");
            if (applicationName != null) {
                props.setProperty("ApplicationName", applicationName);
            }
        }
        return props;
    }

    public String getApplicationName() {
        return applicationName;
    }

    /** Called by the container with the {@code applicationName} property of the data source's declaration. */
    public void setApplicationName(String applicationName) {
        this.applicationName = applicationName;
    }

    private static Properties credentials() {
        Properties props = new Properties();
        KefuConfig.dbUser().ifPresent(u -> props.setProperty("user", u));
        KefuConfig.dbPassword().ifPresent(p -> props.setProperty("password", p));
        return props;
    }

    private static Connection open(String url, Properties props) throws SQLException {
        // The drivers live in the application (PostgreSQL) or in Payara (H2); ask them directly so
        // that DriverManager's caller-class-loader check cannot hide the application's driver.
        if (url.startsWith("jdbc:postgresql:")) {
            Connection c = new org.postgresql.Driver().connect(url, props);
            if (c == null) {
                throw new SQLException("PostgreSQL driver refused URL " + url);
            }
            return c;
        }
        if (url.startsWith("jdbc:h2:")) {
            return org.h2.Driver.load().connect(url, props);
        }
        return DriverManager.getConnection(url, props);
    }

    /** {@code jdbc:postgresql://host:port/kefu?x=y}: connect to the maintenance database and create {@code kefu}. */
    static void createPostgresDatabaseIfMissing(String url, Properties props) throws SQLException {
        try (Connection ignored = open(url, props)) {
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                throw e;
            }
        }
        String database = databaseName(url);
        if (!SAFE_DATABASE.matcher(database).matches()) {
            throw new SQLException("Database " + database + " does not exist and its name is not one Kefu creates automatically");
        }
        String maintenance = url.replaceFirst("/" + Pattern.quote(database) + "(\\?|$)", "/postgres$1");
        try (Connection c = open(maintenance, props); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
            LOG.info("Created PostgreSQL database " + database);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another node
                throw e;
            }
        }
    }

    static String databaseName(String url) {
        String rest = url.substring(url.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String db = rest.substring(slash + 1);
        int q = db.indexOf('?');
        return q < 0 ? db : db.substring(0, q);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return LOG;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
