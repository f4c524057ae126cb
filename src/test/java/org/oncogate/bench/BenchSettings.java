package org.oncogate.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one benchmark run does: how many virtual clients, how many measured and warm-up requests,
 * how often a job is polled at most, and when a job counts as lost.
 */
public record BenchSettings(int concurrency, int jobs, int warmup, Duration pollCap, Duration jobTimeout, Path outputDir) {

    static final String USAGE = """
            usage: JobApiBenchmark [--concurrency N] [--jobs N] [--warmup N] [--poll-cap-ms N] \
            [--job-timeout-s N] [--out DIR]
              --concurrency   virtual clients, each sending its next request when the last is answered (8)
              --jobs          measured baseline requests and measured jobs (2000)
              --warmup        baseline requests and jobs sent first and not counted (200)
              --poll-cap-ms   a job is polled after its Retry-After, but no later than this or 5% of its age (50)
              --job-timeout-s a job not final this long after its submission counts as timed out (300)
              --out           folder of the JSON report (target/bench)""";

    public BenchSettings {
        if (concurrency < 1 || jobs < 1 || warmup < 0) {
            throw new IllegalArgumentException("concurrency and jobs must be at least 1, warmup at least 0");
        }
        if (pollCap.isNegative() || pollCap.isZero() || jobTimeout.isNegative() || jobTimeout.isZero()) {
            throw new IllegalArgumentException("poll cap and job timeout must be positive");
        }
    }

    public static BenchSettings defaults() {
        return new BenchSettings(8, 2000, 200, Duration.ofMillis(50), Duration.ofSeconds(300), Path.of("target", "bench"));
    }

    public static BenchSettings parse(String[] args) {
        BenchSettings settings = defaults();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            settings = settings.with(args[i], args[i + 1]);
        }
        return settings;
    }

    public BenchSettings withLoad(int concurrency, int jobs, int warmup) {
        return new BenchSettings(concurrency, jobs, warmup, pollCap, jobTimeout, outputDir);
    }

    public BenchSettings withOutputDir(Path dir) {
        return new BenchSettings(concurrency, jobs, warmup, pollCap, jobTimeout, dir);
    }

    private BenchSettings with(String option, String value) {
        return switch (option) {
            case "--concurrency" -> withLoad(BenchOptions.number(option, value), jobs, warmup);
            case "--jobs" -> withLoad(concurrency, BenchOptions.number(option, value), warmup);
            case "--warmup" -> withLoad(concurrency, jobs, BenchOptions.number(option, value));
            case "--poll-cap-ms" -> new BenchSettings(concurrency, jobs, warmup,
                    Duration.ofMillis(BenchOptions.number(option, value)), jobTimeout, outputDir);
            case "--job-timeout-s" -> new BenchSettings(concurrency, jobs, warmup, pollCap,
                    Duration.ofSeconds(BenchOptions.number(option, value)), outputDir);
            case "--out" -> withOutputDir(Path.of(value));
            default -> throw new IllegalArgumentException("unknown option " + option);
        };
    }

}
