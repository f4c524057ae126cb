package org.oncogate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When the warm-up stops: at the first quiet round, or once its maximum time has passed. A fake clock; no timing. */
class JitWarmupTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger rounds = new AtomicInteger();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    /** A round of one minute on the fake clock in which the JIT compiled {@code share} of a core. */
    private JitWarmup.MeasuredRound minuteOf(double... shares) {
        return () -> {
            now.addAndGet(Duration.ofMinutes(1).toNanos());
            return shares[Math.min(rounds.getAndIncrement(), shares.length - 1)];
        };
    }

    @Test
    void aJitThatNeverQuietensIsGivenUpOnOnceTheMaximumTimeHasPassed() throws Exception {
        JitWarmup.untilQuiet(10, Duration.ofMinutes(3), now::get, minuteOf(0.5), out);

        assertThat(rounds).as("rounds of a minute within a 3-minute cap").hasValue(3);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("warm-up round 3: JIT compiling 50% of a core")
                .contains("gave up after 3 rounds and 180 s (bench.warmup.max=PT3M)")
                .contains("50% of a core in the last round");
    }

    @Test
    void aQuietRoundEndsTheWarmUpBeforeTheMaximumTime() throws Exception {
        JitWarmup.untilQuiet(10, Duration.ofMinutes(30), now::get, minuteOf(0.6, 0.2, 0.01), out);

        assertThat(rounds).hasValue(3);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("warm-up round 3: JIT compiling 1% of a core")
                .doesNotContain("gave up");
    }

    @Test
    void noWarmUpMessagesMeansNoRound() throws Exception {
        JitWarmup.untilQuiet(0, Duration.ofMinutes(3), now::get, minuteOf(0.5), out);

        assertThat(rounds).hasValue(0);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
