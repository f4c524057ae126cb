package org.oncogate.bench;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Unexpected answers, counted by what was sent and what came back (status and error code, or the
 * exception's type). The first few are printed as they happen; request bodies never are.
 */
final class Failures {

    private static final int PRINTED = 10;

    private final PrintStream out;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicInteger seen = new AtomicInteger();

    Failures(PrintStream out) {
        this.out = out;
    }

    void record(String request, JobApiClient.Reply reply) {
        record(request + " -> HTTP " + reply.status() + " " + reply.errorCode());
    }

    void record(String request, Exception failure) {
        // the type only: a message could quote what was sent
        record(request + " -> " + failure.getClass().getName());
    }

    Map<String, Long> counts() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((what, count) -> sorted.put(what, count.sum()));
        return sorted;
    }

    void record(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
        int n = seen.incrementAndGet();
        if (n <= PRINTED) {
            out.println("  ! " + what);
        }
        if (n == PRINTED) {
            out.println("  ! (further failures are only counted; see the report)");
        }
    }
}
