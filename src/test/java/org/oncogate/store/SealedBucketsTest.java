package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;

/**
 * Lookups in sealed buckets (ended more than {@link SealedBuckets#SEAL_AFTER} ago) answer from the names
 * read once from the bucket's directory, and still find everything this store wrote there, before and
 * after the names were read.
 */
class SealedBucketsTest {

    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));

    @Test
    void aSealedBucketFindsWhatItHoldsAndWhatThisStoreWritesIntoItLater() throws Exception {
        RegionalStore store = TestStores.store(folder, "eu-west", TestStores.randomKek(), clock);
        Bucket early = store.policy().bucketFor(clock.instant());
        for (int i = 0; i < 50; i++) {
            store.write(PayloadKind.INPUT, "job-" + i, "request", new byte[] {(byte) i}, early);
        }
        clock.advance(Duration.ofHours(2)); // sealed now; the current bucket is another

        assertThat(store.find(PayloadKind.INPUT, "job-7", "request")).map(StoredPayload::bucket).contains(early);
        assertThat(store.find(PayloadKind.INPUT, "job-50", "request")).isEmpty(); // names read from here on
        assertThat(store.find(PayloadKind.INPUT, "job-49", "request")).isPresent();

        store.write(PayloadKind.INPUT, "job-50", "request", new byte[] {50}, early);
        assertThat(store.find(PayloadKind.INPUT, "job-50", "request")).as("written after the names were read")
                .map(StoredPayload::bucket).contains(early);
        assertThat(store.read(store.find(PayloadKind.INPUT, "job-50", "request").orElseThrow())).containsExactly(50);
    }

    @Test
    void theNewestBucketHoldingAnIdWinsAcrossSealedAndOpenBuckets() throws Exception {
        RegionalStore store = TestStores.store(folder, "eu-west", TestStores.randomKek(), clock);
        store.write(PayloadKind.INPUT, "job-1", "request", new byte[] {1});
        clock.advance(Duration.ofHours(3));
        assertThat(store.find(PayloadKind.INPUT, "job-2", "request")).isEmpty();
        store.write(PayloadKind.INPUT, "job-1", "request", new byte[] {2}); // the current bucket, not sealed

        assertThat(store.find(PayloadKind.INPUT, "job-1", "request")).map(StoredPayload::bucket)
                .contains(store.policy().bucketFor(clock.instant()));
    }
}
