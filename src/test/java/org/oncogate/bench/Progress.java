package org.oncogate.bench;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/** Prints a line each time another tenth of a phase is done, so a long run shows it is alive. */
final class Progress {

    private final String phase;
    private final long total;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();

    Progress(String phase, long total, PrintStream out) {
        this.phase = phase;
        this.total = total;
        this.out = out;
    }

    /** A progress that prints nothing, for the warm-up. */
    static Progress quiet(String phase, long total) {
        return new Progress(phase, total, null);
    }

    void advance() {
        long now = done.incrementAndGet();
        if (out != null && now * 10 / total > (now - 1) * 10 / total) {
            out.printf("  %-10s %3d%%  %d/%d  %.1f s%n", phase, now * 100 / total, now, total,
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
