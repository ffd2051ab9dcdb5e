package io.kefu.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** {@code key=value} arguments. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected key=value, not " + args[i]);
            }
            values.put(args[i].substring(0, eq).replaceFirst("^--", ""), args[i].substring(eq + 1));
        }
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    String require(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing " + key + "=...");
        }
        return v;
    }

    int getInt(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    long getLong(String key, long fallback) {
        return values.containsKey(key) ? Long.parseLong(values.get(key)) : fallback;
    }

    double getDouble(String key, double fallback) {
        return values.containsKey(key) ? Double.parseDouble(values.get(key)) : fallback;
    }

    long[] getLongs(String key, long[] fallback) {
        return values.containsKey(key) ? Arrays.stream(values.get(key).split(",")).mapToLong(Long::parseLong).toArray() : fallback;
    }

    int[] getInts(String key, int[] fallback) {
        return values.containsKey(key) ? Arrays.stream(values.get(key).split(",")).mapToInt(Integer::parseInt).toArray() : fallback;
    }
}
