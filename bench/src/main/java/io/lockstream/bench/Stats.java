package io.lockstream.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles (nearest rank) and medians over samples. */
final class Stats {
    private Stats() {
    }

    static Double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) {
            return null;
        }
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1)));
    }

    static Double median(List<Double> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static Double round(Double v, int digits) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return null;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static Double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : round(a / b, 3);
    }

    /** Resident set size of this process in MiB, from /proc (Linux), or null. */
    static Double rssMb() {
        return rss("self");
    }

    /** Resident set size of process {@code pid} in MiB, or null. */
    static Double rssMb(int pid) {
        return rss(String.valueOf(pid));
    }

    private static Double rss(String pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
