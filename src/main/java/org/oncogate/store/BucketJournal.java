package org.oncogate.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payloads of one kind in one time bucket: the append-only segments of the bucket's directory and
 * an index of where each payload's newest record is, rebuilt from the segments when the store opens.
 * A write appends a record to the current segment and returns once it is durable; writes that arrive
 * together share one fsync. A record is indexed only once durable, so nothing that could still be lost
 * is ever read back.
 */
final class BucketJournal implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(BucketJournal.class);

    /** Where a payload's ciphertext is. */
    record Location(Segment segment, long offset, int length) {

        boolean isAfter(Location other) {
            return segment.number() != other.segment.number()
                    ? segment.number() > other.segment.number() : offset > other.offset;
        }
    }

    /** A payload's id and part. */
    record Name(String id, String part) {
    }

    private final Path regionRoot;
    private final Path dir;
    private final long maxSegmentBytes;
    private final List<Segment> segments = new CopyOnWriteArrayList<>();
    private final Map<Name, Location> index = new ConcurrentHashMap<>();
    private Segment current;

    private BucketJournal(Path regionRoot, Path dir, long maxSegmentBytes) {
        this.regionRoot = regionRoot;
        this.dir = dir;
        this.maxSegmentBytes = maxSegmentBytes;
    }

    /** A bucket nothing is stored in yet; its directory is made on the first write. */
    static BucketJournal empty(Path regionRoot, Path dir, long maxSegmentBytes) {
        return new BucketJournal(regionRoot, dir, maxSegmentBytes);
    }

    /** The journal of an existing bucket directory, its index read from its segments, oldest first. */
    static BucketJournal load(Path regionRoot, Path dir, long maxSegmentBytes) throws IOException {
        BucketJournal journal = new BucketJournal(regionRoot, dir, maxSegmentBytes);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(files::add);
        } catch (NoSuchFileException e) {
            return journal;
        }
        files.sort(Comparator.comparing(Path::getFileName));
        for (Path file : files) {
            OptionalLong number = Segment.number(file.getFileName().toString());
            if (number.isEmpty() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue; // not a segment, or a link: the store never follows one
            }
            Segment segment = Segment.open(file, number.getAsLong());
            journal.segments.add(segment);
            long skipped = segment.scan((record, bodyStart) -> journal.indexed(record.id(), record.part(),
                    new Location(segment, bodyStart + record.ciphertextOffset(), record.ciphertextLength())));
            if (skipped > 0) {
                LOG.warn("segment {} of {}: {} bytes are no whole record (the tail of a write a crash interrupted,"
                        + " never acknowledged, or damage); skipped", file.getFileName(), dir.getFileName(), skipped);
            }
        }
        return journal;
    }

    /** Appends the payload's record; returns its location once it is durable. */
    Location write(String id, String part, byte[] ciphertext) throws IOException {
        ByteBuffer record = JournalRecord.encode(id, part, ciphertext);
        int bodyOffset = JournalRecord.HEADER + (record.limit() - JournalRecord.HEADER - ciphertext.length);
        Segment segment;
        long start;
        synchronized (this) {
            segment = writable(record.remaining());
            start = segment.append(record);
        }
        segment.sync();
        Location location = new Location(segment, start + bodyOffset, ciphertext.length);
        indexed(id, part, location);
        return location;
    }

    Optional<Location> find(String id, String part) {
        return Optional.ofNullable(index.get(new Name(id, part)));
    }

    /** Every payload held, each once. */
    List<Name> names() {
        return List.copyOf(index.keySet());
    }

    byte[] read(Location location) throws IOException {
        return location.segment().read(location.offset(), location.length());
    }

    @Override
    public synchronized void close() throws IOException {
        IOException failed = null;
        for (Segment segment : segments) {
            try {
                segment.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private void indexed(String id, String part, Location location) {
        index.merge(new Name(id, part), location, (held, next) -> next.isAfter(held) ? next : held);
    }

    /** The segment to append {@code bytes} to: the current one, or a new one after every segment there is. */
    private Segment writable(int bytes) throws IOException {
        if (current != null && current.accepts(bytes, maxSegmentBytes)) {
            return current;
        }
        DurableFiles.createDirectories(regionRoot);
        StoreNames.requireInside(regionRoot, dir); // once per segment: appends go to its open file
        DurableFiles.createDirectories(dir);
        long number = segments.stream().mapToLong(Segment::number).max().orElse(0) + 1;
        while (true) {
            try {
                current = Segment.create(dir, number);
                segments.add(current);
                return current;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                number++; // another store instance opened this bucket since this one read it
            }
        }
    }
}
