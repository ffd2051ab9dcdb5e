package io.kefu.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.kefu.db.SchemaMigrator;
import io.kefu.db.SchemaMigrator.SchemaName;
import io.kefu.db.TenantUpgrades;

/**
 * Tenants at scale on PostgreSQL: provisioning one by one through the REST API against the same
 * DDL through plain JDBC; upgrading N tenant schemas with one new changeset through Kefu's
 * TenantUpgrades (one schema at a time, each on a fresh connection) against the same DDL through
 * plain JDBC done the same way; and the memory of one PostgreSQL backend as it touches more schemas, which is why
 * Kefu recycles connections.
 */
final class TenantsScenario {

    private final Options o;

    TenantsScenario(Options o) {
        this.o = o;
    }

    String provisioning() throws Exception {
        String base = o.get("url", "http://127.0.0.1:18990");
        String jdbc = o.require("jdbc");
        int[] counts = o.getInts("provision", new int[] {10, 30, 100});
        KefuClient operator = KefuClient.operator(base, o.require("operator-password"));
        StringBuilder md = new StringBuilder("## Tenant provisioning, one by one (bench/run.sh → TenantsScenario)\n\n");
        md.append("Each tenant through `POST /api/v1/tenants` (claim the code, create and migrate its schema with Liquibase, create its "
                + "admin, activate), one after another, against the same tenant DDL replayed through plain JDBC (the schema of the first "
                + "provisioned tenant as `pg_dump --schema-only` prints it), one after another, in the same run. CPU is the whole "
                + "machine's busy time (/proc/stat: server, PostgreSQL, load generator) per tenant over each batch.\n\n");
        md.append("| tenants provisioned | Kefu ms/tenant (median) | Kefu p99 ms | JDBC DDL ms/tenant (median) | Kefu ÷ JDBC "
                + "| CPU ms/tenant: Kefu | CPU ms/tenant: JDBC |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        String ddl = null;
        int done = 0;
        List<String> xs = new ArrayList<>();
        double[] kefu = new double[counts.length], plain = new double[counts.length];
        for (int ci = 0; ci < counts.length; ci++) {
            List<Long> times = new ArrayList<>();
            double cpu0 = Stats.machineCpuSeconds();
            for (; done < counts[ci]; done++) {
                long t0 = System.nanoTime();
                operator.provisionTenant(String.format("prov%05d", done), "express", "bench-admin-1");
                times.add((System.nanoTime() - t0) / 1000);
            }
            double kefuCpu = Stats.machineCpuSeconds() - cpu0;
            if (ddl == null) {
                ddl = dumpSchema(jdbc, "t_prov00000");
            }
            List<Long> ddlTimes = new ArrayList<>();
            double ddlCpu0 = Stats.machineCpuSeconds();
            try (Connection c = DriverManager.getConnection(jdbc)) {
                for (int i = 0; i < times.size(); i++) {
                    String schema = String.format("t_ddl%d_%05d", ci, i);
                    long t0 = System.nanoTime();
                    try (Statement st = c.createStatement()) {
                        st.execute(ddl.replace("t_prov00000", schema));
                    }
                    ddlTimes.add((System.nanoTime() - t0) / 1000);
                }
            }
            double ddlCpu = Stats.machineCpuSeconds() - ddlCpu0;
            long[] k = times.stream().mapToLong(Long::longValue).toArray();
            long[] b = ddlTimes.stream().mapToLong(Long::longValue).toArray();
            Stats ks = new Stats("provision", k.length, 0, 1, k, kefuCpu);
            Stats bs = new Stats("ddl", b.length, 0, 1, b, ddlCpu);
            xs.add(Integer.toString(counts[ci]));
            kefu[ci] = ks.percentileMillis(50);
            plain[ci] = bs.percentileMillis(50);
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.1f | %.0f | %.0f |%n", counts[ci], kefu[ci], ks.percentileMillis(99), plain[ci],
                    kefu[ci] / plain[ci], ks.cpuMillisPerRequest(), bs.cpuMillisPerRequest()));
            System.err.printf(Locale.ROOT, "[bench] provisioning up to %d: %.0f ms/tenant vs DDL %.0f ms%n", counts[ci], kefu[ci], plain[ci]);
        }
        new Plot("Provisioning a tenant, by tenants already present", "tenants provisioned", "ms per tenant (median)", xs)
                .series("Kefu REST", kefu, false).series("plain JDBC DDL", plain, true)
                .write(Path.of(o.get("docs", "docs")).resolve("bench/provisioning.png"));
        md.append("\n![provisioning](bench/provisioning.png)\n\nGoal: under 1 s per tenant.\n\n");
        return md.toString();
    }

    /** How many cumulative upgrade changelogs bench/ ships (bench/upgrade-changelog-K.xml): one per measurement. */
    private static final int UPGRADE_CHANGELOGS = 8;

    String upgrades() throws Exception {
        String jdbc = o.require("jdbc");
        int[] counts = o.getInts("upgrade", new int[] {10, 100, 1000});
        int[] bounds = o.getInts("upgrade-parallelism", new int[] {1, 4});
        if (counts.length * bounds.length > UPGRADE_CHANGELOGS) {
            throw new IllegalArgumentException("at most " + UPGRADE_CHANGELOGS + " upgrade measurements (sizes × bounds)");
        }
        int widest = java.util.Arrays.stream(bounds).max().orElse(1);
        StringBuilder md = new StringBuilder("## Upgrading every tenant schema with one new changeset (bench/run.sh → TenantsScenario)\n\n");
        md.append(String.format(Locale.ROOT, "N tenant schemas are created with today's tenant changelog, then upgraded with one new changeset "
                + "(a column and an index on `ticket`) through Kefu's `TenantUpgrades`, the code start-up runs: Liquibase per schema, each "
                + "schema on a fresh connection, at most B schemas at once (`KEFU_UPGRADE_PARALLELISM`; the change-log lock is a "
                + "PostgreSQL advisory lock per schema, ADR 0003). Every measurement applies a changeset no schema has yet. The baseline "
                + "applies the same column and index through plain JDBC, each schema on a fresh connection, with the same bound B, in the "
                + "same run. CPU is the whole machine's busy time (/proc/stat) per schema.%n%n"));
        md.append("| schemas | bound B | create all (Kefu) s | upgrade all (Kefu) s | same DDL (JDBC) s | Kefu ÷ JDBC | Kefu ms/schema "
                + "| CPU ms/schema: Kefu | CPU ms/schema: JDBC |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int created = 0;
        int step = 0;
        List<String> xs = new ArrayList<>();
        double[][] up = new double[bounds.length][counts.length], dd = new double[bounds.length][counts.length];
        for (int ci = 0; ci < counts.length; ci++) {
            int n = counts[ci];
            List<SchemaName> fresh = IntStream.range(created, n).mapToObj(i -> new SchemaName(String.format("t_up%05d", i))).toList();
            // New schemas get every upgrade the older ones already have, so that each measurement adds exactly one changeset.
            String current = step == 0 ? SchemaMigrator.TENANT_CHANGELOG : "bench/upgrade-changelog-" + step + ".xml";
            TenantUpgrades.Report c = TenantUpgrades.upgradeAll(() -> DriverManager.getConnection(jdbc), fresh, current, widest, null);
            check(c);
            created = n;
            List<SchemaName> all = IntStream.range(0, n).mapToObj(i -> new SchemaName(String.format("t_up%05d", i))).toList();
            xs.add(Integer.toString(n));
            for (int bi = 0; bi < bounds.length; bi++) {
                step++;
                double cpu0 = Stats.machineCpuSeconds();
                TenantUpgrades.Report u = TenantUpgrades.upgradeAll(() -> DriverManager.getConnection(jdbc), all,
                        "bench/upgrade-changelog-" + step + ".xml", bounds[bi], null);
                double cpu = Stats.machineCpuSeconds() - cpu0;
                check(u);
                double jdbcCpu0 = Stats.machineCpuSeconds();
                long jdbcMillis = plainDdl(jdbc, all, "bench_plain_" + step, bounds[bi]);
                double jdbcCpu = Stats.machineCpuSeconds() - jdbcCpu0;
                up[bi][ci] = u.millis() / 1000.0;
                dd[bi][ci] = jdbcMillis / 1000.0;
                md.append(String.format(Locale.ROOT, "| %d | %d | %s | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f |%n", n, bounds[bi],
                        bi == 0 ? String.format(Locale.ROOT, "%.1f (new: %d, B = %d)", c.millis() / 1000.0, fresh.size(), widest) : "",
                        up[bi][ci], dd[bi][ci], up[bi][ci] / Math.max(dd[bi][ci], 0.001), (double) u.millis() / n, cpu * 1000 / n, jdbcCpu * 1000 / n));
                System.err.printf(Locale.ROOT, "[bench] upgrade %d schemas, bound %d: %.1f s vs JDBC %.1f s%n", n, bounds[bi], up[bi][ci], dd[bi][ci]);
            }
        }
        Plot plot = new Plot("Upgrading all tenant schemas with one changeset", "tenant schemas", "seconds", xs);
        for (int bi = 0; bi < bounds.length; bi++) {
            plot.series("Kefu TenantUpgrades, bound " + bounds[bi], up[bi], false);
        }
        for (int bi = 0; bi < bounds.length; bi++) {
            plot.series("plain JDBC DDL, bound " + bounds[bi], dd[bi], true);
        }
        plot.write(Path.of(o.get("docs", "docs")).resolve("bench/upgrade.png"));
        md.append("\n![upgrade](bench/upgrade.png)\n\nGoal: 1,000 tenants in under 5 minutes.\n\n");
        md.append(catalogMemory(jdbc, created, o.getInts("memory-schemas", new int[] {10000})[0]));
        return md.toString();
    }

    /** Kefu's pool replaces a physical connection after this many uses (fish.payara.max-connection-usage-count). */
    private static final int CONNECTION_USES = 2000;

    /**
     * Memory of one backend that touches more and more schemas, against a fresh backend. Schemas
     * beyond the {@code upgraded} full ones are made up to {@code schemas} with only the two tables
     * the probe reads, copied with their indexes (LIKE ... INCLUDING ALL): what a backend caches is
     * what it touches.
     */
    private String catalogMemory(String jdbc, int upgraded, int schemas) throws SQLException, java.io.IOException {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (int i = upgraded; i < schemas; i++) {
                String s = String.format("t_up%05d", i);
                st.execute("create schema " + s);
                st.execute("create table " + s + ".ticket (like t_up00000.ticket including all)");
                st.execute("create table " + s + ".ticket_event (like t_up00000.ticket_event including all)");
                // One transaction per 100 schemas: PostgreSQL's lock table holds a transaction's locks.
                if (i % 100 == 99) {
                    c.commit();
                }
            }
            c.commit();
        }
        if (schemas > upgraded) {
            System.err.printf(Locale.ROOT, "[bench] %d more schemas for the memory probe in %d s%n", schemas - upgraded, (System.nanoTime() - t0) / 1_000_000_000);
        }
        StringBuilder md = new StringBuilder("### Memory of one PostgreSQL backend by tenant schemas it has touched\n\n");
        md.append(String.format(Locale.ROOT, "One connection reads one row from `ticket` joined to `ticket_event` in each schema in turn; after "
                + "each step the backend reports its own memory (`pg_backend_memory_contexts`). The baseline is a fresh connection that "
                + "touched one schema. The first %,d schemas are the full tenant schemas upgraded above; the rest, up to %,d, hold only "
                + "the two tables the probe reads, with their indexes (a backend caches what it touches). Nothing ever frees this "
                + "memory while the connection lives, which is why Kefu migrates each schema on its own connection and its pool replaces "
                + "a connection after %,d uses: a request works for one tenant, so a pooled connection has touched at most %,d "
                + "schemas, whatever the number of tenants (the bolded row is that ceiling).%n%n", upgraded, schemas, CONNECTION_USES,
                CONNECTION_USES));
        md.append("| schemas touched | backend memory MB | of which CacheMemoryContext MB | × fresh backend |\n|---:|---:|---:|---:|\n");
        double fresh;
        try (Connection c = DriverManager.getConnection(jdbc)) {
            touch(c, 0);
            fresh = memory(c)[0];
        }
        List<String> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc)) {
            int touched = 0;
            for (int step : new int[] {1, 10, 100, 1000, CONNECTION_USES, 5000, 10000}) {
                if (step > schemas) {
                    break;
                }
                for (; touched < step; touched++) {
                    touch(c, touched);
                }
                double[] m = memory(c);
                xs.add(Integer.toString(step));
                ys.add(m[0]);
                String b = step == CONNECTION_USES ? "**" : "";
                md.append(String.format(Locale.ROOT, "| %s%,d%s | %s%.1f%s | %.1f | %.1f |%n", b, step, b, b, m[0], b, m[1], m[0] / fresh));
            }
        }
        new Plot("One PostgreSQL backend: memory by schemas touched", "schemas touched", "MB", xs)
                .series("backend memory", ys.stream().mapToDouble(Double::doubleValue).toArray(), false)
                .write(Path.of(o.get("docs", "docs")).resolve("bench/backend-memory.png"));
        md.append("\n![backend memory](bench/backend-memory.png)\n\n");
        return md.toString();
    }

    private static void touch(Connection c, int i) throws SQLException {
        String s = String.format("t_up%05d", i);
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select t.id from " + s + ".ticket t left join " + s + ".ticket_event e on e.ticket_id = t.id limit 1")) {
            rs.next();
        }
    }

    private static double[] memory(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select sum(total_bytes), sum(total_bytes) filter (where name = 'CacheMemoryContext' or parent = 'CacheMemoryContext')"
                        + " from pg_backend_memory_contexts")) {
            rs.next();
            return new double[] {rs.getLong(1) / 1048576.0, rs.getLong(2) / 1048576.0};
        }
    }

    private static long plainDdl(String jdbc, List<SchemaName> schemas, String column, int parallelism) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (SchemaName s : schemas) {
                fs.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement()) {
                        st.execute("alter table " + s.value() + ".ticket add column " + column + " varchar(20)");
                        st.execute("create index ix_" + column + " on " + s.value() + ".ticket (" + column + ")");
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void check(TenantUpgrades.Report r) {
        if (!r.allSucceeded()) {
            throw new IllegalStateException(r.failures().size() + " schemas failed, first: " + r.failures().get(0));
        }
    }

    /** The schema's DDL as pg_dump prints it (pg_dump from PATH, same server). */
    static String dumpSchema(String jdbc, String schema) throws Exception {
        return dumpSchema(jdbc, schema, false);
    }

    /** The schema's DDL, and with {@code data} its rows as INSERT statements, as pg_dump prints them. */
    static String dumpSchema(String jdbc, String schema, boolean data) throws Exception {
        java.net.URI u = java.net.URI.create(jdbc.substring("jdbc:".length()));
        String db = u.getPath().substring(1);
        String user = "postgres";
        if (u.getQuery() != null) {
            for (String kv : u.getQuery().split("&")) {
                if (kv.startsWith("user=")) {
                    user = kv.substring(5);
                }
            }
        }
        Process p = new ProcessBuilder("pg_dump", data ? "--inserts" : "--schema-only", "--no-owner", "--no-privileges", "-h", u.getHost(),
                "-p", Integer.toString(u.getPort() < 0 ? 5432 : u.getPort()), "-U", user, "-n", schema, db).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pg_dump failed: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        // psql meta-commands (\restrict in newer pg_dump) are not SQL.
        return out.lines().filter(l -> !l.startsWith("\\")).reduce("", (a, b) -> a + b + "\n");
    }
}
