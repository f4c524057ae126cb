package org.oncogate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;

/** The hash chain: every kind of tampering is caught at the line where it happened. */
class AuditChainTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    @BeforeEach
    void fiveEntries() {
        AuditLog log = AuditLog.open(dir, clock);
        for (int i = 1; i <= 5; i++) {
            log.append(new AuditEntry.Event("gateway", "purge.run", Map.of("files-deleted", Integer.toString(i)), "ok"));
        }
    }

    @Test
    void anUntouchedLogIsIntact() throws Exception {
        AuditChain.Verification result = AuditChain.verify(dir);
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(5);
    }

    @Test
    void anEditedEntryIsNamed() throws Exception {
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"files-deleted\":\"3\"", "\"files-deleted\":\"0\""));
        write(lines);
        assertBrokenAt(3, "was edited");
    }

    @Test
    void anEditedLastEntryIsCaughtByTheHead() throws Exception {
        List<String> lines = lines();
        lines.set(4, lines.get(4).replace("\"outcome\":\"ok\"", "\"outcome\":\"no\""));
        write(lines);
        assertBrokenAt(5, "audit.head");
    }

    @Test
    void aRemovedEntryIsNamed() throws Exception {
        List<String> lines = lines();
        lines.remove(2);
        write(lines);
        assertBrokenAt(3, "removed or reordered");
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        List<String> lines = lines();
        String second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);
        write(lines);
        assertBrokenAt(2, "removed or reordered");
    }

    @Test
    void aLineCutShortIsNamed() throws Exception {
        byte[] bytes = Files.readAllBytes(log());
        int fourthLineStart = nthLineStart(bytes, 4);
        Files.write(log(), java.util.Arrays.copyOf(bytes, fourthLineStart + 20));
        assertBrokenAt(4, "incomplete");
    }

    @Test
    void entriesCutOffTheEndAreNamed() throws Exception {
        List<String> lines = lines();
        write(lines.subList(0, 3));
        assertBrokenAt(4, "cut off the end");
    }

    @Test
    void aLineThatIsNoEntryIsNamed() throws Exception {
        List<String> lines = lines();
        lines.set(1, "{\"seq\":2,");
        write(lines);
        assertBrokenAt(2, "not a valid audit entry");
    }

    @Test
    void appendsFromTwoLogsOnTheSameFileAndManyThreadsStayOneChain() throws Exception {
        AuditLog one = AuditLog.open(dir, clock);
        AuditLog two = AuditLog.open(dir, clock);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            AuditLog log = t % 2 == 0 ? one : two;
            done.add(threads.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    log.append(new AuditEntry.Event("gateway", "key.create", Map.of("bucket", "20261201T1000"), "ok"));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        AuditChain.Verification result = AuditChain.verify(dir);
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(105);
    }

    @Test
    void freeTextCannotBeRecorded() throws Exception {
        AuditLog log = AuditLog.open(dir, clock);
        assertThatThrownBy(() -> log.append(new AuditEntry.Event("gateway", "breakglass",
                Map.of("note", PhiCanary.patientLine()), "ok")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(PhiCanary.MARKER);
        assertThat(Files.readString(log())).doesNotContain(PhiCanary.MARKER);
        assertThat(AuditChain.verify(dir).entries()).isEqualTo(5);
    }

    @Test
    void aLogEndingInAnIncompleteEntryIsNotAppendedTo() throws Exception {
        Files.writeString(log(), "{\"seq\":6", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> AuditLog.open(dir, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incomplete entry");
    }

    private void assertBrokenAt(int line, String problem) throws Exception {
        AuditChain.Verification result = AuditChain.verify(dir);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenLine()).as(result.problem()).contains(line);
        assertThat(result.problem()).contains(problem);
    }

    private Path log() {
        return dir.resolve(AuditLog.FILE);
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(log(), StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws Exception {
        Files.writeString(log(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static int nthLineStart(byte[] bytes, int n) {
        int line = 1;
        for (int i = 0; i < bytes.length && line < n; i++) {
            if (bytes[i] == '\n') {
                line++;
                if (line == n) {
                    return i + 1;
                }
            }
        }
        throw new IllegalArgumentException("fewer than " + n + " lines");
    }
}
