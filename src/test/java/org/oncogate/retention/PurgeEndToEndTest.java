package org.oncogate.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.PayloadUnavailableException;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.StoredPayload;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * On the running gateway: a processed inbox file's job, result and outbox files survive the purge
 * at 23 h and are gone, keys first, at 24 h.
 */
class PurgeEndToEndTest {

    @Test
    void everythingOfAJobIsReadableAtTwentyThreeHoursAndGoneAtTwentyFour(@TempDir Path folder) throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (RunningGateway gateway = RunningGateway.start(folder, clock, Map.of())) {
            Files.writeString(gateway.inbox("default").resolve("P-4001.txt"),
                    PhiCanary.patientLine() + "\nInfiltrating lobular carcinoma, pT2 pN0.");
            Files.write(gateway.inbox("default").resolve("P-4002.txt"), new byte[0]);
            Path result = gateway.outbox("default").resolve("P-4001.result.json");
            Path report = gateway.outbox("default").resolve("P-4002.error.json");
            RunningGateway.await("result and error report", Duration.ofSeconds(30),
                    () -> Files.exists(result) && Files.exists(report));
            RegionalStore store = gateway.bean("regionalStore", RegionalStore.class);
            Purge purge = gateway.bean("purge", Purge.class);
            List<StoredPayload> stored = Stream.of(PayloadKind.values()).flatMap(k -> store.list(k).stream()).toList();
            assertThat(stored).as("input, state, quarantined input and problem").hasSizeGreaterThanOrEqualTo(4);

            clock.advance(Duration.ofHours(23));
            purge.run();
            for (StoredPayload payload : stored) {
                // the quarantined input is the empty file itself: reading it must work, its length is 0
                assertThat(store.read(payload)).as("%s %s at 23 h", payload.kind(), payload.part()).isNotNull();
            }
            assertThat(result).exists();
            assertThat(report).exists();

            clock.advance(Duration.ofHours(1));
            PurgeRun run = purge.run();
            assertThat(run.bucketsDestroyed()).isGreaterThanOrEqualTo(1);
            for (StoredPayload payload : stored) {
                assertThatThrownBy(() -> store.read(payload)).isInstanceOf(PayloadUnavailableException.class);
                assertThat(payload.path()).doesNotExist();
            }
            assertThat(result).as("outbox result at 24 h").doesNotExist();
            assertThat(report).as("outbox error report at 24 h").doesNotExist();
            try (Stream<Path> keys = Files.list(store.regionRoot().resolve("keys"))) {
                assertThat(keys).as("bucket keysets at 24 h").isEmpty();
            }
        }
    }
}
