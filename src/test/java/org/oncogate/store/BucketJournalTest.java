package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The journal of one bucket: what a restart reads back after torn tails, damage, rotation and rewrites. */
class BucketJournalTest {

    private static final long LARGE = 64L * 1024 * 1024;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "the last record cut {0} bytes short")
    @ValueSource(ints = {1, 5, 12, 13, 40, 99})
    void aTornTailIsSkippedAndTheJournalGoesOnInANewSegment(int cut) throws Exception {
        BucketJournal journal = BucketJournal.empty(dir.getParent(), dir, LARGE);
        journal.write("job-1", "request", bytes("first", 100));
        journal.write("job-2", "request", bytes("second", 100));
        BucketJournal.Location last = journal.write("job-3", "request", bytes("third", 100));
        journal.close();
        truncate(last.segment().path(), Files.size(last.segment().path()) - cut); // a crash mid-append

        BucketJournal restarted = BucketJournal.load(dir.getParent(), dir, LARGE);
        assertThat(read(restarted, "job-1")).contains(bytes("first", 100));
        assertThat(read(restarted, "job-2")).contains(bytes("second", 100));
        assertThat(restarted.find("job-3", "request")).as("the torn record").isEmpty();

        BucketJournal.Location next = restarted.write("job-4", "request", bytes("fourth", 100));
        assertThat(next.segment().path().getFileName()).as("never appended after a torn tail")
                .hasToString(Segment.name(2));
        restarted.close();
        BucketJournal again = BucketJournal.load(dir.getParent(), dir, LARGE);
        assertThat(read(again, "job-4")).contains(bytes("fourth", 100));
        assertThat(again.names()).extracting(BucketJournal.Name::id).containsExactlyInAnyOrder("job-1", "job-2", "job-4");
    }

    @Test
    void aDamagedRecordHidesNoOther() throws Exception {
        BucketJournal journal = BucketJournal.empty(dir.getParent(), dir, LARGE);
        journal.write("job-1", "request", bytes("first", 500));
        BucketJournal.Location middle = journal.write("job-2", "request", bytes("second", 500));
        journal.write("job-3", "request", bytes("third", 500));
        journal.close();
        flipByte(middle.segment().path(), middle.offset() + 10);

        BucketJournal restarted = BucketJournal.load(dir.getParent(), dir, LARGE);
        assertThat(read(restarted, "job-1")).contains(bytes("first", 500));
        assertThat(restarted.find("job-2", "request")).isEmpty();
        assertThat(read(restarted, "job-3")).as("the record after the damaged one").contains(bytes("third", 500));
    }

    @Test
    void segmentsRotateAndTheNewestRecordOfANameWins() throws Exception {
        BucketJournal journal = BucketJournal.empty(dir.getParent(), dir, 4_000);
        for (int i = 0; i < 20; i++) {
            journal.write("job-" + (i % 5), "state", bytes("version " + i, 300));
        }
        journal.close();
        assertThat(segments()).as("rotated at 4,000 bytes").hasSizeGreaterThan(1);

        BucketJournal restarted = BucketJournal.load(dir.getParent(), dir, 4_000);
        for (int job = 0; job < 5; job++) {
            assertThat(read(restarted, "job-" + job)).contains(bytes("version " + (15 + job), 300));
        }
        assertThat(restarted.names()).hasSize(5);
    }

    @Test
    void concurrentWritesAreAllDurableAndWhole() throws Exception {
        BucketJournal journal = BucketJournal.empty(dir.getParent(), dir, 50_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BucketJournal.Location>> writes = IntStream.range(0, 400)
                    .mapToObj(i -> pool.submit(() -> journal.write("job-" + i, "request", bytes("job " + i, 200 + i))))
                    .toList();
            for (Future<BucketJournal.Location> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        journal.close();

        BucketJournal restarted = BucketJournal.load(dir.getParent(), dir, 50_000);
        for (int i = 0; i < 400; i++) {
            assertThat(read(restarted, "job-" + i)).as("job-%d", i).contains(bytes("job " + i, 200 + i));
        }
    }

    @Test
    void filesThatAreNoSegmentsAndLinksAreNotRead() throws Exception {
        BucketJournal journal = BucketJournal.empty(dir.getParent(), dir, LARGE);
        BucketJournal.Location first = journal.write("job-1", "request", bytes("first", 50));
        journal.close();
        Files.writeString(dir.resolve("notes.txt"), "not a segment");
        Files.createSymbolicLink(dir.resolve(Segment.name(7)), first.segment().path());

        BucketJournal restarted = BucketJournal.load(dir.getParent(), dir, LARGE);
        assertThat(restarted.names()).containsExactly(new BucketJournal.Name("job-1", "request"));
        assertThat(restarted.find("job-1", "request").map(l -> l.segment().path())).contains(first.segment().path());
    }

    private List<Path> segments() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> Segment.number(f.getFileName().toString()).isPresent()).toList();
        }
    }

    private static Optional<byte[]> read(BucketJournal journal, String id) throws Exception {
        Optional<BucketJournal.Location> at = journal.find(id, "request");
        return at.isPresent() ? Optional.of(journal.read(at.get())) : journal.find(id, "state").map(l -> {
            try {
                return journal.read(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void truncate(Path file, long size) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void flipByte(Path file, long offset) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            channel.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0x01)}), offset);
        }
    }

    /** Synthetic bytes of about {@code length}, different for each text. */
    static byte[] bytes(String text, int length) {
        return (text + ":" + "x".repeat(length)).getBytes(StandardCharsets.US_ASCII);
    }
}
