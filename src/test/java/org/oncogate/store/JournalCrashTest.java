package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills ({@code kill -9}) a JVM that is busy appending to a bucket journal from several threads, at
 * random moments, three times; after each kill the journal, opened again, must hold every write that
 * was acknowledged, whole and exact, from every round. (A process kill, not a power cut: the fsyncs
 * that guard against the latter cannot be exercised from a unit test.)
 */
class JournalCrashTest {

    private static final int KILLS = 3;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKills() throws Exception {
        Random random = new Random();
        Set<Long> acked = new HashSet<>();
        long next = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process writer = startWriter(next);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).as("child started writing").isEqualTo("ready");
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100 + random.nextInt(400));
                String line;
                while (System.nanoTime() < until && (line = out.readLine()) != null) {
                    acked.add(Long.parseLong(line.substring("acked ".length())));
                }
                writer.toHandle().destroyForcibly(); // SIGKILL (mid-append); unlike Process.destroy, keeps its output readable
                assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
                while ((line = out.readLine()) != null) { // acknowledged before the kill, still in the pipe
                    acked.add(Long.parseLong(line.substring("acked ".length())));
                }
            }
            BucketJournal reopened = BucketJournal.load(dir.getParent(), dir, JournalWriterProcess.SEGMENT_BYTES);
            for (long n : acked) {
                var at = reopened.find(JournalWriterProcess.id(n), "request");
                assertThat(at).as("acknowledged write %d after kill %d", n, kill + 1).isPresent();
                assertThat(reopened.read(at.get())).as("write %d", n).isEqualTo(JournalWriterProcess.content(n));
            }
            reopened.close();
            next = acked.stream().mapToLong(Long::longValue).max().orElse(next) + 10_000; // fresh ids each round
        }
        assertThat(acked).as("the writer got writes done").hasSizeGreaterThan(KILLS * 10);
    }

    private Process startWriter(long first) throws Exception {
        return ChildWriter.start(JournalWriterProcess.class, dir.toString(), Long.toString(first));
    }
}
