package io.kefu.platform.plugin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.json.JsonObject;

/**
 * One default as a plugin ships it (a category, a canned reply, ...): its code and its JSON.
 * The checksum of the JSON text is what lets an upgrade tell an untouched copy from one the
 * tenant changed.
 */
public record DefaultItem(DefaultKind kind, String code, String parentCode, JsonObject content) {

    public String text() {
        return content.toString();
    }

    public String checksum() {
        return checksum(text());
    }

    static String checksum(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
