package org.oncogate.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one HL7 benchmark run does: the closed-loop concurrencies (connections), how many messages each
 * closed-loop step and the warm-up round send, how long the warm-up may be repeated, and the open loop's
 * offered rate, length and connection pool.
 */
public record Hl7BenchSettings(List<Integer> concurrencies, int messages, int warmup, Duration warmupMax, List<Integer> rates,
        int openSeconds, int openConnections, int drainTimeoutSeconds, Path outputDir) {

    static final String USAGE = """
            usage: Hl7Benchmark [--concurrency N,N,...] [--messages N] [--warmup N] [--rate N,N,...] [--open-seconds N] \
            [--open-connections N] [--drain-timeout-s N] [--out DIR]
              --concurrency      closed-loop steps: MLLP connections, each sending its next message when the last is ACKed (1,4,8,16)
              --messages         measured messages per closed-loop step and target (4000)
              --warmup           messages sent to each target first and not counted (2000)
              --rate             open loop: messages per second offered, on a fixed schedule, one step per rate (1000; 0 skips)
              --open-seconds     open loop: how long the schedule runs (10)
              --open-connections open loop: connections taking the scheduled messages (32)
              --drain-timeout-s  after a gateway step, how long to wait for its inference backlog (600)
              --out              folder of the JSON report (target/bench)
            system property (java -Dbench.warmup.max=PT5M ...):
              bench.warmup.max   the warm-up round is repeated until the JIT is quiet, at most this long (PT3M)""";

    public Hl7BenchSettings {
        concurrencies = List.copyOf(concurrencies);
        rates = rates.stream().filter(r -> r > 0).toList();
        if (concurrencies.isEmpty() || concurrencies.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("concurrency steps must be at least 1");
        }
        if (messages < 1 || warmup < 0 || openSeconds < 0 || openConnections < 1 || drainTimeoutSeconds < 1) {
            throw new IllegalArgumentException("messages, open connections and drain timeout must be at least 1; "
                    + "warmup and open seconds at least 0");
        }
        if (warmupMax.isNegative() || warmupMax.isZero()) {
            throw new IllegalArgumentException(BenchOptions.WARMUP_MAX + " must be positive");
        }
    }

    public static Hl7BenchSettings defaults() {
        return new Hl7BenchSettings(List.of(1, 4, 8, 16), 4000, 2000, BenchOptions.warmupMax(), List.of(1000), 10, 32, 600,
                Path.of("target", "bench"));
    }

    public static Hl7BenchSettings parse(String[] args) {
        Hl7BenchSettings settings = defaults();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            settings = settings.with(args[i], args[i + 1]);
        }
        return settings;
    }

    /** Messages sent in the open loop at {@code rate}. */
    public int openMessages(int rate) {
        return rate * openSeconds;
    }

    public Hl7BenchSettings withClosedLoop(List<Integer> concurrencies, int messages, int warmup) {
        return new Hl7BenchSettings(concurrencies, messages, warmup, warmupMax, rates, openSeconds, openConnections,
                drainTimeoutSeconds, outputDir);
    }

    public Hl7BenchSettings withOpenLoop(List<Integer> rates, int openSeconds, int openConnections) {
        return new Hl7BenchSettings(concurrencies, messages, warmup, warmupMax, rates, openSeconds, openConnections,
                drainTimeoutSeconds, outputDir);
    }

    public Hl7BenchSettings withWarmupMax(Duration max) {
        return new Hl7BenchSettings(concurrencies, messages, warmup, max, rates, openSeconds, openConnections,
                drainTimeoutSeconds, outputDir);
    }

    public Hl7BenchSettings withOutputDir(Path dir) {
        return new Hl7BenchSettings(concurrencies, messages, warmup, warmupMax, rates, openSeconds, openConnections,
                drainTimeoutSeconds, dir);
    }

    private Hl7BenchSettings with(String option, String value) {
        return switch (option) {
            case "--concurrency" -> withClosedLoop(numbers(option, value), messages, warmup);
            case "--messages" -> withClosedLoop(concurrencies, BenchOptions.number(option, value), warmup);
            case "--warmup" -> withClosedLoop(concurrencies, messages, BenchOptions.number(option, value));
            case "--rate" -> withOpenLoop(numbers(option, value), openSeconds, openConnections);
            case "--open-seconds" -> withOpenLoop(rates, BenchOptions.number(option, value), openConnections);
            case "--open-connections" -> withOpenLoop(rates, openSeconds, BenchOptions.number(option, value));
            case "--drain-timeout-s" -> new Hl7BenchSettings(concurrencies, messages, warmup, warmupMax, rates, openSeconds,
                    openConnections, BenchOptions.number(option, value), outputDir);
            case "--out" -> withOutputDir(Path.of(value));
            default -> throw new IllegalArgumentException("unknown option " + option);
        };
    }

    private static List<Integer> numbers(String option, String value) {
        return Arrays.stream(value.split(",")).map(String::trim).map(v -> BenchOptions.number(option, v)).toList();
    }

}
