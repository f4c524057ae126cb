package org.oncogate.store;

import org.oncogate.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invariant 2: no byte of any file under the store root reveals a payload. */
class NoPlaintextAtRestTest {

    @TempDir
    Path root;

    @Test
    void markerNeverAppearsInAnyFileUnderTheStoreRoot() throws Exception {
        String marker = "PHI-MARKER-" + UUID.randomUUID();
        byte[] payload = ("Patient Jane Doe, " + marker + ", adenocarcinoma of the left upper lobe").getBytes(StandardCharsets.UTF_8);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T13:20:00Z"));
        RegionalStore store = TestStores.store(root, "eu", TestStores.randomKek(), clock);
        for (PayloadKind kind : PayloadKind.values()) {
            store.write(kind, "job-1", "request", payload);
            clock.advance(Duration.ofMinutes(15)); // several buckets, so several keysets
        }

        List<Path> files = allFiles();
        assertThat(files).as("payloads and keysets were written")
                .anyMatch(f -> f.toString().endsWith(".journal"))
                .anyMatch(f -> f.toString().endsWith(".keyset.json"));
        List<byte[]> needles = List.of(
                marker.getBytes(StandardCharsets.UTF_8),
                marker.getBytes(StandardCharsets.UTF_16LE),
                marker.getBytes(StandardCharsets.UTF_16BE),
                Base64.getEncoder().encode(payload));
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (byte[] needle : needles) {
                assertThat(indexOf(bytes, needle)).as("marker in %s", root.relativize(file)).isEqualTo(-1);
            }
        }
    }

    private List<Path> allFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
