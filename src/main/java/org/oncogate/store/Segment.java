package org.oncogate.store;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.OptionalLong;
import java.util.function.ObjLongConsumer;

/**
 * One append-only file of a bucket journal, named by its number ({@code 00000001.journal}): records
 * (see {@link JournalRecord}) one after another. A gateway appends only to segments it created
 * itself; segments found on disk are read, never written, so an append a crash interrupted stays a
 * tail no record follows, and the scan that rebuilds the index stops there.
 *
 * <p>An append is durable once {@link #sync} returns: one fdatasync covers every append before it
 * (group commit), so concurrent writers share it. A failed append is cut off again; if even that
 * fails, or an fsync fails (after which Linux may have dropped the pages it could not write), the
 * segment takes no more appends and every later sync of it fails, and the journal goes on in a new one.
 */
final class Segment implements Closeable {

    static final String SUFFIX = ".journal";
    private static final Pattern NAME = Pattern.compile("\\d{8,18}" + Pattern.quote(SUFFIX));

    private final Path path;
    private final long number;
    private final FileChannel channel;
    private final boolean writable;
    private final GroupCommit commit;
    private long end;
    private volatile boolean broken;

    private Segment(Path path, long number, FileChannel channel, boolean writable, long end) {
        this.path = path;
        this.number = number;
        this.channel = channel;
        this.writable = writable;
        this.end = end;
        this.commit = new GroupCommit(this::force);
    }

    /** A new, empty segment in {@code dir}, its name durable in the directory. */
    static Segment create(Path dir, long number) throws IOException {
        Path file = dir.resolve(name(number));
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE), DurableFiles.ownerOnly(dir));
        try {
            DurableFiles.fsyncDirectory(dir);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new Segment(file, number, channel, true, 0);
    }

    /** A segment found on disk, for reading; links are not followed. */
    static Segment open(Path file, long number) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return new Segment(file, number, channel, false, channel.size());
    }

    static String name(long number) {
        return String.format("%08d%s", number, SUFFIX);
    }

    /** The number in a segment's file name, or empty for any other file. */
    static OptionalLong number(String fileName) {
        if (!NAME.matcher(fileName).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(fileName.substring(0, fileName.length() - SUFFIX.length())));
    }

    Path path() {
        return path;
    }

    long number() {
        return number;
    }

    /** Whether a record of {@code bytes} may be appended here without passing {@code maxBytes} (an empty segment takes any). */
    synchronized boolean accepts(int bytes, long maxBytes) {
        return writable && !broken && (end == 0 || end + bytes <= maxBytes);
    }

    /** Appends one whole record and returns where it starts; durable only after {@link #sync}. */
    synchronized long append(ByteBuffer record) throws IOException {
        if (!writable || broken) {
            throw new IllegalStateException("segment " + path.getFileName() + " takes no appends");
        }
        long start = end;
        try {
            while (record.hasRemaining()) {
                channel.write(record, start + record.position());
            }
        } catch (IOException e) {
            try {
                channel.truncate(start);
            } catch (IOException cut) {
                broken = true;
                e.addSuppressed(cut);
            }
            throw e;
        }
        end = start + record.limit();
        return start;
    }

    /** Returns once every append that returned before this call is on disk. */
    void sync() throws IOException {
        commit.sync();
    }

    private void force() throws IOException {
        if (broken) {
            throw new IOException("an earlier write or fsync of segment " + path.getFileName() + " failed");
        }
        try {
            channel.force(false);
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    /** {@code length} bytes from {@code offset}. */
    byte[] read(long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new EOFException("segment " + path.getFileName() + " ends before the record does");
            }
        }
        return buffer.array();
    }

    /**
     * Hands every whole record to {@code visitor}, with the offset of its body, and returns how many
     * bytes were not whole records: the tail of an append a crash interrupted, or a damaged record.
     * After bytes that are no whole record, reading goes on at the next record header, so damage in
     * one record hides no other.
     */
    long scan(ObjLongConsumer<JournalRecord> visitor) throws IOException {
        long size = channel.size();
        long position = 0;
        long skipped = 0;
        while (size - position >= JournalRecord.HEADER) {
            long next = visit(position, size, visitor);
            if (next < 0) {
                next = nextHeader(position + 1, size);
                skipped += next - position;
            }
            position = next;
        }
        return skipped + (size - position);
    }

    /** Visits the record at {@code position} and returns where the next one starts, or -1 if it is not whole. */
    private long visit(long position, long size, ObjLongConsumer<JournalRecord> visitor) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(read(position, JournalRecord.HEADER));
        int bodyLength = JournalRecord.bodyLength(header);
        long bodyStart = position + JournalRecord.HEADER;
        if (bodyLength < 0 || bodyLength > size - bodyStart) {
            return -1;
        }
        Optional<JournalRecord> record = JournalRecord.decode(header, read(bodyStart, bodyLength));
        if (record.isEmpty()) {
            return -1;
        }
        visitor.accept(record.get(), bodyStart);
        return bodyStart + bodyLength;
    }

    /** The offset of the first record magic at or after {@code from}, or {@code size} if there is none. */
    private long nextHeader(long from, long size) throws IOException {
        int chunk = 64 * 1024;
        for (long start = from; start < size - 3; start += chunk - 3) {
            ByteBuffer bytes = ByteBuffer.wrap(read(start, (int) Math.min(chunk, size - start)));
            for (int i = 0; i + 4 <= bytes.limit(); i++) {
                if (bytes.getInt(i) == JournalRecord.MAGIC) {
                    return start + i;
                }
            }
        }
        return size;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
