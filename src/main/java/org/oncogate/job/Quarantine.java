package org.oncogate.job;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.oncogate.store.Bucket;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps input the gateway refused, encrypted like everything else, so that nothing is lost: the
 * bytes exactly as received, and what was wrong with them. Expires with its time bucket.
 */
public final class Quarantine {

    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

    /** What is stored beside the refused bytes. */
    public record Entry(String id, String channel, String subscription, Instant receivedDateTime, JobError problem) {
    }

    private final RegionalStore store;

    public Quarantine(RegionalStore store) {
        this.store = store;
    }

    public Entry hold(String channel, String subscription, byte[] input, JobError problem) throws IOException {
        String id = UUID.randomUUID().toString();
        Instant now = store.clock().instant();
        Bucket bucket = store.policy().bucketFor(now);
        Entry entry = new Entry(id, channel, subscription, now, problem);
        store.write(PayloadKind.QUARANTINE, id, "input", input, bucket);
        store.write(PayloadKind.QUARANTINE, id, "problem", JobJson.writeStored(entry), bucket);
        LOG.warn("quarantined {} input {} ({} bytes): {}", channel, id, input.length, problem.code());
        return entry;
    }
}
