package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;

/**
 * The store keeps its listing of bucket directories while a kind's directory is unchanged, and never
 * misses a payload for it: its own writes into a new bucket, buckets that appear or go from outside
 * (the directory changes), and the purge's deletions are all seen at once.
 */
class BucketDirectoriesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:07:00Z");

    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void aWriteIntoANewBucketIsFoundThoughTheKindsDirectoryKeepsItsTime() throws Exception {
        RegionalStore store = TestStores.store(folder, "eu-west", TestStores.randomKek(), clock);
        Bucket earlier = store.policy().bucketFor(NOW.minus(Duration.ofHours(1)));
        store.write(PayloadKind.INPUT, "job-1", "request", new byte[] {1}, earlier);
        Path kindDir = store.regionRoot().resolve(PayloadKind.INPUT.dirName());
        FileTime settled = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(kindDir, settled);
        assertThat(store.find(PayloadKind.INPUT, "job-1", "request")).isPresent(); // the listing is kept from here

        store.write(PayloadKind.INPUT, "job-2", "request", new byte[] {2});
        Files.setLastModifiedTime(kindDir, settled); // as if the new directory had not changed it

        assertThat(store.find(PayloadKind.INPUT, "job-2", "request")).map(StoredPayload::bucket)
                .contains(store.policy().bucketFor(NOW));
    }

    @Test
    void bucketsMadeOrRemovedFromOutsideAreSeenOnceTheDirectoryChanges() throws Exception {
        Path kindDir = folder.resolve("input");
        Bucket first = new Bucket(Instant.parse("2026-12-02T07:00:00Z"));
        Bucket second = new Bucket(Instant.parse("2026-12-02T07:15:00Z"));
        Files.createDirectories(kindDir.resolve(first.id()));
        Files.createDirectories(kindDir.resolve("not-a-bucket"));
        Files.setLastModifiedTime(kindDir, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        BucketDirectories directories = new BucketDirectories(folder);
        assertThat(directories.of(PayloadKind.INPUT)).containsExactly(first);
        assertThat(directories.of(PayloadKind.INPUT)).as("kept").containsExactly(first);

        Files.createDirectories(kindDir.resolve(second.id()));
        assertThat(directories.of(PayloadKind.INPUT)).containsExactly(first, second);

        Files.delete(kindDir.resolve(first.id()));
        assertThat(directories.of(PayloadKind.INPUT)).containsExactly(second);
        assertThat(directories.of(PayloadKind.STATE)).as("no directory yet").isEmpty();
    }

    @Test
    void thePurgesDeletionsAreSeenAtOnce() throws Exception {
        RegionalStore store = TestStores.store(folder, "eu-west", TestStores.randomKek(), clock);
        store.write(PayloadKind.INPUT, "job-1", "request", new byte[] {1});
        Files.setLastModifiedTime(store.regionRoot().resolve(PayloadKind.INPUT.dirName()),
                FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Bucket bucket = store.policy().bucketFor(NOW);
        assertThat(store.bucketsOnDisk()).containsExactly(bucket);

        clock.advance(Duration.ofHours(24));
        store.keys().destroy(bucket);
        store.deleteExpiredBucket(bucket);

        assertThat(store.bucketsOnDisk()).isEmpty();
    }
}
