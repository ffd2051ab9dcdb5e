package io.kefu.platform.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The installation's settings. Each comes from a system property ({@code kefu.db.url}) or else an
 * environment variable ({@code KEFU_DB_URL}), or else a documented default (see README).
 * System properties win so that tests and several instances on one host can differ.
 */
public final class KefuConfig {

    private KefuConfig() {
    }

    /** JDBC URL; empty means the embedded H2 database under {@link #dataDir()}. */
    public static Optional<String> dbUrl() {
        return value("kefu.db.url", "KEFU_DB_URL");
    }

    public static Optional<String> dbUser() {
        return value("kefu.db.user", "KEFU_DB_USER");
    }

    public static Optional<String> dbPassword() {
        return value("kefu.db.password", "KEFU_DB_PASSWORD");
    }

    /** Where Kefu keeps files: the embedded database, later attachments. Default {@code ./data}. */
    public static Path dataDir() {
        return value("kefu.data.dir", "KEFU_DATA_DIR").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.dir"), "data"))
                .toAbsolutePath().normalize();
    }

    /** The operator's password; when absent one is generated at first start and printed once. */
    public static Optional<String> operatorPassword() {
        return value("kefu.operator.password", "KEFU_OPERATOR_PASSWORD");
    }

    /** Demo tenants are created on the embedded database unless {@code KEFU_DEMO=false}. */
    public static boolean demoEnabled() {
        return value("kefu.demo", "KEFU_DEMO").map(v -> !v.equalsIgnoreCase("false")).orElse(true);
    }

    /** How often resolved tickets are checked for auto-closing, in seconds (default 300). */
    public static long autoClosePeriodSeconds() {
        return value("kefu.autoclose.period.seconds", "KEFU_AUTOCLOSE_PERIOD_SECONDS").map(Long::parseLong).orElse(300L);
    }

    /**
     * How often the service standards' sweep looks for due warnings and breaches, in seconds
     * (default 30). One node of the cluster sweeps at a time (ADR 0008).
     */
    public static long slaSweepPeriodSeconds() {
        return value("kefu.sla.sweep.period.seconds", "KEFU_SLA_SWEEP_PERIOD_SECONDS").map(Long::parseLong).orElse(30L);
    }

    /**
     * How many tenant schemas start-up upgrades at once on PostgreSQL ({@code KEFU_UPGRADE_PARALLELISM},
     * default 4; ADR 0003). Each worker holds one database connection of its own. H2 migrates one
     * schema at a time whatever this says.
     */
    public static int upgradeParallelism() {
        return wholeNumber("kefu.upgrade.parallelism", "KEFU_UPGRADE_PARALLELISM", 1, 64).orElse(4);
    }

    /**
     * How many open tickets one transaction of a rule change's re-evaluation takes
     * ({@code KEFU_SLA_REEVALUATION_PAGE_SIZE}, default 2,000; ADR 0012). A page holds its
     * tickets' rows until it commits: smaller pages make an agent saving one of them wait less,
     * larger ones cost fewer transactions. Read at start too, so that a bad value stops it.
     */
    public static int slaReevaluationPageSize() {
        return wholeNumber("kefu.sla.reevaluation.page-size", "KEFU_SLA_REEVALUATION_PAGE_SIZE", 1, 100_000).orElse(2_000);
    }

    /**
     * How long a rule change's re-evaluation may go without finishing a page before the sweep's
     * node takes it over and runs it again ({@code KEFU_SLA_REEVALUATION_LEASE_SECONDS}, default
     * 120; ADR 0012, seventh amendment). A run pushes it on after every page, so only a run whose
     * node died or whose page failed outlives it. Read at start too, so that a bad value stops it.
     */
    public static java.time.Duration slaReevaluationLease() {
        return java.time.Duration.ofSeconds(wholeNumber("kefu.sla.reevaluation.lease-seconds", "KEFU_SLA_REEVALUATION_LEASE_SECONDS", 2, 86_400)
                .orElse(120));
    }

    /** A whole number from {@code min} to {@code max}, or a message naming the variable. */
    private static Optional<Integer> wholeNumber(String property, String env, int min, int max) {
        return value(property, env).map(v -> {
            try {
                int n = Integer.parseInt(v.trim());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s must be a whole number from %,d to %,d, not '%s'",
                    env, min, max, v));
        });
    }

    /** Largest attachment accepted, in bytes ({@code KEFU_ATTACHMENTS_MAX_BYTES}). */
    public static Optional<Long> attachmentMaxBytes() {
        return value("kefu.attachments.max-bytes", "KEFU_ATTACHMENTS_MAX_BYTES").map(Long::parseLong);
    }

    /** A folder of partner plugin JARs ({@code KEFU_PLUGINS_DIR}), each loaded in its own class loader; none by default. */
    public static Optional<Path> pluginsDir() {
        return value("kefu.plugins.dir", "KEFU_PLUGINS_DIR").map(v -> Path.of(v).toAbsolutePath().normalize());
    }

    public static boolean embeddedDatabase() {
        return dbUrl().isEmpty();
    }

    /** The JDBC URL actually used: the configured one or the embedded H2 file. */
    public static String effectiveDbUrl() {
        return dbUrl().orElseGet(() -> "jdbc:h2:file:" + dataDir().resolve("db").resolve("kefu")
                + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    static Optional<String> value(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
