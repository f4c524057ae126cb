package org.oncogate.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.oncogate.store.DurableFiles;

/**
 * The append-only audit log: {@code <dir>/audit.jsonl}, one JSON {@link AuditEntry} per line, each
 * carrying the SHA-256 of the line before it. An append is fsync'd before it returns, and then
 * {@code audit.head} records the newest entry's sequence number and hash, so that cutting entries off
 * the end is detected too (see {@link AuditChain}). The gateway and the operator commands may append
 * at the same time: appends are serialized by a file lock, and each one chains onto the line that is
 * really last in the file. The purge never touches this directory.
 */
public final class AuditLog {

    static final String FILE = "audit.jsonl";
    static final String HEAD = "audit.head";
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /** Entries are small; the last one always fits in this tail of the file. */
    private static final int TAIL = 64 * 1024;
    /** One monitor per log file in this JVM: a file lock is per process, so threads need their own. */
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path head;
    private final Clock clock;

    private AuditLog(Path dir, Clock clock) {
        this.file = dir.resolve(FILE);
        this.head = dir.resolve(HEAD);
        this.clock = clock;
    }

    /** Opens (creating if needed) the log under {@code dir}. A log whose last line is incomplete is refused. */
    public static AuditLog open(Path dir, Clock clock) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            DurableFiles.createDirectories(absolute);
            AuditLog log = new AuditLog(absolute, clock);
            if (Files.size(log.fileIfAbsentCreate()) > 0 && !endsWithNewline(log.file)) {
                throw new IllegalStateException("the audit log " + log.file + " ends in an incomplete entry;"
                        + " run 'oncogate audit verify' and keep the file for investigation before moving it aside");
            }
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log under " + absolute, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one entry, durable when this returns. */
    public AuditEntry append(AuditEntry.Event event) {
        synchronized (IN_PROCESS.computeIfAbsent(file, f -> new Object())) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Optional<String> last = lastLine(channel);
                long seq = last.map(line -> parse(line).seq() + 1).orElse(1L);
                String previous = last.map(AuditLog::sha256).orElse(AuditEntry.GENESIS);
                AuditEntry entry = new AuditEntry(seq, clock.instant(), event.actor(), event.action(),
                        new TreeMap<>(event.objects()), event.outcome(), previous);
                String line = MAPPER.writeValueAsString(entry);
                ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
                long position = channel.size();
                while (bytes.hasRemaining()) {
                    position += channel.write(bytes, position);
                }
                channel.force(true);
                DurableFiles.write(head, MAPPER.writeValueAsBytes(new Head(seq, sha256(line))));
                return entry;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the audit log " + file, e);
            }
        }
    }

    /** Every entry, oldest first (for start-up comparisons and counts; {@link AuditChain} checks integrity). */
    public List<AuditEntry> entries() {
        try {
            List<AuditEntry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    entries.add(parse(line));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file, e);
        }
    }

    /** The newest entry of this action, if any. */
    public Optional<AuditEntry> last(String action) {
        List<AuditEntry> entries = entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).action().equals(action)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** What {@code audit.head} holds: the newest entry's sequence number and the SHA-256 of its line. */
    record Head(long seq, String sha256) {
    }

    static AuditEntry parse(String line) {
        try {
            return MAPPER.readValue(line, AuditEntry.class);
        } catch (IOException e) {
            throw new IllegalStateException("not an audit entry");
        }
    }

    static String sha256(String line) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Path fileIfAbsentCreate() throws IOException {
        if (!Files.exists(file)) {
            DurableFiles.write(file, new byte[0]);
        }
        return file;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) == '\n';
        }
    }

    private static Optional<String> lastLine(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return Optional.empty();
        }
        int length = (int) Math.min(size, TAIL);
        ByteBuffer tail = ByteBuffer.allocate(length);
        channel.read(tail, size - length);
        String text = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw new IllegalStateException("the audit log ends in an incomplete entry; run 'oncogate audit verify'");
        }
        String withoutNewline = text.substring(0, text.length() - 1);
        return Optional.of(withoutNewline.substring(withoutNewline.lastIndexOf('\n') + 1));
    }
}
