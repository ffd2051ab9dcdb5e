package io.kefu.ui.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.kefu.db.testing.TestPostgres;

/**
 * Two nodes of a cluster on loopback, the runnable bundle each, sharing a fresh PostgreSQL
 * database; started one after the other (the first start migrates the platform schema). Closing
 * kills both, so a test that starts its own holds them in try-with-resources.
 *
 * <p>The cluster tests share one such cluster per test JVM ({@link #shared()}): a node start costs
 * 30 to 40 s here, and the tests work in tenants of their own. A test that kills a node gets it
 * replaced by a new member of the same cluster and database when the next test asks for the
 * cluster, so every test starts with two live nodes.
 */
public record TwoNodes(ClusterNode a, ClusterNode b, String dbUrl, Path work, String cluster, String operatorPassword,
                       List<String> jvmOptions) implements AutoCloseable {

    /** The operator's password on the shared cluster. */
    public static final String SHARED_OPERATOR_PASSWORD = "cluster-op-2026";

    /**
     * The shared cluster's settings, what each cluster test needs: the SLA sweep every second, and
     * a rule change's re-evaluation lease of 4 s, so that a dead node's request is taken over soon.
     */
    public static final List<String> SHARED_OPTIONS = List.of("-Dkefu.sla.sweep.period.seconds=1",
            "-Dkefu.sla.reevaluation.lease-seconds=4");

    private static TwoNodes shared;
    private static int replacements;

    public static TwoNodes start(String label, String operatorPassword, List<String> jvmOptions) throws Exception {
        File bundle = bundle();
        String dbUrl = TestPostgres.freshDatabaseUrl();
        Path work = Files.createTempDirectory(Path.of("target"), label + "-");
        String cluster = "kefu-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
        ClusterNode a = ClusterNode.start("a", bundle, work, dbUrl, cluster, operatorPassword, jvmOptions);
        try {
            return new TwoNodes(a, ClusterNode.start("b", bundle, work, dbUrl, cluster, operatorPassword, jvmOptions), dbUrl,
                    work, cluster, operatorPassword, jvmOptions);
        } catch (Exception | Error e) {
            a.kill();
            throw e;
        }
    }

    /**
     * Two live nodes of the cluster the cluster tests of this JVM share ({@link #SHARED_OPTIONS},
     * {@link #SHARED_OPERATOR_PASSWORD}): started by the first caller; a node that an earlier test
     * killed is replaced by a new node joining the same cluster and database. Killed when the JVM
     * exits; callers do not close it.
     */
    public static synchronized TwoNodes shared() throws Exception {
        if (shared == null) {
            shared = start("cluster", SHARED_OPERATOR_PASSWORD, SHARED_OPTIONS);
            Runtime.getRuntime().addShutdownHook(new Thread(TwoNodes::killShared, "kill-shared-cluster"));
            return shared;
        }
        ClusterNode a = shared.a.process().isAlive() ? shared.a : shared.replacement();
        ClusterNode b = shared.b.process().isAlive() ? shared.b : shared.replacement();
        shared = new TwoNodes(a, b, shared.dbUrl, shared.work, shared.cluster, shared.operatorPassword, shared.jvmOptions);
        return shared;
    }

    private ClusterNode replacement() throws Exception {
        return ClusterNode.start("n" + (++replacements), bundle(), work, dbUrl, cluster, operatorPassword, jvmOptions);
    }

    private static synchronized void killShared() {
        try {
            if (shared != null) {
                shared.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static File bundle() {
        File bundle = new File("target/ROOT-microbundle.jar");
        if (!bundle.isFile()) {
            throw new AssertionError("the cluster test runs after `package` built " + bundle);
        }
        return bundle;
    }

    public List<ClusterNode> both() {
        return List.of(a, b);
    }

    @Override
    public void close() throws InterruptedException {
        a.kill();
        b.kill();
    }
}
