package org.oncogate.store;

import org.oncogate.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.store.PayloadUnavailableException.Reason;

class RegionalStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-29T13:20:00Z");
    private static final byte[] REQUEST = "{\"patients\":[{\"id\":\"p1\"}]}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;
    private final MutableClock clock = new MutableClock(T0);
    private final KekSource kek = TestStores.randomKek();
    private RegionalStore store;

    @BeforeEach
    void setUp() {
        store = TestStores.store(root, "eu", kek, clock);
    }

    @Test
    void roundTripIntoTheCurrentBucket() throws Exception {
        StoredPayload ref = store.write(PayloadKind.INPUT, "job-1", "request", REQUEST);

        assertThat(ref.bucket().id()).isEqualTo("20261129T1315");
        assertThat(ref.path()).as("the bucket journal's first segment")
                .isEqualTo(root.toAbsolutePath().resolve("eu/input/20261129T1315/00000001.journal"));
        assertThat(ref.path()).exists();
        assertThat(store.read(ref)).isEqualTo(REQUEST);
    }

    @Test
    void readWorksAfterRestartWithTheSameKek() throws Exception {
        StoredPayload ref = store.write(PayloadKind.STATE, "job-1", "result", REQUEST);
        RegionalStore restarted = TestStores.store(root, "eu", kek, clock);
        assertThat(restarted.read(ref)).isEqualTo(REQUEST);
        assertThat(restarted.find(PayloadKind.STATE, "job-1", "result")).contains(ref);
    }

    @Test
    void flippedByteFailsToDecrypt() throws Exception {
        StoredPayload ref = store.write(PayloadKind.INPUT, "job-1", "request", REQUEST);
        StoreTampering.flipCiphertextBit(ref);

        assertUnavailable(ref, Reason.UNDECRYPTABLE);
    }

    @Test
    void fileCopiedToAnotherIdPartKindOrBucketFailsToDecrypt() throws Exception {
        StoredPayload ref = store.write(PayloadKind.INPUT, "job-1", "request", REQUEST);
        StoredPayload otherId = store.write(PayloadKind.INPUT, "job-2", "request", bytes("other job"));
        StoredPayload otherPart = store.write(PayloadKind.INPUT, "job-1", "extra", bytes("other part"));
        StoredPayload otherKind = store.write(PayloadKind.STATE, "job-1", "request", bytes("other kind"));
        clock.advance(Duration.ofMinutes(15));
        StoredPayload otherBucket = store.write(PayloadKind.INPUT, "job-1", "request", bytes("later bucket"));
        assertThat(otherBucket.bucket()).isNotEqualTo(ref.bucket());

        for (StoredPayload victim : List.of(otherId, otherPart, otherKind, otherBucket)) {
            RegionalStore swapped = StoreTampering.swapIn(store, ref, victim);
            assertUnavailable(victim, Reason.UNDECRYPTABLE, swapped);
            assertThat(swapped.read(ref)).as("the original still reads").isEqualTo(REQUEST);
        }
    }

    @Test
    void fileMovedToAnotherRegionFailsToDecryptEvenUnderTheSameKek() throws Exception {
        StoredPayload ref = store.write(PayloadKind.INPUT, "job-1", "request", REQUEST);
        RegionalStore us = TestStores.store(root, "us", kek, clock);
        StoredPayload there = us.write(PayloadKind.INPUT, "job-1", "request", bytes("us job"));

        RegionalStore swapped = StoreTampering.swapIn(us, ref, there);

        assertThatThrownBy(() -> swapped.read(there)).isInstanceOf(PayloadUnavailableException.class);
    }

    @Test
    void keysetOfAnotherBucketSwappedInFails() throws Exception {
        StoredPayload ref = store.write(PayloadKind.INPUT, "job-1", "request", REQUEST);
        clock.advance(Duration.ofMinutes(15));
        StoredPayload later = store.write(PayloadKind.INPUT, "job-2", "request", bytes("later"));
        Path keys = store.regionRoot().resolve("keys");
        Files.copy(keys.resolve(later.bucket().id() + ".keyset.json"), keys.resolve(ref.bucket().id() + ".keyset.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        RegionalStore restarted = TestStores.store(root, "eu", kek, clock); // nothing cached

        assertThatThrownBy(() -> restarted.read(ref))
                .isInstanceOfSatisfying(PayloadUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNDECRYPTABLE));
        assertThat(restarted.read(later)).isEqualTo(bytes("later"));
    }

    @Test
    void anotherKekCannotOpenTheKeysets() throws Exception {
        StoredPayload ref = store.write(PayloadKind.INPUT, "job-1", "request", REQUEST);
        RegionalStore wrongKek = TestStores.store(root, "eu", TestStores.randomKek(), clock);
        assertThatThrownBy(() -> wrongKek.read(ref)).isInstanceOf(PayloadUnavailableException.class);
    }

    @Test
    void missingFileAndMissingKeyAreReported() throws Exception {
        StoredPayload ref = store.write(PayloadKind.INPUT, "job-1", "request", REQUEST);
        Files.delete(ref.path());
        assertUnavailable(ref, Reason.MISSING, StoreTampering.reopened(store));

        clock.advance(Duration.ofMinutes(15)); // another bucket: another segment, another key
        StoredPayload other = store.write(PayloadKind.INPUT, "job-2", "request", REQUEST);
        Files.delete(store.regionRoot().resolve("keys").resolve(other.bucket().id() + ".keyset.json"));
        assertUnavailable(other, Reason.KEY_MISSING, TestStores.store(root, "eu", kek, clock));
    }

    @Test
    void readRefusesAnExpiredBucketBeforeAnyPurge() throws Exception {
        StoredPayload ref = store.write(PayloadKind.STATE, "job-1", "result", REQUEST);
        Instant expiry = store.policy().expiryOf(ref.bucket());

        clock.set(expiry.minusMillis(1));
        assertThat(store.read(ref)).isEqualTo(REQUEST);
        assertThat(store.find(PayloadKind.STATE, "job-1", "result")).isPresent();

        clock.set(expiry);
        assertThat(ref.path()).as("still on disk: no purge has run").exists();
        assertUnavailable(ref, Reason.EXPIRED);
        assertThat(store.find(PayloadKind.STATE, "job-1", "result")).isEmpty();
        assertThat(store.list(PayloadKind.STATE)).isEmpty();
    }

    @Test
    void writeRefusesAnExpiredBucket() throws Exception {
        Bucket jobBucket = store.write(PayloadKind.INPUT, "job-1", "request", REQUEST).bucket();
        clock.set(store.policy().expiryOf(jobBucket));

        assertThatThrownBy(() -> store.write(PayloadKind.STATE, "job-1", "result", REQUEST, jobBucket))
                .isInstanceOf(ExpiredBucketException.class)
                .hasMessageContaining(jobBucket.id());
        assertThat(store.regionRoot().resolve("state")).doesNotExist();
    }

    @Test
    void allPartsOfAJobStayInItsBucket() throws Exception {
        Bucket jobBucket = store.write(PayloadKind.INPUT, "job-1", "request", REQUEST).bucket();
        clock.advance(Duration.ofHours(3));

        StoredPayload result = store.write(PayloadKind.STATE, "job-1", "result", bytes("result"), jobBucket);

        assertThat(result.bucket()).isEqualTo(jobBucket);
        assertThat(store.read(result)).isEqualTo(bytes("result"));
    }

    @Test
    void findAndListSeeOnlyUnexpiredPayloadsOfTheKind() throws Exception {
        store.write(PayloadKind.INPUT, "old.job", "request", REQUEST);
        clock.advance(Duration.ofHours(20));
        StoredPayload young = store.write(PayloadKind.INPUT, "new.job.1", "request", REQUEST);
        StoredPayload youngState = store.write(PayloadKind.STATE, "new.job.1", "status", REQUEST);
        clock.advance(Duration.ofHours(4)); // the first is now 24 h old

        assertThat(store.list(PayloadKind.INPUT)).containsExactly(young);
        assertThat(store.list(PayloadKind.STATE)).containsExactly(youngState);
        assertThat(store.list(PayloadKind.QUARANTINE)).isEmpty();
        assertThat(store.find(PayloadKind.INPUT, "new.job.1", "request")).contains(young);
        assertThat(store.find(PayloadKind.INPUT, "old.job", "request")).isEmpty();
        assertThat(store.find(PayloadKind.INPUT, "new.job.1", "result")).isEmpty();
    }

    @Test
    void concurrentFirstWritesToANewBucketShareOneKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<StoredPayload>> writes = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String id = "job-" + i;
                writes.add(() -> store.write(PayloadKind.INPUT, id, "request", bytes(id)));
            }
            List<StoredPayload> refs = new ArrayList<>();
            for (Future<StoredPayload> f : pool.invokeAll(writes)) {
                refs.add(f.get());
            }
            RegionalStore restarted = TestStores.store(root, "eu", kek, clock);
            for (StoredPayload ref : refs) {
                assertThat(restarted.read(ref)).isEqualTo(bytes(ref.id()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unavailableMessageNamesKindAndIdOnly() throws Exception {
        StoredPayload ref = store.write(PayloadKind.QUARANTINE, "msg-42", "raw", bytes("PHI-CANARY"));
        clock.advance(Duration.ofDays(1));
        assertThatThrownBy(() -> store.read(ref)).hasMessage("quarantine payload msg-42 is unavailable (expired)");
    }

    @Test
    void keysOfAnotherRegionRootAreRefused() {
        BucketKeys usKeys = new BucketKeys(root.resolve("us"), kek);
        assertThatThrownBy(() -> new RegionalStore(root, "eu", usKeys, TestStores.DEFAULT_POLICY, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertUnavailable(StoredPayload ref, Reason reason) {
        assertUnavailable(ref, reason, store);
    }

    private static void assertUnavailable(StoredPayload ref, Reason reason, RegionalStore from) {
        assertThatThrownBy(() -> from.read(ref))
                .isInstanceOfSatisfying(PayloadUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.kind()).isEqualTo(ref.kind());
                    assertThat(e.id()).isEqualTo(ref.id());
                });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
