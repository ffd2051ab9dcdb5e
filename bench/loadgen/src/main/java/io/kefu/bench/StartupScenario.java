package io.kefu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How start-up grows with the number of tenants (issue 8): the runnable bundle restarted on
 * PostgreSQL holding 1 tenant (the baseline, same run) and then N tenants, each time to
 * {@code /health/ready} answering UP, with the resident memory then. Start-up brings every
 * tenant's schema up to date (ADR 0003), so this is the curve an operator's restart follows.
 * <p>
 * One tenant is provisioned over REST; the others are copies of its schema with its rows
 * ({@code pg_dump --inserts}, Liquibase's change log included) and its platform row, because
 * provisioning 1,000 tenants over REST takes more than half an hour here. A copy's change log
 * loses its checksums (a changeset naming its schema sums differently per schema); an unmeasured
 * restart writes them back, so the measured restart finds every schema as provisioning left it.
 */
final class StartupScenario {

    private final Options o;

    StartupScenario(Options o) {
        this.o = o;
    }

    String run() throws Exception {
        String jdbc = o.require("jdbc");
        Path bundle = Path.of(o.get("bundle", "ui/target/ROOT-microbundle.jar"));
        int port = o.getInt("port", 18985);
        int hzPort = o.getInt("hz-port", 6940);
        int[] sizes = o.getInts("tenants", new int[] {10, 100, 1000});
        Path docs = Path.of(o.get("docs", "docs"));
        Path data = Files.createTempDirectory("kefu-startup");
        String password = "bench-operator-1";
        String base = "http://127.0.0.1:" + port;
        List<String> command = List.of("java", "-Xmx1g", "-Dkefu.db.url=" + jdbc, "-Dkefu.data.dir=" + data, "-Dkefu.demo=false",
                "-Dkefu.operator.password=" + password, "-jar", bundle.toString(), "--port", Integer.toString(port), "--nocluster",
                "--startport", Integer.toString(hzPort));

        long[] first = start(command, base, data, true);
        KefuClient.operator(base, password).provisionTenant("st0000", "general", "bench-admin-1");
        stop();
        String dump = TenantsScenario.dumpSchema(jdbc, "t_st0000", true);
        long[] one = start(command, base, data, false);
        stop();

        StringBuilder md = new StringBuilder("## Start-up by number of tenants (StartupScenario)\n\n");
        md.append("The runnable bundle (`-Xmx1g`) restarted on PostgreSQL holding N tenant schemas, each time until `/health/ready` "
                + "answers UP (start-up checks every tenant's schema against the change log and applies what is missing, ADR 0003); "
                + "resident memory read then. Baseline in the same run: the same restart holding one tenant. One tenant is "
                + "provisioned over REST; the others are copies of its schema and rows (`pg_dump --inserts`, change log included) "
                + "with their platform row; an unmeasured restart first writes the copies' change-log checksums. One measured restart "
                + "per size.\n\n");
        md.append(String.format(Locale.ROOT, "First start on the empty database: %,d ms to ready, %d MB resident.%n%n", first[0], first[1]));
        md.append("| tenants | restart to ready ms | × 1 tenant | ms per added tenant | RSS MB | × 1 tenant |\n|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| 1 | %,d | 1.00 | | %d | 1.00 |%n", one[0], one[1]));
        List<String> xs = new ArrayList<>(List.of("1"));
        double[] ms = new double[sizes.length + 1];
        double[] rss = new double[sizes.length + 1];
        double[] baseMs = new double[sizes.length + 1];
        ms[0] = one[0];
        rss[0] = one[1];
        baseMs[0] = one[0];
        int have = 1;
        for (int i = 0; i < sizes.length; i++) {
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement()) {
                for (; have < sizes[i]; have++) {
                    String code = String.format("st%04d", have);
                    st.execute(dump.replace("t_st0000", "t_" + code));
                    // A changeset that names its schema has a checksum of its own per schema: Liquibase
                    // recomputes a missing one (the warm-up restart below), as if it had provisioned the copy.
                    st.executeUpdate("update t_" + code + ".databasechangelog set md5sum = null");
                    st.executeUpdate("insert into kefu.tenant (code, name, industry, status, schema_name, plan_code, admin_email, created_at,"
                            + " updated_at, version) select '" + code + "', 'Bench " + code + "', industry, status, 't_" + code + "', plan_code,"
                            + " admin_email, now(), now(), 0 from kefu.tenant where code = 'st0000'");
                }
            }
            System.err.printf(Locale.ROOT, "[bench] startup: %d tenants copied in %d s%n", have, (System.nanoTime() - t0) / 1_000_000_000);
            start(command, base, data, false); // warm-up: the copies' checksums are written
            stop();
            long[] r = start(command, base, data, false);
            stop();
            xs.add(Integer.toString(sizes[i]));
            ms[i + 1] = r[0];
            rss[i + 1] = r[1];
            baseMs[i + 1] = one[0];
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %.2f | %.1f | %d | %.2f |%n", sizes[i], r[0], r[0] / (double) one[0],
                    (r[0] - one[0]) / (double) Math.max(1, sizes[i] - 1), r[1], r[1] / (double) one[1]));
            System.err.printf(Locale.ROOT, "[bench] startup with %d tenants: %d ms, %d MB%n", sizes[i], r[0], r[1]);
        }
        new Plot("Restart to ready by number of tenants", "tenants", "ms", xs).series("restart (Kefu)", ms, false)
                .series("restart with 1 tenant", baseMs, true).write(docs.resolve("bench/startup-tenants.png"));
        new Plot("Resident memory when ready by number of tenants", "tenants", "MB", xs).series("RSS (Kefu)", rss, false)
                .write(docs.resolve("bench/startup-tenants-rss.png"));
        md.append("\n![restart by tenants](bench/startup-tenants.png)\n![memory by tenants](bench/startup-tenants-rss.png)\n\n");
        return md.toString();
    }

    private Process server;

    /** Starts the server and waits until it is ready: {ms to ready, RSS MB}. */
    private long[] start(List<String> command, String base, Path data, boolean firstStart) throws Exception {
        long t0 = System.nanoTime();
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve(firstStart ? "first.log" : "kefu.log").toFile())
                .start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Kefu exited during start-up; see " + data);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.body().contains("\"status\":\"UP\"")) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kefu not ready after 20 minutes; see " + data);
            }
            Thread.sleep(100);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(2_000); // start-up threads settle before memory is read
        return new long[] {ms, rssMb(server.pid())};
    }

    private void stop() throws InterruptedException {
        server.destroy();
        server.waitFor();
    }

    private static long rssMb(long pid) throws IOException {
        return Stats.statusKb(pid, "VmRSS") / 1024;
    }
}
