package org.oncogate.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one FHIR benchmark run does: the closed-loop concurrencies, how many notifications each step and the
 * warm-up round send, and how long the warm-up may be repeated.
 */
public record FhirBenchSettings(List<Integer> concurrencies, int notifications, int warmup, Duration warmupMax,
        int drainTimeoutSeconds, Path outputDir) {

    static final String USAGE = """
            usage: FhirBenchmark [--concurrency N,N,...] [--notifications N] [--warmup N] [--drain-timeout-s N] [--out DIR]
              --concurrency      closed-loop steps: HTTP clients, each sending its next notification when the last is answered (1,8,32)
              --notifications    measured notifications per step and target (4000)
              --warmup           notifications sent to each target first and not counted (2000)
              --drain-timeout-s  after a gateway step, how long to wait for its inference backlog (600)
              --out              folder of the JSON report (target/bench)
            system property (java -Dbench.warmup.max=PT5M ...):
              bench.warmup.max   the warm-up round is repeated until the JIT is quiet, at most this long (PT3M)""";

    public FhirBenchSettings {
        concurrencies = List.copyOf(concurrencies);
        if (concurrencies.isEmpty() || concurrencies.stream().anyMatch(c -> c < 1) || notifications < 1 || warmup < 0
                || drainTimeoutSeconds < 1) {
            throw new IllegalArgumentException("concurrencies, notifications and drain timeout must be at least 1, warmup at least 0");
        }
        if (warmupMax.isNegative() || warmupMax.isZero()) {
            throw new IllegalArgumentException(BenchOptions.WARMUP_MAX + " must be positive");
        }
    }

    public static FhirBenchSettings defaults() {
        return new FhirBenchSettings(List.of(1, 8, 32), 4000, 2000, BenchOptions.warmupMax(), 600, Path.of("target", "bench"));
    }

    public static FhirBenchSettings parse(String[] args) {
        FhirBenchSettings settings = defaults();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            settings = settings.with(args[i], args[i + 1]);
        }
        return settings;
    }

    public FhirBenchSettings withLoad(List<Integer> concurrencies, int notifications, int warmup) {
        return new FhirBenchSettings(concurrencies, notifications, warmup, warmupMax, drainTimeoutSeconds, outputDir);
    }

    public FhirBenchSettings withWarmupMax(Duration max) {
        return new FhirBenchSettings(concurrencies, notifications, warmup, max, drainTimeoutSeconds, outputDir);
    }

    public FhirBenchSettings withOutputDir(Path dir) {
        return new FhirBenchSettings(concurrencies, notifications, warmup, warmupMax, drainTimeoutSeconds, dir);
    }

    private FhirBenchSettings with(String option, String value) {
        return switch (option) {
            case "--concurrency" -> withLoad(Arrays.stream(value.split(",")).map(v -> BenchOptions.number(option, v.trim())).toList(),
                    notifications, warmup);
            case "--notifications" -> withLoad(concurrencies, BenchOptions.number(option, value), warmup);
            case "--warmup" -> withLoad(concurrencies, notifications, BenchOptions.number(option, value));
            case "--drain-timeout-s" -> new FhirBenchSettings(concurrencies, notifications, warmup, warmupMax,
                    BenchOptions.number(option, value), outputDir);
            case "--out" -> withOutputDir(Path.of(value));
            default -> throw new IllegalArgumentException("unknown option " + option);
        };
    }

}
