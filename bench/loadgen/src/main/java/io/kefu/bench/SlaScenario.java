package io.kefu.bench;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;

/**
 * Service standards at scale on PostgreSQL (issue 5), each figure against a plain SQL scan of the
 * same rows in the same run:
 * <ul>
 * <li>re-evaluation: N open tickets of one tenant, then a rule's first version (clocks start for
 * all) and a changed target (every clock recomputed), each one {@code PUT
 * /api/v1/service-standards/bench} that returns when all tickets are done;</li>
 * <li>sweep: T tenants × M open tickets whose warnings all fall due at once; the time until the
 * running server's sweep (every second) has fired every one of them, each exactly once with its
 * timeline entry and notification.</li>
 * </ul>
 * Tickets and clocks are written with JDBC batches. The re-evaluation tenant is provisioned over
 * REST; the sweep's tenants are copies of a provisioned tenant: its schema's DDL as {@code
 * pg_dump} prints it, its platform row and an SLA agenda entry (all the sweep reads), because
 * provisioning 1,000 tenants over REST takes more than half an hour here.
 */
final class SlaScenario {

    private static final String[] OPEN = {"NEW", "ASSIGNED", "IN_PROGRESS", "REOPENED"};
    private static final String OPEN_SQL = "('NEW','ASSIGNED','IN_PROGRESS','PENDING_CUSTOMER','REOPENED')";
    private final Options o;

    SlaScenario(Options o) {
        this.o = o;
    }

    String run() throws Exception {
        String base = o.get("url", "http://127.0.0.1:18990");
        String jdbc = o.require("jdbc");
        String operatorPassword = o.require("operator-password");
        int[] reeval = o.getInts("reeval", new int[] {10_000, 30_000, 100_000});
        String[] sweeps = o.get("sweep", "10x1000,100x1000,1000x1000").split(",");
        // Sizes whose every warning is also fired at once (a million at 1,000 × 1,000 would take the better part of an hour).
        List<String> bursts = List.of(o.get("burst", "10x1000,100x1000").split(","));
        // The server's log, for the sweep passes it times.
        Path log = Path.of(o.require("log"));
        Path docs = Path.of(o.get("docs", "docs"));
        KefuClient operator = KefuClient.operator(base, operatorPassword);
        StringBuilder md = new StringBuilder("## Service standards: re-evaluation and sweep (bench/sla.sh → SlaScenario)\n\n");
        md.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.MINUTES)).append(" on PostgreSQL, one Kefu node (runnable "
                + "bundle, `-Xmx1g`). The baseline of each row is a plain SQL scan of the same rows in the same run: one query over "
                + "JDBC reading every row the operation reads (tickets joined to their clocks), all rows fetched. A plain set-based "
                + "UPDATE of the same clocks is shown as a second reference for the re-evaluation. CPU is the whole machine's busy "
                + "time (/proc/stat: server, PostgreSQL and this load generator, which idles while it waits) over the operation, "
                + "and over one run of its scan.\n\n");

        md.append("### Re-evaluation after a rule change\n\n");
        md.append("One tenant with N open tickets (kinds, priorities, channels and categories mixed). `PUT "
                + "/api/v1/service-standards/bench` with a first version (24x7, resolution in 8 h, warning at 75 %) starts a clock for "
                + "every ticket; seven more versions (4 h and 6 h in turn, ending on 4 h) each recompute every clock from its start. Each recomputed ticket "
                + "gets a row of history (shown on its timeline); the call returns when all pages (2,000 tickets per transaction, two "
                + "at once) are done. **rule change** is the best of the seven changes, as the scan is its best of three; the first "
                + "change, on a server whose compiler has not yet seen the path, is shown beside it (the compiler's threads used about "
                + "2 s of CPU in each of the first four changes after a start and 0.2 s by the seventh, per-thread CPU of 2026-12-03). The "
                + "clock table keeps half of each page free (fill factor 50, ADR 0012, eighth amendment) so that a recompute updates its "
                + "rows in place; a scan of it therefore reads about twice the pages a packed table would. **packed scan** is the same "
                + "query over the same rows copied into a table without that room, and the rule change's ratio to it is shown too.\n\n");
        md.append("| open tickets | plain scan ms | packed scan ms | plain UPDATE ms | first rule ms | × scan | first change ms | rule change ms | × scan "
                + "| × packed scan | × UPDATE | µs/ticket | CPU µs/ticket: rule change | CPU µs/ticket: scan | CPU ms by process: rule change |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        List<String> xs = new ArrayList<>();
        double[] scanR = new double[reeval.length], changeR = new double[reeval.length], firstR = new double[reeval.length];
        for (int i = 0; i < reeval.length; i++) {
            Reevaluation r = reevaluation(operator, base, jdbc, reeval[i], String.format("slar%d", i), i);
            md.append(r.row(String.format(Locale.ROOT, "%,d", reeval[i])));
            xs.add(String.format(Locale.ROOT, "%,d", reeval[i]));
            scanR[i] = r.scan();
            firstR[i] = r.first();
            changeR[i] = r.change();
        }
        new Plot("Re-evaluating open tickets after a rule change", "open tickets", "ms", xs)
                .series("rule change (Kefu)", changeR, false).series("first rule (Kefu)", firstR, false)
                .series("plain SQL scan", scanR, true)
                .write(docs.resolve("bench/sla-reevaluation.png"));
        md.append("\n![re-evaluation](bench/sla-reevaluation.png)\n\n");
        md.append(verdict("re-evaluation", changeR, scanR, xs));

        String template = "slat";
        operator.provisionTenant(template, "general", "bench-admin-1");
        String ddl = TenantsScenario.dumpSchema(jdbc, "t_" + template);
        List<String> bx = new ArrayList<>();
        List<Double> burstS = new ArrayList<>(), burstScan = new ArrayList<>();
        StringBuilder burstMd = new StringBuilder();
        List<String> sx = new ArrayList<>();
        double[] passS = new double[sweeps.length], scanAll = new double[sweeps.length], scanDue = new double[sweeps.length];
        double[] passAllS = new double[sweeps.length];
        StringBuilder steadyMd = new StringBuilder();
        for (int i = 0; i < sweeps.length; i++) {
            int t = Integer.parseInt(sweeps[i].split("x")[0]);
            int m = Integer.parseInt(sweeps[i].split("x")[1]);
            List<String> schemas = loadSweepTenants(jdbc, ddl, template, i, t, m);
            if (bursts.contains(sweeps[i])) {
                long[] b = burst(jdbc, schemas, i, t, m);
                bx.add(sweeps[i]);
                burstS.add((double) b[0]);
                burstScan.add((double) b[1]);
                burstMd.append(String.format(Locale.ROOT, "| %d × %,d | %,d | %d | %d | %.1f | %.0f | %.0f | %.1f |%n", t, m, (long) t * m, b[1], b[0],
                        b[0] / (double) Math.max(b[1], 1), b[0] * 1000.0 / ((long) t * m), b[2] * 1000.0 / ((long) t * m), b[3] * 1000.0 / ((long) t * m)));
            }
            // The period's work at a steady pace: the clocks run a day ahead, a few warnings fall due.
            // One transaction per schema: a transaction holding every schema's tables and indexes would
            // exceed PostgreSQL's lock table (max_locks_per_transaction) at 1,000 tenants.
            try (Connection c = DriverManager.getConnection(jdbc)) {
                try (Statement st = c.createStatement()) {
                    for (String schema : schemas) {
                        st.executeUpdate("update " + schema + ".sla_clock set warned_at = null, breached_at = null,"
                                + " warn_at = now() + interval '1 day', due_at = now() + interval '2 days', alarm_key = "
                                + warnKey("now() + interval '1 day'"));
                    }
                    st.executeUpdate("update kefu.sla_agenda set next_due_at = now() + interval '1 day' where tenant_code like 'sw" + i + "-%'");
                }
                for (String schema : schemas) {
                    analyze(c, schema);
                }
            }
            int few = Math.max(1, t / 100);
            long[] onePercent = steadyPass(jdbc, log, schemas, i, few, 0);
            // Every tenant due, three times: the first pass is PostgreSQL's first look at many of these schemas on the
            // server's pooled connections (each backend loads a schema's catalog entries on first use). The sweep visits
            // two tenants at once, on either of its two connections, so the second pass still meets about half of the
            // schemas on a backend that has not seen them, the third a quarter: the better of the two is reported, as
            // the baselines report their best of three.
            java.util.Map<String, Long> cpu0 = cpuByProcess(jdbc);
            long[] everyTenantFirst = steadyPass(jdbc, log, schemas, i, t, 1);
            java.util.Map<String, Long> cpu1 = cpuByProcess(jdbc);
            long[] everyTenant2 = steadyPass(jdbc, log, schemas, i, t, 2);
            java.util.Map<String, Long> cpu2 = cpuByProcess(jdbc);
            long[] everyTenant3 = steadyPass(jdbc, log, schemas, i, t, 3);
            java.util.Map<String, Long> cpu3 = cpuByProcess(jdbc);
            boolean secondBetter = everyTenant2[0] <= everyTenant3[0];
            long[] everyTenant = secondBetter ? everyTenant2 : everyTenant3;
            String cpuFirst = cpuDelta(cpu0, cpu1), cpuAgain = secondBetter ? cpuDelta(cpu1, cpu2) : cpuDelta(cpu2, cpu3);
            System.err.printf(Locale.ROOT, "[bench] sla sweep %s all-due passes: first %d ms, second %d ms, third %d ms%n", sweeps[i],
                    everyTenantFirst[0], everyTenant2[0], everyTenant3[0]);
            System.err.printf(Locale.ROOT, "[bench] sla sweep %s CPU ms by process, all-due pass first: %s; second: %s; third: %s%n", sweeps[i],
                    cpuFirst, cpuDelta(cpu1, cpu2), cpuDelta(cpu2, cpu3));
            String sweepBackends = sweepBackends(jdbc);
            long[] baselines = steadyBaselines(jdbc, schemas);
            sx.add(sweeps[i]);
            passS[i] = onePercent[0];
            passAllS[i] = everyTenant[0];
            scanAll[i] = baselines[0];
            scanDue[i] = baselines[1];
            steadyMd.append(String.format(Locale.ROOT, "| %d × %,d | %d (%d) | %d (%d) | %d | %d (%d) | %.2f | %.2f | %d (%d) | %d (%d) | %.2f | %.2f | %d | %d | %d | %s | %s | %s |%n",
                    t, m, baselines[0], baselines[2], baselines[1], baselines[3], few, onePercent[0], onePercent[1],
                    onePercent[0] / (double) Math.max(baselines[0], 1), onePercent[0] / (double) Math.max(baselines[1], 1),
                    everyTenantFirst[0], everyTenantFirst[1], everyTenant[0], everyTenant[1],
                    everyTenant[0] / (double) Math.max(baselines[0], 1), everyTenant[0] / (double) Math.max(baselines[1], 1),
                    onePercent[2], everyTenant[2], baselines[4], cpuFirst, cpuAgain, sweepBackends));
            System.err.printf(Locale.ROOT, "[bench] sla sweep %s steady: scan all %d ms (cold %d), due queries %d ms (cold %d), pass (%d tenants due)"
                    + " %d ms, pass (all due) first %d ms, again %d ms; sweep backends %s%n", sweeps[i], baselines[0], baselines[2], baselines[1], baselines[3], few,
                    onePercent[0], everyTenantFirst[0], everyTenant[0], sweepBackends);
        }

        md.append("### The sweep's period at a steady pace\n\n");
        md.append("T tenants × M open tickets, each with a running resolution clock whose warning is a day ahead. Each period "
                + "the server's sweep (every second, one node) reads the platform agenda (one row per tenant with its next alarm) and "
                + "visits only the tenants with something due. Two periods are measured: one where 1 % of the tenants (at least one) "
                + "have one warning due each, and one where every tenant has one. Kefu's figure is the pass as the server times it "
                + "(`SLA sweep pass: ... in N ms` in its log: agenda, each due tenant's due query, the firing with its timeline entry and "
                + "notification, the tenant's next alarm); in brackets the time from making the warnings due until the agenda showed "
                + "them all fired, which adds the wait for the next tick (up to a second). Baselines over JDBC on one connection: "
                + "**scan** reads every running clock of every tenant joined to its ticket (the rows a sweep is over: what a sweep "
                + "without an index would read), **due queries** runs the sweep's own due query (its rule's alarm range by key, and the clocks carrying an alarm instant; both indexed) once in "
                + "every tenant (what a sweep without the agenda would run each period).\n\n");
        md.append("PostgreSQL loads a schema's catalog entries into a connection's backend the first time that connection "
                + "touches the schema (a few milliseconds per table), so a pass over many tenants costs more the first time its "
                + "pooled connections meet them. Both are shown: the baselines' best of three on one connection (in brackets: their "
                + "first run, on a new connection), and Kefu's first pass with every tenant due and the better of the next two (the sweep "
                + "visits two tenants at once on its two connections, so the second pass still meets about half of the schemas on a "
                + "backend new to them, the third a quarter; the ratios use the warm figures on both sides). CPU is the whole machine's busy time over a pass's wall time (which includes "
                + "the wait for the next tick, when little runs) and over one run of the scan. The sweep has a connection pool of its "
                + "own (`application_name` `kefu-sweep`): the last column counts its backends after the three all-due passes, the "
                + "oldest one's age and their private memory (`RssAnon` of the backend processes, which holds the catalog entries of "
                + "the schemas they visited).\n\n");
        md.append("| tenants × tickets | scan ms (cold) | due queries ms (cold) | tenants due | pass ms (wall) | × scan | × due queries "
                + "| pass, all due, first ms (wall) | pass, all due, warm ms (wall) | × scan | × due queries "
                + "| CPU ms: 1 % pass | CPU ms: all-due pass | CPU ms: scan | CPU ms by process: first all-due pass | warm | sweep backends |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n");
        md.append(steadyMd);
        new Plot("Sweep period at a steady pace", "tenants × open tickets", "ms", sx)
                .series("pass, 1 % of tenants due (Kefu)", passS, false).series("pass, every tenant due (Kefu)", passAllS, false)
                .series("scan of all running clocks", scanAll, true).series("due query in every tenant", scanDue, true)
                .write(docs.resolve("bench/sla-sweep.png"));
        md.append("\n![sweep](bench/sla-sweep.png)\n\n");
        md.append(verdict("sweep period with 1 % of tenants due", passS, scanAll, sx));
        md.append(verdict("sweep period with every tenant due", passAllS, scanAll, sx));

        if (!bx.isEmpty()) {
            md.append("### A burst: every warning due at once\n\n");
            md.append("The worst case: every warning of T tenants × M tickets made due at once (and each tenant's agenda entry), then "
                    + "the time until the server's sweep has fired all of them: per tenant, pages of 500 clocks, each page one transaction "
                    + "locking the tickets of its clocks, claiming the clocks with one guarded UPDATE, writing a timeline entry and a notification per "
                    + "warning. Afterwards the timeline entries are counted: exactly T × M. The baseline scans the same due rows of every "
                    + "tenant (clocks joined to tickets), one query per tenant on one connection: it writes nothing.\n\n");
            md.append("| tenants × tickets | warnings | plain scan ms | sweep ms | × scan | µs/warning | CPU µs/warning: sweep | CPU µs/warning: scan |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
            md.append(burstMd);
            double[] bs = burstS.stream().mapToDouble(Double::doubleValue).toArray();
            double[] bsc = burstScan.stream().mapToDouble(Double::doubleValue).toArray();
            new Plot("Sweep firing every warning at once", "tenants × open tickets", "ms", bx)
                    .series("sweep (Kefu)", bs, false).series("plain SQL scan of the due rows", bsc, true)
                    .write(docs.resolve("bench/sla-burst.png"));
            md.append("\n![burst](bench/sla-burst.png)\n\n");
            md.append(verdict("burst", bs, bsc, bx));
        }
        return md.toString();
    }

    /**
     * The alarm key of a sweep tenant's clock whose warning falls due at {@code warnAt} (an SQL
     * expression): the bench's rule is 24x7 with a one-hour target warned at 75 %, so the key is
     * the start, 45 minutes before the warning, in epoch milliseconds. The warnings fall due as
     * time passing would make them: key and stored warning time together.
     */
    private static String warnKey(String warnAt) {
        return "(extract(epoch from (" + warnAt + " - interval '45 minutes')) * 1000)::bigint";
    }

    /**
     * T tenants as copies of the template's schema, each with M open tickets assigned to admin and a
     * running resolution clock per ticket, its platform row and an agenda entry a day ahead.
     */
    private static List<String> loadSweepTenants(String jdbc, String ddl, String template, int i, int t, int m) throws Exception {
        List<String> schemas = new ArrayList<>();
        long load0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbc)) {
            for (int k = 0; k < t; k++) {
                String code = String.format("sw%d-%04d", i, k);
                String schema = "t_" + code.replace('-', '_');
                try (Statement st = c.createStatement()) {
                    st.execute(ddl.replace("t_" + template, schema));
                }
                openTickets(c, schema, m, "admin", k);
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("insert into " + schema + ".sla_clock (id, ticket_id, target, rule_code, rule_version, calendar_code,"
                            + " business_time, target_iso, warn_percent, cycle, started_at, due_at, warn_at, target_millis, paused_millis, updated_at,"
                            + " alarm_key) select md5(t.id || 'c'), t.id, 'RESOLUTION', 'bench', 1, '24x7', false, 'PT1H', 75, 1, now() - interval '50 minutes',"
                            + " now() + interval '2 days', now() + interval '1 day', 3600000, 0, now(), " + warnKey("now() + interval '1 day'")
                            + " from " + schema + ".ticket t");
                    st.executeUpdate("insert into " + schema + ".sla_standard (code, position, rule_version, document, updated_at)"
                            + " values ('bench', 1, 1, '" + rule("PT1H") + "', now())");
                    st.executeUpdate("insert into " + schema + ".sla_standard_version (id, code, rule_version, document, created_at, created_by)"
                            + " values ('" + UUID.randomUUID() + "', 'bench', 1, '" + rule("PT1H") + "', now(), 'bench')");
                    st.executeUpdate("insert into kefu.tenant (code, name, industry, status, schema_name, plan_code, admin_email, created_at,"
                            + " updated_at, version) select '" + code + "', 'Bench " + code + "', industry, status, '" + schema + "', plan_code,"
                            + " admin_email, now(), now(), 0 from kefu.tenant where code = '" + template + "'");
                    st.executeUpdate("insert into kefu.sla_agenda (tenant_code, next_due_at) values ('" + code + "', now() + interval '1 day')");
                }
                c.commit();
                c.setAutoCommit(true);
                analyze(c, schema);
                schemas.add(schema);
            }
        }
        System.err.printf(Locale.ROOT, "[bench] sla sweep %dx%d loaded in %d s%n", t, m, (System.nanoTime() - load0) / 1_000_000_000);
        return schemas;
    }

    /** Every warning of the tenants due at once: {sweep ms, scan ms, sweep CPU ms, scan CPU ms}; checks each fired exactly once. */
    private static long[] burst(String jdbc, List<String> schemas, int i, int t, int m) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc)) {
            try (Statement st = c.createStatement()) {
                // Schema by schema (PostgreSQL's lock table); the agenda, one statement, makes them due for the sweep.
                for (String s : schemas) {
                    st.executeUpdate("update " + s + ".sla_clock set warn_at = now() - interval '1 minute', alarm_key = "
                            + warnKey("now() - interval '1 minute'"));
                }
                st.executeUpdate("update kefu.sla_agenda set next_due_at = now() - interval '1 minute' where tenant_code like 'sw" + i + "-%'");
            }
            long t0 = System.nanoTime();
            double cpu0 = Stats.machineCpuSeconds();
            while (count(c, "select count(*) from kefu.sla_agenda where tenant_code like 'sw" + i + "-%' and next_due_at <= now()") > 0) {
                Thread.sleep(200);
            }
            long sweep = (System.nanoTime() - t0) / 1_000_000;
            double sweepCpu = (Stats.machineCpuSeconds() - cpu0) * 1000;
            // The baseline reads what the sweep read: the due clocks with their tickets, tenant by tenant (now fired, so not filtered on the guard).
            Work scanOnce = () -> {
                for (String s : schemas) {
                    scan(c, "select c.id, c.ticket_id, c.rule_code, c.rule_version, c.due_at, c.warn_at, t.number, t.subject, t.assignee,"
                            + " t.team_id, t.last_event_seq, t.version from " + s + ".sla_clock c join " + s + ".ticket t on t.id = c.ticket_id"
                            + " where c.stopped_at is null and c.paused_since is null and c.warn_at <= now()");
                }
                return null;
            };
            long scan = bestOf(3, scanOnce);
            double scanCpu = cpuMillis(scanOnce);
            long entries = 0;
            long unfired = 0;
            for (String s : schemas) {
                entries += count(c, "select count(*) from " + s + ".ticket_event where type = 'SLA'");
                unfired += count(c, "select count(*) from " + s + ".sla_clock where warned_at is null");
            }
            if (entries != (long) t * m || unfired != 0) {
                throw new IllegalStateException("burst " + t + "x" + m + ": " + entries + " timeline entries, " + unfired + " unfired");
            }
            System.err.printf(Locale.ROOT, "[bench] sla burst %dx%d: scan %d ms, sweep %d ms%n", t, m, scan, sweep);
            return new long[] {sweep, scan, Math.round(sweepCpu), Math.round(scanCpu)};
        }
    }

    private static final Pattern PASS = Pattern.compile("SLA sweep pass: (\\d+) tenants visited, (\\d+) warnings and (\\d+) breaches fired in (\\d+) ms");

    /**
     * One period at a steady pace: one unfired warning made due in each of {@code dueTenants} tenants
     * (spread over all), their agenda entries due. Returns {pass ms as the server logged it, wall ms
     * until the agenda showed them fired, machine CPU ms over that wall time}; checks that exactly
     * those warnings fired.
     */
    private static long[] steadyPass(String jdbc, Path log, List<String> schemas, int i, int dueTenants, int round) throws Exception {
        List<String> chosen = new ArrayList<>();
        int stride = Math.max(1, schemas.size() / dueTenants);
        for (int k = round % stride; k < schemas.size() && chosen.size() < dueTenants; k += stride) {
            chosen.add(schemas.get(k));
        }
        long logFrom = Files.size(log);
        long wall;
        long cpu;
        try (Connection c = DriverManager.getConnection(jdbc)) {
            // The warnings fall due in transactions of 100 schemas (PostgreSQL's lock table); the sweep
            // sees none of them until the agenda entries, one statement, name their tenants due.
            try (Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                for (int k = 0; k < chosen.size(); k++) {
                    String s = chosen.get(k);
                    st.executeUpdate("update " + s + ".sla_clock set warn_at = now() - interval '1 second', alarm_key = "
                            + warnKey("now() - interval '1 second'") + " where id = (select id from " + s
                            + ".sla_clock where warned_at is null order by id fetch first 1 rows only)");
                    if (k % 100 == 99) {
                        c.commit();
                    }
                }
                c.commit();
                c.setAutoCommit(true);
                st.executeUpdate("update kefu.sla_agenda set next_due_at = now() - interval '1 second' where tenant_code in ("
                        + String.join(", ", chosen.stream().map(s -> "'" + s.substring(2).replace('_', '-') + "'").toList()) + ")");
            }
            long t0 = System.nanoTime();
            double cpu0 = Stats.machineCpuSeconds();
            while (count(c, "select count(*) from kefu.sla_agenda where tenant_code like 'sw" + i + "-%' and next_due_at <= now()") > 0) {
                Thread.sleep(20);
            }
            wall = (System.nanoTime() - t0) / 1_000_000;
            cpu = Math.round((Stats.machineCpuSeconds() - cpu0) * 1000);
        }
        // The pass's own line is written as it ends; allow the log a moment to catch up.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            long warnings = 0;
            long millis = 0;
            String added;
            try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
                f.seek(logFrom);
                byte[] bytes = new byte[(int) (f.length() - logFrom)];
                f.readFully(bytes);
                added = new String(bytes, StandardCharsets.UTF_8);
            }
            Matcher matcher = PASS.matcher(added);
            while (matcher.find()) {
                warnings += Long.parseLong(matcher.group(2));
                millis += Long.parseLong(matcher.group(4));
            }
            if (warnings == chosen.size()) {
                return new long[] {millis, wall, cpu};
            }
            if (warnings > chosen.size() || System.nanoTime() > deadline) {
                throw new IllegalStateException("steady sweep: " + warnings + " warnings fired for " + chosen.size() + " made due");
            }
            Thread.sleep(100);
        }
    }

    /**
     * {scan of every running clock with its ticket, the due query in every tenant} as the best of three
     * on one connection, then the same two as the first run on a new connection each (cold), in ms.
     */
    private static long[] steadyBaselines(String jdbc, List<String> schemas) throws Exception {
        long[] cold = new long[2];
        for (int k = 0; k < 2; k++) {
            try (Connection c = DriverManager.getConnection(jdbc)) {
                cold[k] = steadyBaselines(c, schemas, 1)[k];
            }
        }
        try (Connection c = DriverManager.getConnection(jdbc)) {
            long[] warm = steadyBaselines(c, schemas, 3);
            long scanCpu = Math.round(cpuMillis(() -> scanRunning(c, schemas)));
            return new long[] {warm[0], warm[1], cold[0], cold[1], scanCpu};
        }
    }

    private static long[] steadyBaselines(Connection c, List<String> schemas, int runs) throws Exception {
        long all = bestOf(runs, () -> scanRunning(c, schemas));
        long due = bestOf(runs, () -> {
            for (String s : schemas) {
                // The sweep's own due query for the bench's one rule: its alarm range, then the clocks carrying an instant.
                scan(c, "select id from (select id, warn_at from " + s + ".sla_clock where rule_code = 'bench' and target = 'RESOLUTION'"
                        + " and business_time = false and calendar_code = '24x7' and alarm_key is not null and warned_at is null"
                        + " and alarm_key <= " + warnKey("now()") + " and stopped_at is null and paused_since is null and warn_at <= now()"
                        + " and warn_at < due_at union all select id, warn_at from " + s + ".sla_clock where alarm_at is not null"
                        + " and alarm_at <= now() and warned_at is null and stopped_at is null and paused_since is null and warn_at <= now()"
                        + " and warn_at < due_at) x order by warn_at fetch first 500 rows only");
            }
            return null;
        });
        return new long[] {all, due};
    }

    /** Every running clock of every tenant joined to its ticket: the rows a sweep is over. */
    private static Object scanRunning(Connection c, List<String> schemas) throws SQLException {
        for (String s : schemas) {
            scan(c, "select c.id, c.ticket_id, c.rule_code, c.rule_version, c.due_at, c.warn_at, t.number, t.subject, t.assignee,"
                    + " t.team_id, t.last_event_seq, t.version from " + s + ".sla_clock c join " + s + ".ticket t on t.id = c.ticket_id"
                    + " where c.stopped_at is null and c.paused_since is null");
        }
        return null;
    }

    /** Whether the goal (within 3× of the plain scan) holds at each size, worded from this run's ratios. */
    private static String verdict(String what, double[] kefu, double[] scan, List<String> sizes) {
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < kefu.length; i++) {
            double ratio = kefu[i] / Math.max(scan[i], 1);
            (ratio <= 3 ? met : missed).add(String.format(Locale.ROOT, "%s (%.1f×)", sizes.get(i), ratio));
        }
        if (missed.isEmpty()) {
            return "Goal for the " + what + " (within 3× of the plain scan): **met** at every size: " + String.join(", ", met) + ".\n\n";
        }
        return "Goal for the " + what + " (within 3× of the plain scan): **not met** at " + String.join(", ", missed)
                + (met.isEmpty() ? "" : "; met at " + String.join(", ", met)) + ".\n\n";
    }

    static String rule(String resolution) {
        return Json.createObjectBuilder().add("code", "bench").add("name", Json.createObjectBuilder().add("zh-CN", "基准").add("en", "Bench")).add("order", 1)
                .add("calendar", "24x7").add("businessTime", false).add("targets", Json.createObjectBuilder().add("resolution", resolution))
                .add("warnAtPercent", 75).build().toString();
    }

    /** One re-evaluation measurement: a scan, a plain UPDATE, the first rule, the first and the best change, their CPU. */
    private record Reevaluation(int n, long scan, long packedScan, long update, long first, long firstChange, long change, double changeCpu, double scanCpu,
                                String changeCpuByProcess) {
        String row(String label) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %d | %d | %.1f | %.1f | %.1f | %.0f | %.0f | %.1f | %s |%n", label, scan,
                    packedScan, update, first, first / (double) Math.max(scan, 1), firstChange, change, change / (double) Math.max(scan, 1),
                    change / (double) Math.max(packedScan, 1), change / (double) Math.max(update, 1),
                    change * 1000.0 / n, changeCpu * 1000.0 / n, scanCpu * 1000.0 / n, changeCpuByProcess);
        }
    }

    private Reevaluation reevaluation(KefuClient operator, String base, String jdbc, int n, String code, long seed) throws Exception {
        operator.provisionTenant(code, "general", "bench-admin-1");
        String schema = "t_" + code;
        try (Connection c = DriverManager.getConnection(jdbc)) {
            openTickets(c, schema, n, null, seed);
            analyze(c, schema);
        }
        KefuClient admin = KefuClient.bearer(base, KefuClient.issueToken(base, code, "admin", "bench-admin-1"));
        long first = timed(() -> admin.send("PUT", "/api/v1/service-standards/bench", rule("PT8H"), 201));
        // Seven changes, each recomputing every clock (4 h and 6 h in turn): the first runs on a server whose
        // compiler has not yet seen this path, and its JIT threads kept taking more CPU than the two page
        // threads for about four changes (per-thread CPU, 2026-12-03); the best of seven is reported, the
        // server's steady state, as the scan reports its best of three.
        long change = Long.MAX_VALUE;
        long firstChange = 0;
        double changeCpu = 0;
        String changeCpuByProcess = "";
        String[] targets = {"PT4H", "PT6H", "PT4H", "PT6H", "PT4H", "PT6H", "PT4H"};
        for (int k = 0; k < targets.length; k++) {
            String target = targets[k];
            java.util.Map<String, Long> byProcess0 = cpuByProcess(jdbc);
            double cpu0 = Stats.machineCpuSeconds();
            long took = timed(() -> admin.send("PUT", "/api/v1/service-standards/bench", rule(target), 200));
            double cpu = (Stats.machineCpuSeconds() - cpu0) * 1000;
            String byProcess = cpuDelta(byProcess0, cpuByProcess(jdbc));
            System.err.printf(Locale.ROOT, "[bench] sla re-evaluation %d: change %d (%s) %d ms, CPU ms %s%n", n, k + 1, target, took, byProcess);
            if (k == 0) {
                firstChange = took;
            }
            if (took < change) {
                change = took;
                changeCpu = cpu;
                changeCpuByProcess = byProcess;
            }
        }
        double scanCpu;
        long scan;
        long packedScan;
        long update;
        try (Connection c = DriverManager.getConnection(jdbc)) {
            long recomputed = count(c, "select count(*) from " + schema + ".sla_clock where rule_version = " + (targets.length + 1) + " and target_iso = 'PT4H'");
            if (recomputed != n) {
                throw new IllegalStateException(recomputed + " of " + n + " clocks recomputed in " + schema);
            }
            Work scanOnce = () -> scan(c, "select t.id, t.kind, t.category, t.priority, t.channel, t.status, t.created_at, "
                    + "t.first_response_at, t.last_event_seq, t.version, c.* from " + schema + ".ticket t join " + schema
                    + ".sla_clock c on c.ticket_id = t.id where t.status in " + OPEN_SQL);
            scan = bestOf(3, scanOnce);
            scanCpu = cpuMillis(scanOnce);
            // The same rows without the room a recompute needs (fill factor 100), as a table that is never updated would hold them.
            execute(c, "create table " + schema + ".sla_clock_packed as select * from " + schema + ".sla_clock");
            execute(c, "vacuum analyze " + schema + ".sla_clock_packed");
            packedScan = bestOf(3, () -> scan(c, "select t.id, t.kind, t.category, t.priority, t.channel, t.status, t.created_at, "
                    + "t.first_response_at, t.last_event_seq, t.version, c.* from " + schema + ".ticket t join " + schema
                    + ".sla_clock_packed c on c.ticket_id = t.id where t.status in " + OPEN_SQL));
            execute(c, "drop table " + schema + ".sla_clock_packed");
            update = timed(() -> execute(c, "update " + schema + ".sla_clock c set due_at = c.started_at + interval '4 hours', "
                    + "updated_at = now() from " + schema + ".ticket t where t.id = c.ticket_id and t.status in " + OPEN_SQL));
        }
        System.err.printf(Locale.ROOT, "[bench] sla re-evaluation %d: scan %d ms, packed scan %d ms, first %d ms, change %d ms%n", n,
                scan, packedScan, first, change);
        return new Reevaluation(n, scan, packedScan, update, first, firstChange, change, changeCpu, scanCpu, changeCpuByProcess);
    }

    /** N open tickets written with JDBC batches, created within the last hour. */
    private static void openTickets(Connection c, String schema, int n, String assignee, long seed) throws SQLException {
        c.setAutoCommit(false);
        Random r = new Random(seed);
        Instant now = Instant.now();
        try (PreparedStatement ps = c.prepareStatement("insert into " + schema + ".ticket (id, number, kind, status, priority, channel,"
                + " subject, subject_search, category, assignee, tags, created_at, created_by, updated_at, reopen_count, last_event_seq, version)"
                + " values (?,?,?,?,?,?,?,?,?,?,',bench,',?,'bench',?,0,0,0)")) {
            for (int k = 1; k <= n; k++) {
                String subject = TicketData.SUBJECTS_ZH[r.nextInt(TicketData.SUBJECTS_ZH.length)] + " #" + k;
                Timestamp created = Timestamp.from(now.minusSeconds(r.nextInt(3600)));
                ps.setString(1, new UUID(r.nextLong(), r.nextLong()).toString());
                ps.setString(2, String.format("B-%07d", k));
                ps.setString(3, TicketData.KINDS[r.nextInt(TicketData.KINDS.length)]);
                ps.setString(4, OPEN[r.nextInt(OPEN.length)]);
                ps.setString(5, TicketData.PRIORITIES[r.nextInt(TicketData.PRIORITIES.length)]);
                ps.setString(6, TicketData.CHANNELS[r.nextInt(TicketData.CHANNELS.length)]);
                ps.setString(7, subject);
                ps.setString(8, subject);
                ps.setString(9, TicketData.CATEGORIES[r.nextInt(TicketData.CATEGORIES.length)]);
                ps.setString(10, assignee);
                ps.setTimestamp(11, created);
                ps.setTimestamp(12, created);
                ps.addBatch();
                if (k % 2_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /**
     * CPU ticks (10 ms) used so far by the Kefu server's JVM and by PostgreSQL's processes, grouped by
     * the backends' application_name (kefu, kefu-sweep; "pg other": background processes and other
     * clients), read from /proc; a process that ended since the last look loses its ticks.
     */
    private static java.util.Map<String, Long> cpuByProcess(String jdbc) throws SQLException {
        java.util.Map<String, String> apps = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select pid, application_name from pg_stat_activity where pid <> pg_backend_pid()")) {
            while (rs.next()) {
                String app = rs.getString(2);
                apps.put(rs.getString(1), app == null || app.isEmpty() ? "pg other" : "pg " + app);
            }
        }
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String comm = Files.readString(proc.resolve("comm")).trim();
                    String group;
                    if (comm.equals("postgres")) {
                        group = apps.getOrDefault(proc.getFileName().toString(), "pg other");
                    } else if (comm.equals("java") && Files.readString(proc.resolve("cmdline")).contains("microbundle")) {
                        group = "server";
                    } else {
                        continue;
                    }
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(group + "|" + proc.getFileName(), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // The process ended meanwhile.
                }
            }
        } catch (java.io.IOException e) {
            return java.util.Map.of();
        }
        return ticks;
    }

    /** Per group: CPU ms between two looks, counting processes present in the second, e.g. "server 4600, pg kefu-sweep 5690". */
    private static String cpuDelta(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        java.util.Map<String, Long> byGroup = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        after.forEach((k, v) -> byGroup.merge(k.substring(0, k.indexOf('|')), (v - before.getOrDefault(k, 0L)) * 10, Long::sum));
        return String.join(", ", byGroup.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /**
     * The sweep pool's backends on this database: how many, the oldest one's age and their
     * private memory (RssAnon from /proc, readable when PostgreSQL runs on this machine as the
     * bench's user or root), e.g. "1, 212 s, 96 MB".
     */
    private static String sweepBackends(String jdbc) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select pid, extract(epoch from now() - backend_start) from pg_stat_activity"
                        + " where application_name = 'kefu-sweep' and datname = current_database()")) {
            int n = 0;
            double oldest = 0;
            long kb = 0;
            boolean readable = true;
            while (rs.next()) {
                n++;
                oldest = Math.max(oldest, rs.getDouble(2));
                try {
                    kb += Stats.statusKb(rs.getLong(1), "RssAnon");
                } catch (Exception e) {
                    readable = false;
                }
            }
            return String.format(Locale.ROOT, "%d, %.0f s, %s", n, oldest, readable ? Math.round(kb / 1024.0) + " MB" : "memory not readable");
        }
    }

    private static void analyze(Connection c, String schema) throws SQLException {
        execute(c, "analyze " + schema + ".ticket");
        execute(c, "analyze " + schema + ".sla_clock");
    }

    private static long execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Reads every row and column of the query, as a client processing them would. */
    private static long scan(Connection c, String sql) throws SQLException {
        long cells = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int k = 1; k <= columns; k++) {
                    if (rs.getObject(k) != null) {
                        cells++;
                    }
                }
            }
        }
        return cells;
    }

    @FunctionalInterface
    interface Work {
        Object run() throws Exception;
    }

    private static long timed(Work w) throws Exception {
        long t0 = System.nanoTime();
        w.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The whole machine's CPU milliseconds (all cores) spent while {@code w} ran. */
    private static double cpuMillis(Work w) throws Exception {
        double cpu0 = Stats.machineCpuSeconds();
        w.run();
        return (Stats.machineCpuSeconds() - cpu0) * 1000;
    }

    private static long bestOf(int runs, Work w) throws Exception {
        long best = Long.MAX_VALUE;
        for (int k = 0; k < runs; k++) {
            best = Math.min(best, timed(w));
        }
        return best;
    }
}
