package io.kefu.ui.browser;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The runnable bundle ({@code target/ROOT-microbundle.jar}) started as its own process on the
 * embedded database in a fresh data directory, as a user would start it.
 */
final class RunningKefu implements AutoCloseable {

    static final String OPERATOR_PASSWORD = "browser-test-1";

    private final Process process;
    private final Path log;
    final String baseUrl;
    final Duration startup;

    private RunningKefu(Process process, Path log, String baseUrl, Duration startup) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
        this.startup = startup;
    }

    private static RunningKefu shared;

    /**
     * The shared Kefu's settings: the SLA sweep every second, so that LiveShellBrowserIT sees its
     * 3-second rule warn and breach within seconds (the other classes do not depend on the period).
     */
    static final List<String> SHARED_OPTIONS = List.of("-Dkefu.sla.sweep.period.seconds=1");

    /**
     * The demo Kefu (demo tenants, {@link #SHARED_OPTIONS}) that the browser test classes of one
     * test JVM share: each start costs 30 to 60 s here, and the classes that use it log in to the
     * demo tenants or to tenants of their own, make their own tickets, teams and tokens with names
     * of their own, and assert on those, so none needs a fresh server. Started by the first
     * caller, again if it has died, and stopped when the test JVM exits.
     */
    static synchronized RunningKefu shared() throws IOException, InterruptedException {
        if (shared == null || !shared.process.isAlive()) {
            boolean first = shared == null;
            shared = start(freePort(), SHARED_OPTIONS);
            if (first) {
                Runtime.getRuntime().addShutdownHook(new Thread(RunningKefu::stopShared, "stop-shared-kefu"));
            }
        }
        return shared;
    }

    /** The shared Kefu for browser tests; the calling tests are skipped when Chromium is missing. */
    static RunningKefu sharedForBrowsers() throws IOException, InterruptedException {
        Chromium.assumeInstalled();
        return shared();
    }

    private static synchronized void stopShared() {
        try {
            if (shared != null) {
                shared.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How long start-up may take: 300 s, or {@code -Dkefu.browser.startup-seconds} on a machine
     * shared with other builds (seen here: deploying alone took 110 s at a load of 25 on 2 cores).
     */
    static final Duration STARTUP_LIMIT = Duration.ofSeconds(Long.getLong("kefu.browser.startup-seconds", 300));

    static RunningKefu start(int port) throws IOException, InterruptedException {
        return start(port, List.of());
    }

    /** With more system properties for the JVM, e.g. {@code -Dkefu.sla.sweep.period.seconds=1}. */
    static RunningKefu start(int port, List<String> jvmOptions) throws IOException, InterruptedException {
        File bundle = new File("target/ROOT-microbundle.jar");
        if (!bundle.isFile()) {
            throw new IllegalStateException("No " + bundle + ": the browser tests run after `package`");
        }
        Path work = Files.createTempDirectory(Path.of("target"), "browser-");
        Path log = work.resolve("kefu.log");
        List<String> command = new java.util.ArrayList<>(List.of(
                javaExecutable(), "-Xmx768m", "-Djava.io.tmpdir=" + work.toAbsolutePath(),
                "-Dkefu.data.dir=" + work.resolve("data").toAbsolutePath(),
                "-Dkefu.operator.password=" + OPERATOR_PASSWORD));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", bundle.getAbsolutePath(), "--port", String.valueOf(port), "--nocluster"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + STARTUP_LIMIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("Kefu exited during start-up; log: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return new RunningKefu(p, log, base, Duration.ofNanos(System.nanoTime() - t0));
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        p.destroyForcibly();
        throw new IllegalStateException("Kefu was not ready within " + STARTUP_LIMIT.toSeconds() + " s; log: " + log);
    }

    /** A port nobody listens on now, so parallel builds on one machine do not collide. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
