package org.oncogate.retention;

import org.oncogate.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.store.Bucket;
import org.oncogate.store.BucketKeys;
import org.oncogate.store.KekSource;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.PayloadUnavailableException;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.StoredPayload;
import org.oncogate.store.TestStores;

class PurgeTest {

    private static final Instant T0 = Instant.parse("2026-11-29T00:07:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration TWO_DAYS = Duration.ofHours(48);

    @TempDir
    Path tmp;
    private Path storeRoot;
    private Path outbox;
    private final MutableClock clock = new MutableClock(T0);
    private final KekSource kek = TestStores.randomKek();
    private BucketKeys keys;
    private RegionalStore store;
    private Purge purge;

    /** One write of the simulation: what, when. */
    private record Written(StoredPayload ref, Instant at, byte[] plaintext) {
    }

    @BeforeEach
    void setUp() {
        storeRoot = tmp.resolve("store");
        outbox = tmp.resolve("outbox");
        keys = new BucketKeys(storeRoot.resolve("eu"), kek);
        store = TestStores.store(keys, storeRoot, "eu", clock);
        purge = new Purge(store, keys, outbox);
    }

    @Test
    void purgeAfter48HoursOfWritesLeavesNothingOlderThan24hAndKeepsEverythingYoungerThan23h() throws Exception {
        long seed = System.nanoTime();
        List<Written> writes = writeAtRandomTimes(new Random(seed), 200);
        Instant end = T0.plus(TWO_DAYS);
        clock.set(end);

        PurgeRun run = purge.run();

        Set<Bucket> expiredBuckets = new HashSet<>();
        Set<Path> expiredSegments = new HashSet<>(); // one journal segment per kind and bucket here
        for (Written w : writes) {
            Duration age = Duration.between(w.at(), end);
            if (store.policy().isExpired(w.ref().bucket(), end)) {
                expiredBuckets.add(w.ref().bucket());
                expiredSegments.add(w.ref().path());
            }
            if (age.compareTo(DAY) >= 0) {
                assertGone(w, "seed " + seed);
            } else if (age.compareTo(Duration.ofHours(23)) < 0) {
                assertThat(store.read(w.ref())).as("seed %d: written %s ago", seed, age).isEqualTo(w.plaintext());
            }
        }
        assertNothingOnDiskForExpiredBuckets(end);
        assertThat(run).isEqualTo(new PurgeRun(expiredBuckets.size(), expiredSegments.size(), 0));
        assertThat(purge.run()).as("a second run finds nothing").isEqualTo(new PurgeRun(0, 0, 0));
    }

    @Test
    void purgingEveryFiveMinutesNothingSurvives24hOnDiskAndEverythingReads23h() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Written> writes = new ArrayList<>();
        for (Instant now = T0; now.isBefore(T0.plus(TWO_DAYS)); now = now.plus(Duration.ofMinutes(5))) {
            int count = random.nextInt(3) == 0 ? 1 : 0; // about 190 writes in 48 h
            writes.addAll(writeAtRandomTimes(random, count, now, Duration.ofMinutes(5), writes.size()));
            Instant beforePurge = now.plus(Duration.ofMinutes(5));
            clock.set(beforePurge);
            // the worst moment: just before the next purge
            List<Bucket> keyed = keys.buckets();
            for (Written w : writes) {
                if (!Duration.between(w.at(), beforePurge).minus(DAY).isNegative()) {
                    assertThat(w.ref().path()).as("seed %d: on disk 24 h after its write", seed).doesNotExist();
                    assertThat(keyed).as("seed %d", seed).doesNotContain(w.ref().bucket());
                }
            }
            purge.run();
            if (beforePurge.getEpochSecond() % 3600 == 0) { // hourly: is everything younger than 23 h readable?
                for (Written w : writes) {
                    if (Duration.between(w.at(), beforePurge).compareTo(Duration.ofHours(23)) < 0) {
                        assertThat(store.read(w.ref())).as("seed %d", seed).isEqualTo(w.plaintext());
                    }
                }
            }
        }
        assertThat(writes).hasSizeGreaterThan(120);
    }

    @Test
    void destroyedKeyMakesASurvivingFileUnreadable() throws Exception {
        StoredPayload ref = store.write(PayloadKind.STATE, "job-1", "result", bytes("result of job-1"));
        Path aside = Files.copy(ref.path(), tmp.resolve("aside.tink"));
        clock.set(store.policy().expiryOf(ref.bucket()));

        assertThat(purge.run().bucketsDestroyed()).isEqualTo(1);
        assertThat(ref.path()).doesNotExist();
        Files.createDirectories(ref.path().getParent());
        Files.copy(aside, ref.path()); // the file survived, e.g. restored from a backup

        // even with the clock turned back to when it was written, and nothing cached, it cannot be read
        MutableClock rolledBack = new MutableClock(T0);
        RegionalStore revived = new RegionalStore(storeRoot, "eu", new BucketKeys(storeRoot.resolve("eu"), kek),
                store.policy(), rolledBack);
        assertThatThrownBy(() -> revived.read(ref))
                .isInstanceOfSatisfying(PayloadUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(PayloadUnavailableException.Reason.KEY_MISSING));
        assertThatThrownBy(() -> store.read(ref))
                .isInstanceOfSatisfying(PayloadUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(PayloadUnavailableException.Reason.EXPIRED));
    }

    @Test
    void expiredButNotYetPurgedIsAlreadyUnreadable() throws Exception {
        StoredPayload ref = store.write(PayloadKind.INPUT, "job-1", "request", bytes("request"));
        clock.set(store.policy().expiryOf(ref.bucket()));
        assertThat(ref.path()).exists();
        assertThatThrownBy(() -> store.read(ref)).isInstanceOf(PayloadUnavailableException.class);
    }

    @Test
    void bucketWhoseKeyIsAlreadyGoneIsDeletedOnceExpired() throws Exception {
        StoredPayload a = store.write(PayloadKind.INPUT, "job-1", "request", bytes("a"));
        store.write(PayloadKind.STATE, "job-1", "status", bytes("b"));
        clock.set(store.policy().expiryOf(a.bucket()));
        keys.destroy(a.bucket()); // the process died right after this, before deleting files

        BucketKeys restartedKeys = new BucketKeys(storeRoot.resolve("eu"), kek);
        RegionalStore restarted = TestStores.store(restartedKeys, storeRoot, "eu", clock);
        PurgeRun run = new Purge(restarted, restartedKeys, outbox).run();

        assertThat(run).isEqualTo(new PurgeRun(0, 2, 0));
        assertThat(storeRoot.resolve("eu/input/" + a.bucket().id())).doesNotExist();
        assertThat(storeRoot.resolve("eu/state/" + a.bucket().id())).doesNotExist();
    }

    @Test
    void expiredBucketDirectoryGoesEntirelyWithoutFollowingLinks() throws Exception {
        StoredPayload ref = store.write(PayloadKind.INPUT, "job-1", "request", bytes("a"));
        Path dir = ref.path().getParent();
        Path precious = Files.writeString(tmp.resolve("precious.txt"), "not the store's");
        Files.createSymbolicLink(dir.resolve("link"), precious);
        Files.createSymbolicLink(dir.resolve("dirlink"), tmp);
        Files.writeString(Files.createDirectories(dir.resolve("stray")).resolve("x"), "x");
        clock.set(store.policy().expiryOf(ref.bucket()));

        assertThat(purge.run()).isEqualTo(new PurgeRun(1, 2, 0));

        assertThat(dir).doesNotExist();
        assertThat(precious).hasContent("not the store's");
    }

    @Test
    void unexpiredBucketsAreLeftAloneExceptStaleTemps() throws Exception {
        StoredPayload ref = store.write(PayloadKind.INPUT, "job-1", "request", bytes("a"));
        Path dir = ref.path().getParent();
        Path staleTemp = Files.writeString(dir.resolve(".job-2.request.tink.1234.tmp"), "half");
        Path youngTemp = Files.writeString(dir.resolve(".job-3.request.tink.5678.tmp"), "being written");
        Files.setLastModifiedTime(staleTemp, FileTime.from(clock.instant().minus(Duration.ofMinutes(15))));
        Files.setLastModifiedTime(youngTemp, FileTime.from(clock.instant().minus(Duration.ofMinutes(14))));

        assertThat(purge.run()).isEqualTo(new PurgeRun(0, 1, 0));

        assertThat(staleTemp).doesNotExist();
        assertThat(youngTemp).exists();
        assertThat(store.read(ref)).isEqualTo(bytes("a"));
    }

    @Test
    void outboxFilesGoByLastModifiedTimeAtAnyDepth() throws Exception {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofHours(23).plusMinutes(45));
        Path atCutoff = outboxFile("report-1.txt", cutoff);
        Path older = outboxFile("errors/2026/11/report-2.txt", now.minus(Duration.ofHours(30)));
        Path younger = outboxFile("errors/report-3.txt", cutoff.plusSeconds(1));
        Path fresh = outboxFile("hl7/ORU-4.hl7", now);

        assertThat(purge.run()).isEqualTo(new PurgeRun(0, 0, 2));

        assertThat(atCutoff).doesNotExist();
        assertThat(older).doesNotExist();
        assertThat(younger).exists();
        assertThat(fresh).exists();
        assertThat(outbox.resolve("errors/2026/11")).as("directories stay").isDirectory();
    }

    @Test
    void purgeRefusesKeysOtherThanTheStores() {
        BucketKeys other = new BucketKeys(storeRoot.resolve("eu"), kek);
        assertThatThrownBy(() -> new Purge(store, other, outbox)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentRunsDeleteEachThingOnce() throws Exception {
        List<Written> writes = writeAtRandomTimes(new Random(7), 60);
        clock.set(T0.plus(TWO_DAYS));
        long expired = writes.stream().filter(w -> store.policy().isExpired(w.ref().bucket(), clock.instant()))
                .map(w -> w.ref().path()).distinct().count(); // journal segments, one per kind and bucket here

        CompletableFuture<PurgeRun> one = CompletableFuture.supplyAsync(purge::run);
        CompletableFuture<PurgeRun> two = CompletableFuture.supplyAsync(purge::run);

        assertThat(one.get().filesDeleted() + two.get().filesDeleted()).isEqualTo(expired);
    }

    private List<Written> writeAtRandomTimes(Random random, int count) throws Exception {
        return writeAtRandomTimes(random, count, T0, TWO_DAYS, 0);
    }

    /** {@code count} writes at sorted random instants in [from, from + span), each a fresh job id. */
    private List<Written> writeAtRandomTimes(Random random, int count, Instant from, Duration span, int firstJob)
            throws Exception {
        List<Instant> times = random.longs(count, 0, span.toMillis()).sorted()
                .mapToObj(from::plusMillis).collect(Collectors.toList());
        PayloadKind[] kinds = PayloadKind.values();
        List<Written> writes = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            clock.set(times.get(i));
            String id = "job-" + (firstJob + i);
            byte[] plaintext = bytes("payload of " + id);
            writes.add(new Written(store.write(kinds[random.nextInt(kinds.length)], id, "request", plaintext),
                    times.get(i), plaintext));
        }
        return writes;
    }

    private void assertGone(Written w, String context) {
        assertThatThrownBy(() -> store.read(w.ref())).as(context).isInstanceOf(PayloadUnavailableException.class);
        assertThat(w.ref().path()).as(context).doesNotExist();
        assertThat(w.ref().path().getParent()).as(context).doesNotExist();
        assertThat(storeRoot.resolve("eu/keys/" + w.ref().bucket().id() + ".keyset.json")).as(context).doesNotExist();
    }

    private void assertNothingOnDiskForExpiredBuckets(Instant now) throws Exception {
        Path region = storeRoot.resolve("eu");
        try (Stream<Path> walk = Files.walk(region)) {
            for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String bucketId = region.relativize(file).getName(0).toString().equals("keys")
                        ? file.getFileName().toString().substring(0, 13)
                        : file.getParent().getFileName().toString();
                assertThat(store.policy().isExpired(Bucket.parse(bucketId), now)).as("%s", region.relativize(file)).isFalse();
            }
        }
    }

    private Path outboxFile(String relative, Instant modified) throws Exception {
        Path file = outbox.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "report");
        Files.setLastModifiedTime(file, FileTime.from(modified)); // as outbox writers do, from the store's clock
        return file;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
