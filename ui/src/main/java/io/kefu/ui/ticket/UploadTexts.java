package io.kefu.ui.ticket;

import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.upload.UploadI18N;

/**
 * Every text the upload component shows (drop hint, progress, errors, size units) from the
 * ticket bundle: Vaadin's built-in texts are English only.
 */
final class UploadTexts {

    private UploadTexts() {
    }

    static UploadI18N of(Function<String, String> t) {
        return new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(t.apply("ticket.upload.drop.one")).setMany(t.apply("ticket.upload.drop.many")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(t.apply("ticket.attachments.upload")).setMany(t.apply("ticket.attachments.upload")))
                .setError(new UploadI18N.Error().setTooManyFiles(t.apply("ticket.upload.error.too-many"))
                        .setFileIsTooBig(t.apply("ticket.upload.error.too-big")).setIncorrectFileType(t.apply("ticket.upload.error.type")))
                .setFile(new UploadI18N.File().setRetry(t.apply("ticket.upload.file.retry")).setStart(t.apply("ticket.upload.file.start"))
                        .setRemove(t.apply("ticket.upload.file.remove")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(t.apply("ticket.upload.status.connecting"))
                                .setStalled(t.apply("ticket.upload.status.stalled")).setProcessing(t.apply("ticket.upload.status.processing"))
                                .setHeld(t.apply("ticket.upload.status.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t.apply("ticket.upload.remaining"))
                                .setUnknown(t.apply("ticket.upload.remaining.unknown")))
                        .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t.apply("ticket.upload.error.unavailable"))
                                .setUnexpectedServerError(t.apply("ticket.upload.error.server"))
                                .setForbidden(t.apply("ticket.upload.error.forbidden"))))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
    }
}
