package org.oncogate.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Counts usage into Micrometer (scraped at /observe/metrics) and into the hourly ledger. Counters
 * live in memory, outside the store, so the purge never touches them.
 */
public final class UsageCounters {

    private final MeterRegistry registry;
    private final Tags instance;
    private final UsageLedger ledger;
    private final Clock clock;
    private final List<LongSupplier> sources = new CopyOnWriteArrayList<>();
    private final Map<UsageKey, CallCounters> calls = new ConcurrentHashMap<>();

    public UsageCounters(MeterRegistry registry, String resource, String region, UsageLedger ledger, Clock clock) {
        this.registry = registry;
        this.instance = Tags.of("resource", resource, "region", region);
        this.ledger = ledger;
        this.clock = clock;
    }

    public void record(UsageEvent event) {
        CallCounters counters = calls.computeIfAbsent(event.key(), this::callCounters);
        counters.calls().increment();
        counters.documents().increment(event.documents());
        counters.characters().increment(event.characters());
        ledger.add(clock.instant(), event);
    }

    /** The three counters of one label set, registered once: a lookup by tags on every call costs more than the count. */
    private record CallCounters(Counter calls, Counter documents, Counter characters) {
    }

    private CallCounters callCounters(UsageKey key) {
        Tags tags = instance.and("api", key.api(), "operation", key.operation(),
                "subscription", key.subscription(), "outcome", key.outcome());
        return new CallCounters(counter("oncogate.usage.calls", "calls per api, operation, subscription and outcome", tags),
                counter("oncogate.usage.documents", "documents in those calls", tags),
                counter("oncogate.usage.characters", "characters of document text in those calls", tags));
    }

    /**
     * A count kept elsewhere (break-glass attempts are counted from the audit log), exposed as a counter
     * under this instance's resource and region and the given outcome.
     */
    public void countFrom(String name, String description, String outcome, LongSupplier count) {
        sources.add(count); // Micrometer holds a function counter's source weakly
        FunctionCounter.builder(name, count, c -> c.getAsLong()).description(description)
                .tags(instance.and("outcome", outcome)).register(registry);
    }

    /** A value read when scraped (the age of the oldest stored payload), under this instance's tags. */
    public void gauge(String name, String description, String unit, DoubleSupplier value) {
        Gauge.builder(name, value, DoubleSupplier::getAsDouble).strongReference(true).description(description).baseUnit(unit)
                .tags(instance).register(registry);
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
