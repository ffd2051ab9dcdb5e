package io.kefu.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * The data generator on its own: N tenants provisioned through the REST API round the five
 * industries, each filled with M generated tickets that fit its industry's forms, categories
 * and service standards ({@link TicketData#fill}), reproducible by seed. Reports what each
 * tenant got, so a reader can see the data the other scenarios run on.
 */
final class GenerateScenario {

    static final String[] INDUSTRIES = {"express", "hotel", "telecom", "property", "banking"};

    private final Options o;

    GenerateScenario(Options o) {
        this.o = o;
    }

    String run() throws Exception {
        String base = o.get("url", "http://127.0.0.1:18990");
        String jdbc = o.require("jdbc");
        int tenants = o.getInts("tenants", new int[] {5})[0];
        long tickets = o.getLong("tickets", 10_000);
        long seed = o.getLong("seed", 42);
        String prefix = o.get("prefix", "gen");
        KefuClient operator = KefuClient.operator(base, o.require("operator-password"));
        StringBuilder md = new StringBuilder("## Generated tenants (bench/run.sh → GenerateScenario)\n\n");
        md.append(String.format(Locale.ROOT, "%d tenants provisioned through the REST API round the five industries, each filled with %,d "
                + "tickets (seed %d) that fit its industry: its categories, custom field values for its forms with their typed "
                + "projections, a timeline following each status, and the clocks of its first matching calendar-time service standard "
                + "with outcomes.%n%n", tenants, tickets, seed));
        md.append("| tenant | industry | tickets | timeline entries | custom field rows | clocks | stopped clocks breached | generated in s |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (int k = 0; k < tenants; k++) {
            String industry = INDUSTRIES[k % INDUSTRIES.length];
            String code = String.format("%s-%s-%d", prefix, industry, k / INDUSTRIES.length + 1);
            operator.provisionTenant(code, industry, "bench-admin-1");
            String schema = "t_" + code.replace('-', '_');
            long t0 = System.nanoTime();
            try (Connection c = TicketData.connectForLoading(jdbc)) {
                TicketData.fill(c, schema, tickets, seed + k);
                double seconds = (System.nanoTime() - t0) / 1e9;
                // What the tenant got, in one statement (the clocks read once for all three of their figures).
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select (select count(*) from " + schema + ".ticket),"
                        + " (select count(*) from " + schema + ".ticket_event), (select count(*) from " + schema + ".ticket_field_value),"
                        + " count(*), count(*) filter (where outcome is not null), count(*) filter (where outcome = 'BREACHED')"
                        + " from " + schema + ".sla_clock")) {
                    rs.next();
                    long stopped = rs.getLong(5);
                    md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,d | %.0f %% | %.1f |%n", code, industry, rs.getLong(1),
                            rs.getLong(2), rs.getLong(3), rs.getLong(4), stopped == 0 ? 0.0 : 100.0 * rs.getLong(6) / stopped, seconds));
                }
            }
            System.err.printf(Locale.ROOT, "[bench] generated %s (%s)%n", code, industry);
        }
        return md.append('\n').toString();
    }
}
