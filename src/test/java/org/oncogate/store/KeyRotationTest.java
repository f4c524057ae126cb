package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;

/** KEK rotation: bucket keysets re-wrapped, payloads untouched and readable, old versions removable once unused. */
class KeyRotationTest {

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private Path kekFile;

    @BeforeEach
    void kekFile() throws Exception {
        kekFile = Files.createDirectories(tmp.resolve("kek")).resolve("kek.json");
        Files.writeString(kekFile, KeysetKek.plaintext(AeadKeysets.generate()));
    }

    @Test
    void rotationRewrapsTheKeysetsAndLeavesPayloadsAsTheyAre() throws Exception {
        KekSource kek = fileKek();
        RegionalStore store = store(kek);
        Map<StoredPayload, byte[]> written = new HashMap<>();
        written.putAll(writeSome(store, 2));
        clock.advance(Duration.ofMinutes(15));
        written.putAll(writeSome(store, 1));
        Map<Path, byte[]> ciphertexts = bytesOf(written.keySet().stream().map(StoredPayload::path).toList());
        Map<Path, byte[]> keysets = bytesOf(keysetFiles());
        Path oldKek = Files.copy(kekFile, tmp.resolve("kek").resolve("old.json"));

        KeyRotation.Rotated rotated = new KeyRotation(kek, store).rotate();

        assertThat(rotated.rewrapped()).isEqualTo(2);
        assertThat(rotated.keysetToStore()).isEmpty();
        ciphertexts.forEach((file, before) -> assertThat(read(file)).as("payload file %s", file).isEqualTo(before));
        keysets.forEach((file, before) -> assertThat(read(file)).as("re-wrapped %s", file).isNotEqualTo(before));
        assertReadable(store(fileKek()), written);
        RegionalStore withOldVersionOnly = store(KekSource.fromSpec("file:" + oldKek, null, tmp.resolve("data")));
        StoredPayload any = written.keySet().iterator().next();
        assertThatThrownBy(() -> withOldVersionOnly.read(any)).isInstanceOf(PayloadUnavailableException.class)
                .satisfies(e -> assertThat(((PayloadUnavailableException) e).reason())
                        .isEqualTo(PayloadUnavailableException.Reason.UNDECRYPTABLE));

        KeyRotation.Removed removed = new KeyRotation(kek, store).removeOld();

        assertThat(removed.removedVersions()).hasSize(1);
        assertThat(((KeysetKek) fileKek()).handle().size()).isEqualTo(1);
        assertReadable(store(fileKek()), written);
    }

    @Test
    void oldVersionsStayWhileAKeysetNeedsThem() throws Exception {
        String variable = KekSource.generateForEnvironment();
        KekSource kek = envKek(variable);
        RegionalStore store = store(kek);
        Map<StoredPayload, byte[]> written = writeSome(store, 2);

        KeyRotation.Rotated rotated = new KeyRotation(kek, store).rotate();

        assertThat(rotated.rewrapped()).as("an environment KEK is only printed").isZero();
        KekSource rotatedKek = envKek(rotated.keysetToStore().orElseThrow());
        RegionalStore restarted = store(rotatedKek);
        assertReadable(restarted, written);
        KeyRotation rotation = new KeyRotation(rotatedKek, restarted);
        assertThatThrownBy(rotation::removeOld).isInstanceOf(OldKekVersionInUseException.class)
                .hasMessageContaining("1 live bucket keyset");

        assertThat(rotation.rewrap()).isEqualTo(1);
        KeyRotation.Removed removed = rotation.removeOld();

        KekSource primaryOnly = envKek(removed.keysetToStore().orElseThrow());
        assertThat(((KeysetKek) primaryOnly).handle().size()).isEqualTo(1);
        assertReadable(store(primaryOnly), written);
    }

    /** Longer: -Doncogate.rotation.rounds=50 -Doncogate.rotation.payloads=20000 (see README, Test it). */
    @Test
    void payloadsWrittenBeforeDuringAndAfterRotationsAllDecryptAndSurviveRemovingOldVersions() throws Exception {
        int rounds = Integer.getInteger("oncogate.rotation.rounds", 5);
        int payloads = Integer.getInteger("oncogate.rotation.payloads", 2000);
        int perBucket = Math.max(25, payloads / 80); // at most 80 buckets (20 h): nothing expires during the test
        RegionalStore writerStore = store(fileKek()); // the gateway
        KeyRotation rotation = new KeyRotation(fileKek(), store(fileKek())); // the operator command: its own instances
        Map<StoredPayload, byte[]> written = new ConcurrentHashMap<>();
        AtomicInteger count = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                while (!stop.get() && count.get() < payloads) {
                    int i = count.incrementAndGet();
                    if (i % perBucket == 0) {
                        clock.advance(Duration.ofMinutes(15)); // a new bucket, so new keysets appear during rotations
                    }
                    byte[] plaintext = (PhiCanary.patientLine() + " payload " + i).getBytes(StandardCharsets.UTF_8);
                    written.put(writerStore.write(PayloadKind.INPUT, "job-" + i, "request", plaintext), plaintext);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        awaitCount(count, 50);
        int before = count.get();
        int during = 0;
        for (int round = 0; round < rounds; round++) {
            int start = count.get();
            rotation.rotate();
            during += count.get() - start;
        }
        int afterRotations = count.get();
        awaitCount(count, afterRotations + 50);
        stop.set(true);
        writer.join();

        assertThat(before).as("written before the first rotation").isGreaterThanOrEqualTo(50);
        assertThat(count.get() - afterRotations).as("written after the last rotation").isGreaterThanOrEqualTo(50);
        assertThat(during).as("written while a rotation ran").isPositive();
        assertReadable(writerStore, written);
        assertReadable(store(fileKek()), written);

        KeyRotation.Removed removed = rotation.removeOld();

        assertThat(removed.removedVersions()).hasSize(rounds);
        assertReadable(store(fileKek()), written);
        assertReadable(writerStore, written);
        byte[] later = "after removal".getBytes(StandardCharsets.UTF_8);
        StoredPayload afterRemoval = writerStore.write(PayloadKind.INPUT, "job-later", "request", later);
        assertThat(store(fileKek()).read(afterRemoval)).isEqualTo(later);
    }

    @Test
    void aKmsKekComesFromTinksKmsClientsAndIsRewrappedNotRotated() throws Exception {
        KekSource kms = KekSource.fromSpec("kms:fake-kms://oncogate/kek-1", null, tmp.resolve("data"),
                FakeKmsClient.class.getName());
        RegionalStore store = store(kms);
        Map<StoredPayload, byte[]> written = writeSome(store, 2);
        KeyRotation rotation = new KeyRotation(kms, store);

        assertThat(rotation.rewrap()).isEqualTo(1);
        assertReadable(store(kms), written);
        assertThatThrownBy(rotation::rotate).isInstanceOf(IllegalStateException.class).hasMessageContaining("KMS");
        assertThatThrownBy(rotation::removeOld).isInstanceOf(IllegalStateException.class).hasMessageContaining("KMS");
    }

    @Test
    void aKmsKeyNoClientSupportsOrAClientThatIsNoneStopsWithAClearMessage() {
        assertThatThrownBy(() -> KekSource.fromSpec("kms:other-kms://k", null, tmp.resolve("data"), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no registered KMS client supports it")
                .hasMessageContaining("oncogate.kek.kms-client");
        assertThatThrownBy(() -> KekSource.fromSpec("kms:fake-kms://k", null, tmp.resolve("data"), "java.lang.String"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a Tink KmsClient class");
    }

    private KekSource fileKek() {
        return KekSource.fromSpec("file:" + kekFile, null, tmp.resolve("data"));
    }

    private KekSource envKek(String value) {
        return KekSpec.open("env:ONCOGATE_KEK", null, tmp.resolve("data"), null, Map.of("ONCOGATE_KEK", value)::get);
    }

    private RegionalStore store(KekSource kek) {
        return TestStores.store(tmp.resolve("data").resolve("store"), "eu-west", kek, clock);
    }

    private Map<StoredPayload, byte[]> writeSome(RegionalStore store, int n) throws Exception {
        Map<StoredPayload, byte[]> written = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byte[] plaintext = (PhiCanary.patientLine() + " " + clock.instant() + " " + i).getBytes(StandardCharsets.UTF_8);
            written.put(store.write(PayloadKind.INPUT, "job-" + clock.millis() + "-" + i, "request", plaintext), plaintext);
        }
        return written;
    }

    private static void assertReadable(RegionalStore store, Map<StoredPayload, byte[]> written) throws Exception {
        for (Map.Entry<StoredPayload, byte[]> payload : written.entrySet()) {
            assertThat(store.read(payload.getKey())).as("%s", payload.getKey().id()).isEqualTo(payload.getValue());
        }
    }

    private List<Path> keysetFiles() throws Exception {
        try (var files = Files.list(tmp.resolve("data/store/eu-west/keys"))) {
            return files.toList();
        }
    }

    private static Map<Path, byte[]> bytesOf(List<Path> files) {
        Map<Path, byte[]> bytes = new HashMap<>();
        files.forEach(f -> bytes.put(f, read(f)));
        return bytes;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitCount(AtomicInteger count, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count.get() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the writer did not reach " + atLeast + " payloads");
            }
            Thread.sleep(5);
        }
    }
}
