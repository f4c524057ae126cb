package org.oncogate.bench;

/**
 * One measured phase: how many requests (or jobs) ended well, over how long, at what rate, and
 * their latency percentiles in milliseconds.
 */
public record PhaseResult(String phase, long count, double seconds, double perSecond, double p50Ms, double p99Ms,
        double maxMs) {

    static PhaseResult of(String phase, long count, long nanos, Latencies latencies) {
        double seconds = nanos / 1e9;
        return new PhaseResult(phase, count, round(seconds, 3), seconds > 0 ? round(count / seconds, 1) : 0,
                round(latencies.millis(50), 2), round(latencies.millis(99), 2), round(latencies.maxMillis(), 2));
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
