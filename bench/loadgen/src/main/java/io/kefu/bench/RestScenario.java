package io.kefu.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import jakarta.json.Json;

/**
 * Ticket create, read, filtered list and search through the whole stack (HTTP, security,
 * JAX-RS, JPA, PostgreSQL) against the same statements through plain JDBC, measured in the same
 * run with the same number of concurrent clients, at each tenant size.
 */
final class RestScenario {

    private final Options o;
    private final StringBuilder md = new StringBuilder();

    RestScenario(Options o) {
        this.o = o;
    }

    String run() throws Exception {
        String tenant = o.get("tenant", "bench1");
        String schema = "t_" + tenant;
        String base = o.get("url", "http://127.0.0.1:18990");
        String jdbc = o.require("jdbc");
        int clients = o.getInt("clients", 8);
        double seconds = o.getDouble("seconds", 10);
        double warmup = o.getDouble("warmup", 3);
        long[] sizes = o.getLongs("sizes", new long[] {10_000, 100_000, 1_000_000});
        int[] knee = o.getInts("knee", new int[] {1, 2, 4, 8, 16});

        KefuClient operator = KefuClient.operator(base, o.require("operator-password"));
        operator.provisionTenant(tenant, "express", "bench-admin-1");
        KefuClient api = KefuClient.bearer(base, KefuClient.issueToken(base, tenant, "admin", "bench-admin-1"));
        System.err.println("[bench] tenant " + tenant + " provisioned; token issued");

        md.append("## Tickets over REST against plain JDBC (bench/run.sh → RestScenario)\n\n");
        md.append(String.format(Locale.ROOT, "PostgreSQL, one tenant, %d concurrent clients, %.0f s per measurement after %.0f s warm-up. "
                + "Kefu is called with an API token over HTTP/1.1 keep-alive; the baseline runs the same statements through plain JDBC "
                + "(one connection per client) in the same run. CPU is the whole machine's busy time per request (server, database and "
                + "load generator together, 2 cores).%n%n", clients, seconds, warmup));
        md.append("| tickets | operation | Kefu req/s | JDBC req/s | Kefu ÷ JDBC | Kefu p50 ms | Kefu p99 ms | JDBC p99 ms | Kefu CPU ms/req | JDBC CPU ms/req | errors |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");

        String[] ops = {"create", "read", "list", "search"};
        double[][] restP99 = new double[ops.length][sizes.length];
        double[][] jdbcP99 = new double[ops.length][sizes.length];
        double[][] ratio = new double[ops.length][sizes.length];
        List<String> xs = new ArrayList<>();
        for (int si = 0; si < sizes.length; si++) {
            long size = sizes[si];
            xs.add(human(size));
            try (Connection c = TicketData.connectForLoading(jdbc)) {
                long t0 = System.nanoTime();
                long wrote = TicketData.fill(c, schema, size, o.getLong("seed", 42));
                System.err.printf(Locale.ROOT, "[bench] %s: %d tickets generated in %.1f s%n", human(size), wrote, (System.nanoTime() - t0) / 1e9);
            }
            for (int oi = 0; oi < ops.length; oi++) {
                Stats rest = measureRest(api, ops[oi], size, clients, warmup, seconds);
                Stats base0 = measureJdbc(jdbc, schema, ops[oi], size, clients, warmup, seconds);
                restP99[oi][si] = rest.percentileMillis(99);
                jdbcP99[oi][si] = base0.percentileMillis(99);
                ratio[oi][si] = rest.throughput() / base0.throughput();
                md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.2f | %.1f | %.1f | %.1f | %.2f | %.2f | %d |%n",
                        human(size), ops[oi], rest.throughput(), base0.throughput(), ratio[oi][si], rest.percentileMillis(50),
                        rest.percentileMillis(99), base0.percentileMillis(99), rest.cpuMillisPerRequest(), base0.cpuMillisPerRequest(),
                        rest.errors() + base0.errors()));
                System.err.printf(Locale.ROOT, "[bench] %s %s: Kefu %.0f/s p99 %.1f ms, JDBC %.0f/s p99 %.1f ms%n", human(size), ops[oi],
                        rest.throughput(), rest.percentileMillis(99), base0.throughput(), base0.percentileMillis(99));
            }
        }
        Plot p99 = new Plot("Ticket operations: p99 latency by tenant size", "tickets in the tenant", "p99 latency (ms)", xs);
        for (int oi = 0; oi < ops.length; oi++) {
            p99.series("Kefu " + ops[oi], restP99[oi], false).series("JDBC " + ops[oi], jdbcP99[oi], true);
        }
        Path docs = Path.of(o.get("docs", "docs"));
        p99.write(docs.resolve("bench/rest-p99.png"));
        Plot r = new Plot("Ticket operations: Kefu throughput ÷ plain JDBC", "tickets in the tenant", "ratio", xs);
        for (int oi = 0; oi < ops.length; oi++) {
            r.series(ops[oi], ratio[oi], false);
        }
        r.write(docs.resolve("bench/rest-ratio.png"));
        md.append("\n![p99 by size](bench/rest-p99.png)\n![ratio by size](bench/rest-ratio.png)\n\n");

        // What any request costs before Kefu's own work: a second baseline for read, list and search.
        md.append("### The cost of the stack itself (second baseline)\n\n");
        md.append(String.format(Locale.ROOT, "Same clients and duration. `/health/live` is Payara Micro's HTTP listener and health servlet "
                + "(no authentication, no JAX-RS, no database); `/api/v1/me` is the cheapest authenticated tenant request "
                + "(API token checked against the platform schema, JAX-RS, one tenant transaction reading the caller's member row).%n%n"));
        md.append("| request | req/s | p50 ms | p99 ms | CPU ms/req |\n|---|---:|---:|---:|---:|\n");
        for (String op : new String[] {"live", "me"}) {
            Stats s = measureRest(api, op, sizes[sizes.length - 1], clients, warmup, seconds);
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.2f |%n", op.equals("live") ? "GET /health/live" : "GET /api/v1/me",
                    s.throughput(), s.percentileMillis(50), s.percentileMillis(99), s.cpuMillisPerRequest()));
            System.err.printf(Locale.ROOT, "[bench] %s: %.0f/s p99 %.1f ms%n", op, s.throughput(), s.percentileMillis(99));
        }
        md.append("\n");

        // Where does create stop scaling? Throughput and p99 by number of clients at the largest size.
        md.append("### Ticket create by number of concurrent clients (finding the knee)\n\n");
        md.append("| clients | Kefu req/s | Kefu p50 ms | Kefu p99 ms | JDBC req/s | JDBC p99 ms | Kefu ÷ JDBC |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> kx = new ArrayList<>();
        double[] kRest = new double[knee.length], kJdbc = new double[knee.length], kP99 = new double[knee.length];
        for (int i = 0; i < knee.length; i++) {
            Stats rest = measureRest(api, "create", sizes[sizes.length - 1], knee[i], warmup, seconds);
            Stats base0 = measureJdbc(jdbc, schema, "create", sizes[sizes.length - 1], knee[i], warmup, seconds);
            kx.add(Integer.toString(knee[i]));
            kRest[i] = rest.throughput();
            kJdbc[i] = base0.throughput();
            kP99[i] = rest.percentileMillis(99);
            md.append(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %.0f | %.1f | %.2f |%n", knee[i], rest.throughput(),
                    rest.percentileMillis(50), rest.percentileMillis(99), base0.throughput(), base0.percentileMillis(99),
                    rest.throughput() / base0.throughput()));
        }
        new Plot("Ticket create: throughput by concurrent clients", "clients", "requests per second", kx)
                .series("Kefu REST", kRest, false).series("plain JDBC", kJdbc, true).write(docs.resolve("bench/create-knee.png"));
        new Plot("Ticket create: Kefu p99 by concurrent clients", "clients", "p99 latency (ms)", kx)
                .series("Kefu REST p99", kP99, false).write(docs.resolve("bench/create-knee-p99.png"));
        md.append("\n![create knee](bench/create-knee.png)\n![create knee p99](bench/create-knee-p99.png)\n\n");
        serviceStandardOnCreate(operator, base, jdbc, tenant + "-sla", clients, warmup, seconds);
        return md.toString();
    }

    /**
     * What the service standards add to a create, in a fresh tenant of the same industry as the
     * tenant above: creates with the standards its industry plugin provisions (what the tables above
     * measure), then with none (no clock starts), then with one rule matching every ticket. A
     * create that starts clocks also lowers the tenant's agenda entry under its key-share lock
     * (ADR 0012). The clocks each phase wrote are counted in the database.
     */
    private void serviceStandardOnCreate(KefuClient operator, String base, String jdbc, String tenant, int clients, double warmup,
            double seconds) throws Exception {
        operator.provisionTenant(tenant, "express", "bench-admin-1");
        KefuClient api = KefuClient.bearer(base, KefuClient.issueToken(base, tenant, "admin", "bench-admin-1"));
        String clocks = "select count(*) from t_" + tenant.replace('-', '_') + ".sla_clock";
        List<String> provisioned = new ArrayList<>();
        api.send("GET", "/api/v1/service-standards", null, 200).getJsonArray("items")
                .forEach(v -> provisioned.add(v.asJsonObject().getString("code")));
        md.append("### Ticket create and the service standards\n\n");
        md.append(String.format(Locale.ROOT, "A fresh tenant of the same industry, %d concurrent clients, %.0f s after %.0f s warm-up each: "
                + "creates with the service standards the industry plugin provisions (%s: what the creates above ran with), then "
                + "with every rule deleted, then with one rule matching every ticket (24x7, resolution in 8 h, warning at 75 %%). A "
                + "create that starts clocks evaluates the rules, writes the clocks, and lowers the tenant's agenda entry after "
                + "share-locking it (ADR 0012). The clocks each phase wrote are counted in the database.%n%n",
                clients, seconds, warmup, String.join(", ", provisioned)));
        md.append("| service standards | req/s | p50 ms | p99 ms | CPU ms/req | clocks written | errors |\n|---|---:|---:|---:|---:|---:|---:|\n");
        String[] phases = {"as provisioned", "none", "one rule, one clock a ticket"};
        Stats[] stats = new Stats[phases.length];
        for (int k = 0; k < phases.length; k++) {
            if (k == 1) {
                for (String code : provisioned) {
                    api.send("DELETE", "/api/v1/service-standards/" + code, null, 204);
                }
            } else if (k == 2) {
                api.send("PUT", "/api/v1/service-standards/bench", SlaScenario.rule("PT8H"), 201);
            }
            long before = count(jdbc, clocks);
            stats[k] = measureRest(api, "create", 0, clients, warmup, seconds);
            long wrote = count(jdbc, clocks) - before;
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.2f | %d | %d |%n", phases[k], stats[k].throughput(),
                    stats[k].percentileMillis(50), stats[k].percentileMillis(99), stats[k].cpuMillisPerRequest(), wrote, stats[k].errors()));
            System.err.printf(Locale.ROOT, "[bench] create, service standards %s: %.0f/s p99 %.1f ms, %d clocks%n", phases[k],
                    stats[k].throughput(), stats[k].percentileMillis(99), wrote);
        }
        md.append(String.format(Locale.ROOT, "%nAgainst no rule: %.2f× the throughput and %.2f× the CPU per create as provisioned, "
                + "%.2f× and %.2f× with one rule.%n%n", stats[0].throughput() / stats[1].throughput(),
                stats[0].cpuMillisPerRequest() / stats[1].cpuMillisPerRequest(), stats[2].throughput() / stats[1].throughput(),
                stats[2].cpuMillisPerRequest() / stats[1].cpuMillisPerRequest()));
    }

    private static long count(String jdbc, String sql) throws java.sql.SQLException {
        try (Connection c = DriverManager.getConnection(jdbc); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Stats measureRest(KefuClient api, String op, long size, int clients, double warmup, double seconds) throws InterruptedException {
        Random[] rs = randoms(clients);
        return Load.run("kefu " + op, clients, warmup, seconds, (w, i) -> {
            Random r = rs[w];
            switch (op) {
                case "create" -> api.createTicket(createBody(r, w, i));
                case "read" -> api.ticket(TicketData.someNumber(r, size));
                case "list" -> api.list("status=" + TicketData.STATUSES[r.nextInt(4)] + "&priority=" + TicketData.PRIORITIES[1 + r.nextInt(2)] + "&limit=50");
                case "search" -> api.list("q=" + KefuClient.q(searchWord(r)) + "&limit=20");
                case "me" -> api.me();
                case "live" -> api.live();
                default -> throw new IllegalArgumentException(op);
            }
        });
    }

    private Stats measureJdbc(String jdbc, String schema, String op, long size, int clients, double warmup, double seconds) throws Exception {
        Connection[] cs = new Connection[clients];
        for (int i = 0; i < clients; i++) {
            cs[i] = DriverManager.getConnection(jdbc);
        }
        Random[] rs = randoms(clients);
        int year = java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue();
        try {
            return Load.run("jdbc " + op, clients, warmup, seconds, (w, i) -> {
                Random r = rs[w];
                switch (op) {
                    case "create" -> TicketData.insertLikeCreate(cs[w], schema, year, subject(r, w, i));
                    case "read" -> TicketData.selectByNumber(cs[w], schema, TicketData.someNumber(r, size));
                    case "list" -> TicketData.selectFiltered(cs[w], schema, TicketData.STATUSES[r.nextInt(4)], TicketData.PRIORITIES[1 + r.nextInt(2)], 50);
                    case "search" -> TicketData.selectSearch(cs[w], schema, searchWord(r), 20);
                    default -> throw new IllegalArgumentException(op);
                }
            });
        } finally {
            for (Connection c : cs) {
                c.close();
            }
        }
    }

    private static String searchWord(Random r) {
        String[] words = {TicketData.SEARCH_WORD, "电梯", "broadband", "空调", "parcel"};
        return words[r.nextInt(words.length)];
    }

    private static String subject(Random r, int w, long i) {
        return TicketData.SUBJECTS_ZH[r.nextInt(TicketData.SUBJECTS_ZH.length)] + " c" + w + "-" + i;
    }

    private static String createBody(Random r, int w, long i) {
        return Json.createObjectBuilder().add("kind", TicketData.KINDS[r.nextInt(3)]).add("subject", subject(r, w, i))
                .add("priority", "HIGH").add("channel", "PHONE").add("description", "压测工单 bench ticket").build().toString();
    }

    private static Random[] randoms(int n) {
        Random[] rs = new Random[n];
        for (int i = 0; i < n; i++) {
            rs[i] = new Random(1000 + i);
        }
        return rs;
    }

    static String human(long n) {
        return n >= 1_000_000 && n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n >= 1000 && n % 1000 == 0 ? n / 1000 + "k" : Long.toString(n);
    }
}
