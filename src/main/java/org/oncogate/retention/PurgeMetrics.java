package org.oncogate.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/** What purge runs removed, as counters (scraped at /observe/metrics): counts only, like {@link PurgeRun}. */
public final class PurgeMetrics {

    private final Counter runs;
    private final Counter buckets;
    private final Counter files;
    private final Counter outboxFiles;

    public PurgeMetrics(MeterRegistry registry, String resource, String region) {
        Tags tags = Tags.of("resource", resource, "region", region);
        runs = Counter.builder("oncogate.purge.runs").description("purge runs completed").tags(tags).register(registry);
        buckets = Counter.builder("oncogate.purge.buckets.destroyed").description("bucket keys destroyed by the purge")
                .tags(tags).register(registry);
        files = Counter.builder("oncogate.purge.files.deleted").description("store files deleted by the purge")
                .tags(tags).register(registry);
        outboxFiles = Counter.builder("oncogate.purge.outbox.files.deleted")
                .description("outbox files deleted by the purge").tags(tags).register(registry);
    }

    /** Called by the purge routes with the run's counts. */
    public PurgeRun record(PurgeRun run) {
        runs.increment();
        buckets.increment(run.bucketsDestroyed());
        files.increment(run.filesDeleted());
        outboxFiles.increment(run.outboxFilesDeleted());
        return run;
    }
}
