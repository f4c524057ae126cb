package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/** A bucket keyset or a KEK that cannot be read stops start-up, with a message that names it. */
class KeysAtStartupTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Path keyset;

    @BeforeEach
    void aGatewayThatStoredAJob() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(folder, clock, Map.of())) {
            Files.writeString(gateway.inbox("default").resolve("P-8001.txt"), PhiCanary.patientLine() + "\npT1 pN0.");
            RunningGateway.await("result", Duration.ofSeconds(30),
                    () -> Files.exists(gateway.outbox("default").resolve("P-8001.result.json")));
        }
        try (Stream<Path> keysets = Files.list(folder.resolve("data/store/eu-west/keys"))) {
            keyset = keysets.findFirst().orElseThrow();
        }
    }

    @Test
    void anAlteredKeysetStopsStartUp() throws Exception {
        String json = Files.readString(keyset);
        int i = json.indexOf("\"encryptedKeyset\":\"") + 30;
        Files.writeString(keyset, json.substring(0, i) + (json.charAt(i) == 'A' ? 'B' : 'A') + json.substring(i + 1));

        assertThatThrownBy(() -> RunningGateway.start(folder, clock, Map.of()).close())
                .hasStackTraceContaining("cannot be read with the development KEK")
                .hasStackTraceContaining(keyset.getFileName().toString())
                .hasStackTraceContaining("start-up stopped");
    }

    @Test
    void anotherKekStopsStartUp() throws Exception {
        Files.delete(folder.resolve("dev-kek/kek.json")); // the next start generates a new, different one

        assertThatThrownBy(() -> RunningGateway.start(folder, clock, Map.of()).close())
                .hasStackTraceContaining("start-up stopped");
    }

    @Test
    void noKekStopsStartUpNamingTheForms() {
        assertThatThrownBy(() -> RunningGateway.start(folder, clock, Map.of("oncogate.kek", "")).close())
                .hasStackTraceContaining("oncogate.kek is not set")
                .hasStackTraceContaining("-Doncogate.kek=dev");
    }

    @Test
    void anUnreadableKekFileStopsStartUp() {
        Path missing = folder.resolve("elsewhere/kek.json");
        assertThatThrownBy(() -> RunningGateway.start(folder, clock, Map.of("oncogate.kek", "file:" + missing)).close())
                .hasStackTraceContaining("KEK file " + missing + " cannot be read");
        assertThat(missing).doesNotExist();
    }
}
