package org.oncogate.bench;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** What the benchmarks' command-line options and system properties share. */
final class BenchOptions {

    /** System property: the longest the HL7 and FHIR benchmarks repeat their warm-up ({@link JitWarmup}), ISO-8601. */
    static final String WARMUP_MAX = "bench.warmup.max";
    private static final String WARMUP_MAX_DEFAULT = "PT3M";

    private BenchOptions() {
    }

    /** The whole number an option was given, or a message naming the option. */
    static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs whole numbers, not " + value);
        }
    }

    /** The warm-up's time cap from {@value #WARMUP_MAX} (3 minutes when unset), or a message naming the property. */
    static Duration warmupMax() {
        String value = System.getProperty(WARMUP_MAX, WARMUP_MAX_DEFAULT);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(WARMUP_MAX + " needs an ISO-8601 duration such as PT5M, not " + value);
        }
    }
}
