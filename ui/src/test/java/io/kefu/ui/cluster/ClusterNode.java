package io.kefu.ui.cluster;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.kefu.ui.it.Api;

/**
 * One Payara Micro process of the runnable bundle in a cluster on loopback: its own ports, tmp
 * and data directories and log, the shared database. The caller kills it (in a finally).
 */
public record ClusterNode(String name, Process process, Api api, String baseUrl, Path log) {

    /** Starts a node and waits until it is ready (the first node migrates the platform schema). */
    public static ClusterNode start(String name, File bundle, Path work, String dbUrl, String cluster, String operatorPassword,
                                    List<String> jvmOptions) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path log = dir.resolve("payara.log");
        int port = freePort();
        int hazelcast = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dhazelcast.socket.bind.any=false", "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
                "-Dkefu.data.dir=" + dir.resolve("data").toAbsolutePath(), "-Dkefu.db.url=" + dbUrl,
                "-Dkefu.operator.password=" + operatorPassword, "-Dkefu.demo=false"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", bundle.getAbsolutePath(), "--port", String.valueOf(port), "--clustername", cluster,
                "--interfaces", "127.0.0.1", "--startport", String.valueOf(hazelcast)));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("KEFU_"));
        Process p = pb.start();
        String base = "http://127.0.0.1:" + port;
        ClusterNode node = new ClusterNode(name, p, Api.at(base), base, log);
        Instant end = Instant.now().plus(Duration.ofMinutes(6));
        while (Instant.now().isBefore(end)) {
            if (!p.isAlive()) {
                throw new AssertionError("node " + name + " exited during start-up; log " + log);
            }
            try {
                if (node.api().get("/health/ready", null).status() == 200) {
                    return node;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        p.destroyForcibly();
        throw new AssertionError("node " + name + " not ready within 6 minutes; log " + log);
    }

    /** Kills the process and waits for it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
