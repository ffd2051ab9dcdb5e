package io.kefu.platform.attachment;

/** File names as shown to people: no folders, no control characters, at most 255 characters. */
final class Filenames {

    private Filenames() {
    }

    /** The last path segment, cleaned; null when nothing usable is left. */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        name.codePoints().filter(c -> c >= 0x20 && c != 0x7F && c != '"' && c != ';').forEach(sb::appendCodePoint);
        String cleaned = sb.toString().strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        if (cleaned.isEmpty()) {
            return null;
        }
        return cleaned.length() > 255 ? cleaned.substring(cleaned.length() - 255) : cleaned;
    }
}
