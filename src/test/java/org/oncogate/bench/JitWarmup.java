package org.oncogate.bench;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warm-up until the JIT compiler is quiet. On 2 cores the JIT competes with the gateway for CPU: after a
 * few thousand messages it still compiles for most of a core (JFR, 2026-12-02: about 100 s of compiling
 * after start-up under the HL7 and FHIR benchmarks), so a step measured then measures the compiler too.
 * A long-running gateway has long finished compiling, so the benchmarks repeat their warm-up round until
 * the compiler used less than {@link #QUIET_SHARE} of one core during a round, at most {@link #MAX_ROUNDS}
 * rounds, and report the compiler's share during each measured step beside its numbers.
 */
final class JitWarmup {

    /** Compile time during a round, as a share of the round's wall time, under which the JVM counts as warm. */
    static final double QUIET_SHARE = 0.05;
    static final int MAX_ROUNDS = 10;

    /** One warm-up round: the benchmark's configured warm-up load. */
    @FunctionalInterface
    interface Round {
        void run() throws Exception;
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
     * {@link #QUIET_SHARE}; prints each round's share.
     */
    static void untilQuiet(int messages, Round round, PrintStream out) throws Exception {
        if (messages == 0) {
            return;
        }
        for (int r = 1; r <= MAX_ROUNDS; r++) {
            Mark mark = Mark.now();
            round.run();
            double share = mark.jitShare();
            out.printf("warm-up round %d: JIT compiling %.0f%% of a core%n", r, share * 100);
            if (share < QUIET_SHARE) {
                return;
            }
        }
        out.printf("warm-up: the JIT still compiles after %d rounds; the steps' jit column says how much%n", MAX_ROUNDS);
    }

    /** Total JIT compile time of this JVM so far (all compiler threads), in milliseconds; 0 if the JVM does not say. */
    private static long totalCompileMillis() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
    }
}
