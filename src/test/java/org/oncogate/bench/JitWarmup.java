package org.oncogate.bench;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Warm-up until the JIT compiler is quiet. On 2 cores the JIT competes with the gateway for CPU: after a
 * few thousand messages it still compiles for most of a core (JFR, 2026-12-02: about 100 s of compiling
 * after start-up under the HL7 and FHIR benchmarks), so a step measured then measures the compiler too.
 * A long-running gateway has long finished compiling, so the benchmarks repeat their warm-up round until
 * the compiler used less than {@link #QUIET_SHARE} of one core during a round, starting no new round once
 * the warm-up has taken its maximum time, and report the compiler's share during each measured step
 * beside its numbers. A cap on the time rather than on the rounds: under the FHIR benchmark the JIT still
 * compiled 35-71% of a core after 10 rounds.
 */
final class JitWarmup {

    /** Compile time during a round, as a share of the round's wall time, under which the JVM counts as warm. */
    static final double QUIET_SHARE = 0.05;

    /** One warm-up round: the benchmark's configured warm-up load. */
    @FunctionalInterface
    interface Round {
        void run() throws Exception;
    }

    /** A round that says the JIT's share of a core during it. */
    @FunctionalInterface
    interface MeasuredRound {
        double jitShare() throws Exception;
    }

    /** Where the compiler stood at a point in time, to measure its share of a step. */
    record Mark(long wallNanos, long compileMillis) {

        static Mark now() {
            return new Mark(System.nanoTime(), totalCompileMillis());
        }

        /** Compile time since this mark, as a share of one core's wall time since it (0 if unknown). */
        double jitShare() {
            double wallMillis = (System.nanoTime() - wallNanos) / 1e6;
            return wallMillis <= 0 ? 0 : Math.round((totalCompileMillis() - compileMillis) / wallMillis * 1000) / 1000.0;
        }
    }

    private JitWarmup() {
    }

    /**
     * Runs {@code round} (a warm-up of {@code messages}; none when 0) until a round's JIT share is under
     * {@link #QUIET_SHARE} or {@code max} has passed since the first began; prints each round's share.
     */
    static void untilQuiet(int messages, Duration max, Round round, PrintStream out) throws Exception {
        untilQuiet(messages, max, System::nanoTime, () -> {
            Mark mark = Mark.now();
            round.run();
            return mark.jitShare();
        }, out);
    }

    /** The same on a given clock ({@link System#nanoTime()}'s kind), so that a test can run past the time cap. */
    static void untilQuiet(int messages, Duration max, LongSupplier nanoTime, MeasuredRound round, PrintStream out)
            throws Exception {
        if (messages == 0) {
            return;
        }
        long start = nanoTime.getAsLong();
        int rounds = 0;
        double share;
        do {
            share = round.jitShare();
            rounds++;
            out.printf("warm-up round %d: JIT compiling %.0f%% of a core%n", rounds, share * 100);
            if (share < QUIET_SHARE) {
                return;
            }
        } while (nanoTime.getAsLong() - start < max.toNanos());
        out.printf("warm-up: gave up after %d rounds and %d s (%s=%s), the JIT not quiet: %.0f%% of a core in the last round;"
                + " the steps' jit column says how much it compiles during them%n", rounds,
                Duration.ofNanos(nanoTime.getAsLong() - start).toSeconds(), BenchOptions.WARMUP_MAX, max, share * 100);
    }

    /** Total JIT compile time of this JVM so far (all compiler threads), in milliseconds; 0 if the JVM does not say. */
    private static long totalCompileMillis() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
    }
}
