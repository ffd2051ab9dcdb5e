package io.kefu.bench;

import java.util.Arrays;

/**
 * What one measured run did: requests, errors, wall time, latencies and the machine's CPU time.
 * CPU is read from /proc/stat for the whole machine (server, database and load generator
 * together), so a ratio against a baseline measured the same way compares like with like.
 */
public record Stats(String name, long requests, long errors, double seconds, long[] latenciesMicros, double cpuSeconds) {

    public double throughput() {
        return requests / seconds;
    }

    public double percentileMillis(double p) {
        if (latenciesMicros.length == 0) {
            return Double.NaN;
        }
        long[] sorted = latenciesMicros.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    /** Milliseconds of CPU (all cores, whole machine) per request. */
    public double cpuMillisPerRequest() {
        return requests == 0 ? Double.NaN : cpuSeconds * 1000.0 / requests;
    }

    /** A field of /proc/PID/status in kB (VmRSS, RssAnon, ...): the process's memory as the kernel counts it. */
    static long statusKb(long pid, String field) throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no " + field + " for process " + pid);
    }

    /** Busy CPU time of the whole machine so far, in seconds, from /proc/stat. */
    static double machineCpuSeconds() {
        try {
            String first = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / 100.0; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
