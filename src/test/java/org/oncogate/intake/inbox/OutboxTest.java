package org.oncogate.intake.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;

class OutboxTest {

    @TempDir
    Path root;

    @Test
    void aNameThatFitsIsKept() {
        assertThat(Outbox.fileName("P-1001__S26-4411", ".result.json")).isEqualTo("P-1001__S26-4411.result.json");
    }

    @Test
    void aNameTooLongForTheFileSystemIsCutAndEndsInItsFingerprint() throws Exception {
        String longName = "P-" + "\u00e9".repeat(120); // 242 bytes in UTF-8
        String cut = Outbox.fileName(longName, ".error.json");
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Outbox.MAX_NAME_BYTES);
        assertThat(cut).startsWith("P-\u00e9\u00e9").endsWith("~" + InboxFile.fingerprint(longName) + ".error.json");
        assertThat(Outbox.fileName(longName + "x", ".error.json")).as("another long name, another file").isNotEqualTo(cut);

        new Outbox(root, new MutableClock(Instant.parse("2026-12-01T10:00:00Z")))
                .write("default", longName, ".error.json", Map.of("code", "EmptyFile"));
        assertThat(Files.readString(root.resolve("default").resolve(cut))).contains("EmptyFile");
    }
}
