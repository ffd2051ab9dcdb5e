package io.kefu.ui.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs before any test class, and so before Arquillian loads {@code arquillian.xml}: creates the
 * run's folders and, on PostgreSQL, a fresh database, and publishes them as system properties.
 * Registered in {@code META-INF/services}; does nothing outside the failsafe executions, which set
 * {@link ItEnvironment#DATABASE}.
 */
public class ItSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String database = System.getProperty(ItEnvironment.DATABASE);
        if (database != null && !database.isBlank()) {
            ItEnvironment.prepare(database.trim());
        }
    }
}
