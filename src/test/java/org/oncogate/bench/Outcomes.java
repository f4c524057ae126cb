package org.oncogate.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts of how jobs ended, updated from many threads. */
final class Outcomes {

    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);

    Outcomes() {
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, new LongAdder());
        }
    }

    void add(Outcome outcome) {
        counts.get(outcome).increment();
    }

    long count(Outcome outcome) {
        return counts.get(outcome).sum();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long notSucceeded() {
        return total() - count(Outcome.SUCCEEDED);
    }

    Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        counts.forEach((outcome, count) -> map.put(outcome.wireName(), count.sum()));
        return map;
    }
}
