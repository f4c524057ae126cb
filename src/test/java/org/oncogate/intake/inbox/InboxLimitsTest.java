package org.oncogate.intake.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.intake.inbox.InboxEndToEndTest.writeAtomically;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;
import org.oncogate.testing.TestLog;

/**
 * The inbox's limits on a fresh gateway per test: the folder of a subscription of another region
 * is left untouched, with not a byte under data/store; a subscription over its file rate has its
 * other files left in the inbox (the next period's refill: RequestRateLimitTest).
 */
class InboxLimitsTest {

    private static final String NOTE = PhiCanary.patientLine()
            + "\nLeft breast, lumpectomy: invasive ductal carcinoma, 1.4 cm. pT1c pN0.";

    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private RunningGateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void theFolderOfASubscriptionOfAnotherRegionIsLeftUntouchedWithoutAByteStored() throws Exception {
        long log = TestLog.mark();
        gateway = RunningGateway.start(folder, clock, RunningGateway.ABROAD);
        Path inbox = gateway.inbox("abroad");
        writeAtomically(inbox.resolve("P-8001__S-1__pathologyReport.txt"), NOTE.getBytes(StandardCharsets.UTF_8));
        writeAtomically(inbox.resolve("request.json"), "{\"patients\": []}".getBytes(StandardCharsets.UTF_8));
        writeAtomically(inbox.resolve("broken.txt"), new byte[] {(byte) 0xff, 'x'});
        RunningGateway.await("the warning about the foreign folder", Duration.ofSeconds(30), () ->
                logSince(log).contains("inbox folder of subscription abroad left untouched: it is bound to another"
                        + " region than eu-west"));

        assertThat(filesIn(inbox)).as("files left in the inbox").isEqualTo(3);
        assertThat(gateway.outbox("abroad")).as("no result, no error report").doesNotExist();
        assertThat(gateway.storedBytes()).as("bytes under data/store").isZero();
    }

    @Test
    void overItsFileRateASubscriptionHasItsOtherFilesLeftInTheInbox() throws Exception {
        long log = TestLog.mark();
        gateway = RunningGateway.start(folder, clock, Map.of(
                "oncogate.inbox.rate-limit", "2", "oncogate.inbox.rate-limit-period", "PT1H"));
        Path inbox = gateway.inbox("default");
        for (int i = 1; i <= 5; i++) {
            writeAtomically(inbox.resolve("P-800" + i + ".txt"), NOTE.getBytes(StandardCharsets.UTF_8));
        }
        RunningGateway.await("two results and the throttling warning", Duration.ofSeconds(30), () ->
                results() == 2 && logSince(log).contains("inbox of subscription default: over its file rate"));
        assertThat(filesIn(inbox)).as("files left in the inbox").isEqualTo(3);
        Thread.sleep(1_000); // ten more polls (oncogate.inbox.poll-delay is 100 ms in tests)
        assertThat(filesIn(inbox)).as("still left after more polls").isEqualTo(3);
        assertThat(results()).isEqualTo(2);
    }

    /** Finished results (not the temp file of one being written). */
    private long results() {
        Path outbox = gateway.outbox("default");
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".result.json")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files in a folder, not counting camel-file's read-lock markers ({@code <name>.camelLock}). */
    private static long filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".camelLock")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logSince(long mark) {
        try {
            return TestLog.since(mark);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
