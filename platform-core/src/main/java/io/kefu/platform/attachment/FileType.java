package io.kefu.platform.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file types customers and agents may attach, recognised by their first bytes, never by the
 * client's claim: a renamed executable stays refused, and a download is served with the type
 * Kefu found, not the one it was uploaded with.
 */
public enum FileType {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    PDF("application/pdf", "pdf"),
    /** Office Open XML (docx, xlsx, pptx) and other ZIP containers. */
    ZIP_CONTAINER("application/zip", "zip"),
    TEXT("text/plain; charset=UTF-8", "txt");

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The type of a file whose content starts with {@code head}; {@code truncated} when the file
     * goes on beyond these bytes.
     */
    public static Optional<FileType> sniff(byte[] head, int length, boolean truncated) {
        byte[] h = Arrays.copyOf(head, Math.max(length, 0));
        if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(h, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(h, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (h.length >= 12 && starts(h, 'R', 'I', 'F', 'F') && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (starts(h, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (starts(h, 'P', 'K', 0x03, 0x04)) {
            return Optional.of(ZIP_CONTAINER);
        }
        return isText(h, truncated) ? Optional.of(TEXT) : Optional.empty();
    }

    private static boolean starts(byte[] h, int... magic) {
        if (h.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Valid UTF-8 without control characters other than tab, newline and carriage return. */
    static boolean isText(byte[] h, boolean truncated) {
        if (h.length == 0) {
            return false;
        }
        // In a sample of a longer file a multi-byte character may be cut at the end: then ignore up
        // to 3 trailing bytes. A complete file must be valid to its last byte.
        int maxCut = truncated ? Math.min(3, h.length - 1) : 0;
        for (int cut = 0; cut <= maxCut; cut++) {
            String s = new String(h, 0, h.length - cut, StandardCharsets.UTF_8);
            if (!s.contains("\uFFFD")) {
                return s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
            }
        }
        return false;
    }
}
