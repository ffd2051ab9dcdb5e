package io.kefu.platform.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

import io.kefu.platform.config.KefuConfig;
import io.kefu.platform.db.KefuDatabase;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.tenant.TenantContext;

/**
 * Attachment bytes on disk, one folder per tenant ({@code <data dir>/attachments/t_<code>/}),
 * each file named by its attachment id. The folder comes from the bound tenant's schema name
 * and the file from a UUID, so no input of a client can name a path. A file written in a
 * transaction that rolls back is deleted again.
 */
@ApplicationScoped
public class AttachmentStore {

    static final int SNIFF_BYTES = 512;

    @Inject
    TenantContext tenants;

    @Inject
    KefuDatabase database;

    /** What an upload produced, before it is accepted. */
    public record Upload(String id, Path file, long size, String sha256, byte[] head, int headLength) {
    }

    /** Streams {@code in} to the tenant's folder, refusing more than {@code maxBytes}. */
    public Upload receive(InputStream in, long maxBytes) {
        String id = UUID.randomUUID().toString();
        Path file = folder().resolve(id);
        byte[] head = new byte[SNIFF_BYTES];
        int headLength = 0;
        long size = 0;
        MessageDigest sha = sha256();
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    size += n;
                    if (size > maxBytes) {
                        throw new InvalidInputException(FieldError.of("file", "attachment.too-large", maxBytes / (1024 * 1024)));
                    }
                    if (headLength < SNIFF_BYTES) {
                        int take = Math.min(n, SNIFF_BYTES - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            discard(file);
            throw new UncheckedIOException("Storing an attachment failed", e);
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        }
        if (size == 0) {
            discard(file);
            throw new InvalidInputException(FieldError.of("file", "attachment.empty"));
        }
        deleteOnRollback(file);
        return new Upload(id, file, size, HexFormat.of().formatHex(sha.digest()), head, headLength);
    }

    /** The stored bytes of attachment {@code id} of the bound tenant. */
    public InputStream open(String id) throws IOException {
        return Files.newInputStream(folder().resolve(UUID.fromString(id).toString()));
    }

    public void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Leaves an orphan file; it is never served because no row points to it.
        }
    }

    private Path folder() {
        return KefuConfig.dataDir().resolve("attachments").resolve(tenants.require().schemaName().value());
    }

    private void deleteOnRollback(Path file) {
        var tx = database.transactions();
        if (tx.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    discard(file);
                }
            }
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
