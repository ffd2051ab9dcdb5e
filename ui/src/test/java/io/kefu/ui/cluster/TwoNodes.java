package io.kefu.ui.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.kefu.db.testing.TestPostgres;

/**
 * Two nodes of a new cluster on loopback, the runnable bundle each, sharing a fresh PostgreSQL
 * database; started one after the other (the first start migrates the platform schema). Closing
 * kills both, so a test holds them in try-with-resources.
 */
public record TwoNodes(ClusterNode a, ClusterNode b, String dbUrl) implements AutoCloseable {

    public static TwoNodes start(String label, String operatorPassword, List<String> jvmOptions) throws Exception {
        File bundle = new File("target/ROOT-microbundle.jar");
        if (!bundle.isFile()) {
            throw new AssertionError("the cluster test runs after `package` built " + bundle);
        }
        String dbUrl = TestPostgres.freshDatabaseUrl();
        Path work = Files.createTempDirectory(Path.of("target"), label + "-");
        String cluster = "kefu-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
        ClusterNode a = ClusterNode.start("a", bundle, work, dbUrl, cluster, operatorPassword, jvmOptions);
        try {
            return new TwoNodes(a, ClusterNode.start("b", bundle, work, dbUrl, cluster, operatorPassword, jvmOptions), dbUrl);
        } catch (Exception | Error e) {
            a.kill();
            throw e;
        }
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
