package org.oncogate.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;

/**
 * Counts usage into Micrometer (scraped at /observe/metrics) and into the hourly ledger. Counters
 * live in memory, outside the store, so the purge never touches them.
 */
public final class UsageCounters {

    private final MeterRegistry registry;
    private final Tags instance;
    private final UsageLedger ledger;
    private final Clock clock;

    public UsageCounters(MeterRegistry registry, String resource, String region, UsageLedger ledger, Clock clock) {
        this.registry = registry;
        this.instance = Tags.of("resource", resource, "region", region);
        this.ledger = ledger;
        this.clock = clock;
    }

    public void record(UsageEvent event) {
        Tags tags = instance.and("api", event.api(), "operation", event.operation(),
                "subscription", event.subscription(), "outcome", event.outcome());
        counter("oncogate.usage.calls", "calls per api, operation, subscription and outcome", tags).increment();
        counter("oncogate.usage.documents", "documents in those calls", tags).increment(event.documents());
        counter("oncogate.usage.characters", "characters of document text in those calls", tags)
                .increment(event.characters());
        ledger.add(clock.instant(), event);
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
