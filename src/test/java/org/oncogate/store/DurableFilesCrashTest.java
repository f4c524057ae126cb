package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is busy rewriting files through {@link DurableFiles} at random moments, then
 * checks that every file at its final name is one complete version. (A process kill, not a power
 * cut: the fsyncs that guard against the latter cannot be exercised from a unit test.)
 */
class DurableFilesCrashTest {

    private static final int KILLS = 3;

    @TempDir
    Path dir;

    @Test
    void killedWriterLeavesOnlyCompleteFilesAndCleanableTemps() throws Exception {
        Random random = new Random();
        long nextVersion = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process writer = startWriter(nextVersion);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).as("child started writing").isEqualTo("ready");
                Thread.sleep(20 + random.nextInt(300)); // a random moment, not a timing assertion
                writer.destroyForcibly();
                assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            for (Path file : finalFiles()) {
                byte[] bytes = Files.readAllBytes(file);
                long version = DurableWriterProcess.claimedVersion(bytes);
                assertThat(version).as("%s has a complete header", file.getFileName()).isGreaterThanOrEqualTo(0);
                assertThat(bytes).as("%s is exactly version %d", file.getFileName(), version)
                        .isEqualTo(DurableWriterProcess.content(version));
                assertThat(file.getFileName().toString()).isEqualTo("file-" + (version % DurableWriterProcess.FILES));
                nextVersion = Math.max(nextVersion, version + 1);
            }
            DurableFiles.deleteStaleTemps(dir);
            assertThat(temps()).as("stale temps cleaned").isEmpty();
        }
        assertThat(finalFiles()).as("the writer got some files done").isNotEmpty();
    }

    private Process startWriter(long firstVersion) throws Exception {
        return ChildWriter.start(DurableWriterProcess.class, dir.toString(), Long.toString(firstVersion));
    }

    private List<Path> finalFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).collect(Collectors.toList());
        }
    }

    private List<Path> temps() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).collect(Collectors.toList());
        }
    }
}
