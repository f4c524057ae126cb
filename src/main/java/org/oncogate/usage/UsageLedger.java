package org.oncogate.usage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Tallies per hour, kept until the hourly report has written them. */
public final class UsageLedger {

    private final NavigableMap<Instant, Map<UsageKey, UsageTally>> hours = new TreeMap<>();

    public synchronized void add(Instant at, UsageEvent event) {
        hours.computeIfAbsent(at.truncatedTo(ChronoUnit.HOURS), h -> new TreeMap<>(UsageLedger::compare))
                .merge(event.key(), UsageTally.ZERO.plus(event), (a, b) -> new UsageTally(
                        a.calls() + b.calls(), a.documents() + b.documents(), a.characters() + b.characters()));
    }

    /** Removes and returns the hours that ended at or before {@code now}. */
    public synchronized NavigableMap<Instant, Map<UsageKey, UsageTally>> takeCompletedHours(Instant now) {
        NavigableMap<Instant, Map<UsageKey, UsageTally>> completed =
                new TreeMap<>(hours.headMap(now.truncatedTo(ChronoUnit.HOURS), false));
        completed.keySet().forEach(hours::remove);
        return completed;
    }

    private static int compare(UsageKey a, UsageKey b) {
        return (a.api() + '\0' + a.operation() + '\0' + a.subscription() + '\0' + a.outcome())
                .compareTo(b.api() + '\0' + b.operation() + '\0' + b.subscription() + '\0' + b.outcome());
    }
}
