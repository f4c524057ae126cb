package org.oncogate.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.oncogate.retention.PurgeRun;
import org.oncogate.store.Bucket;
import org.oncogate.store.KeyEvents;

/**
 * What the running gateway writes to the audit log: start-up and shutdown, changes of the audited
 * settings (retention, region) since the last start, data keys created and destroyed, purge runs.
 */
public final class GatewayAudit extends LifecycleStrategySupport implements KeyEvents {

    static final String ACTOR = "gateway";
    static final String STARTED = "gateway.start";

    private final AuditLog log;
    private final String region;
    private final Map<String, String> settings;

    /** {@code settings}: the audited configuration (e.g. region, retention) as it is now. */
    public GatewayAudit(AuditLog log, String region, Map<String, String> settings) {
        this.log = Objects.requireNonNull(log, "log");
        this.region = region;
        this.settings = new TreeMap<>(settings);
    }

    @Override
    public void onContextStarted(CamelContext context) {
        Map<String, String> before = log.last(STARTED).map(AuditEntry::objects).orElse(new TreeMap<>());
        settings.forEach((name, value) -> {
            String previous = before.get(name);
            if (previous != null && !previous.equals(value)) {
                record("config.change", Map.of("setting", name, "from", previous, "to", value));
            }
        });
        record(STARTED, settings);
    }

    @Override
    public void onContextStopping(CamelContext context) {
        record("gateway.stop", Map.of("region", region));
    }

    @Override
    public void created(Bucket bucket) {
        record("key.create", Map.of("region", region, "bucket", bucket.id()));
    }

    @Override
    public void destroyed(Bucket bucket) {
        record("key.destroy", Map.of("region", region, "bucket", bucket.id()));
    }

    /** Called by the purge routes with the run's counts. */
    public void purged(PurgeRun run) {
        record("purge.run", Map.of("region", region,
                "buckets-destroyed", Integer.toString(run.bucketsDestroyed()),
                "files-deleted", Integer.toString(run.filesDeleted()),
                "outbox-files-deleted", Integer.toString(run.outboxFilesDeleted())));
    }

    private void record(String action, Map<String, String> objects) {
        log.append(new AuditEntry.Event(ACTOR, action, objects, "ok"));
    }
}
