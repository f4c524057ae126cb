package org.oncogate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.oncogate.audit.AuditLog;
import org.oncogate.audit.GatewayAudit;
import org.oncogate.store.BucketKeys;
import org.oncogate.store.KekSource;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.RetentionPolicy;

/**
 * The regional store, its keys and KEK, and the audit log, opened from configuration in one way for
 * the gateway and for the operator commands.
 */
record Storage(Path dataDir, String region, KekSource kek, BucketKeys keys, RegionalStore store, AuditLog audit,
               GatewayAudit gatewayAudit) {

    static Storage open(Config config, Clock clock) {
        Path dataDir = Path.of(config.get("oncogate.data-dir"));
        String region = config.get("oncogate.region");
        RetentionPolicy retention = new RetentionPolicy(Duration.parse(config.get("oncogate.retention")),
                Duration.parse(config.get("oncogate.store.bucket-width")));
        AuditLog audit = AuditLog.open(dataDir.resolve("audit"), clock);
        GatewayAudit gatewayAudit = new GatewayAudit(audit, region,
                Map.of("region", region, "retention", retention.retention().toString()));
        KekSource kek = KekSource.fromSpec(config.find("oncogate.kek"), Path.of(config.get("oncogate.kek.dev-dir")), dataDir,
                config.find("oncogate.kek.kms-client"));
        Path storeRoot = dataDir.resolve("store");
        BucketKeys keys = new BucketKeys(storeRoot.resolve(region), kek, gatewayAudit);
        RegionalStore store = new RegionalStore(storeRoot, region, keys, retention, clock);
        return new Storage(dataDir, region, kek, keys, store, audit, gatewayAudit);
    }
}
