package org.oncogate.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.oncogate.store.Bucket;
import org.oncogate.store.BucketKeys;
import org.oncogate.store.DurableFiles;
import org.oncogate.store.RegionalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes everything past its retention. For each expired bucket, its key is destroyed first, so
 * its payloads are unreadable at once even if deleting the files fails or the process dies; then
 * its files go. Buckets whose key is already gone (a crash between the two steps) are finished off.
 * Outbox files are not bucketed: they go by their last-modified time, which their writers set from
 * the store's clock. Must run at least once per bucket width (see {@code RetentionPolicy}).
 */
public final class Purge {

    private static final Logger LOG = LoggerFactory.getLogger(Purge.class);

    private final RegionalStore store;
    private final BucketKeys keys;
    private final Path outboxRoot;

    public Purge(RegionalStore store, BucketKeys keys, Path outboxRoot) {
        this.store = Objects.requireNonNull(store, "store");
        this.keys = Objects.requireNonNull(keys, "keys");
        if (keys != store.keys()) {
            // another instance would leave destroyed keys usable in the store's cache
            throw new IllegalArgumentException("the purge must use the store's own BucketKeys");
        }
        this.outboxRoot = Objects.requireNonNull(outboxRoot, "outboxRoot");
    }

    public synchronized PurgeRun run() {
        Instant now = store.clock().instant();
        try {
            Set<Bucket> keyed = new TreeSet<>(keys.buckets());
            Set<Bucket> expired = new TreeSet<>(keyed);
            expired.addAll(store.bucketsOnDisk());
            expired.removeIf(b -> !store.policy().isExpired(b, now));
            int destroyed = 0;
            for (Bucket bucket : expired) { // every key first: a failing file deletion delays no shredding
                keys.destroy(bucket);
                if (keyed.contains(bucket)) {
                    destroyed++;
                }
            }
            int files = 0;
            for (Bucket bucket : expired) {
                files += store.deleteExpiredBucket(bucket);
            }
            Instant staleTemp = now.minus(store.policy().bucketWidth());
            files += DurableFiles.deleteStaleTemps(store.regionRoot(), staleTemp);
            int outbox = DurableFiles.deleteStaleTemps(outboxRoot, staleTemp)
                    + purgeOutbox(store.policy().unbucketedCutoff(now));
            PurgeRun run = new PurgeRun(destroyed, files, outbox);
            LOG.info("purge in region {}: {} bucket keys destroyed, {} files deleted, {} outbox files deleted",
                    store.region(), run.bucketsDestroyed(), run.filesDeleted(), run.outboxFilesDeleted());
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("purge in region " + store.region() + " failed", e);
        }
    }

    /** Regular files under the outbox, any depth, last modified at or before the cutoff. */
    private int purgeOutbox(Instant cutoff) throws IOException {
        if (!Files.isDirectory(outboxRoot)) {
            return 0;
        }
        List<Path> files = DurableFiles.regularFilesUnder(outboxRoot);
        int deleted = 0;
        for (Path file : files) {
            try {
                Instant modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
                if (!modified.isAfter(cutoff) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            } catch (NoSuchFileException e) {
                // picked up or removed meanwhile
            }
        }
        return deleted;
    }
}
