package org.oncogate.bench;

/** What the benchmarks' command-line options share. */
final class BenchOptions {

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
}
