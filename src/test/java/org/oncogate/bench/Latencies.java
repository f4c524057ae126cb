package org.oncogate.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.SynchronizedHistogram;

/** Latencies recorded from many threads, in microseconds with 3 significant digits. */
final class Latencies {

    private final SynchronizedHistogram histogram = new SynchronizedHistogram(TimeUnit.HOURS.toMicros(1), 3);

    void record(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), histogram.getHighestTrackableValue())));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The latency at a percentile (0-100) in milliseconds, or 0 when nothing was recorded. */
    double millis(double percentile) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return count() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
    }
}
