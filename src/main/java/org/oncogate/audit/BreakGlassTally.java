package org.oncogate.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Break-glass attempts counted from the audit log itself, so attempts made by the operator command
 * (another process), even while the gateway was down, are counted too. Reads only what was appended
 * since the last look. Counts are per outcome class: {@code granted}, {@code refused}, {@code failed}.
 */
public final class BreakGlassTally {

    public static final String[] OUTCOMES = {"granted", "refused", "failed"};

    private final AuditLog log;
    private final Path file;
    private final Map<String, Long> counts = new HashMap<>();
    private long offset;

    public BreakGlassTally(AuditLog log) {
        this.log = log;
        this.file = log.file();
    }

    /** Attempts by outcome class made in {@code [from, to)}, read from the whole log (for the hourly report). */
    public Map<String, Long> between(Instant from, Instant to) {
        Map<String, Long> found = new TreeMap<>();
        for (String outcome : OUTCOMES) {
            found.put(outcome, 0L);
        }
        log.entries().stream()
                .filter(e -> e.action().equals(BreakGlass.ACTION) && !e.time().isBefore(from) && e.time().isBefore(to))
                .forEach(e -> found.merge(outcomeClass(e), 1L, Long::sum));
        return found;
    }

    public synchronized long count(String outcomeClass) {
        refresh();
        return counts.getOrDefault(outcomeClass, 0L);
    }

    private void refresh() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= offset) {
                return;
            }
            ByteBuffer appended = ByteBuffer.allocate((int) (size - offset));
            while (appended.hasRemaining() && channel.read(appended, offset + appended.position()) > 0) {
                // read to the end
            }
            String text = new String(appended.array(), 0, appended.position(), StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return; // an entry being written: count it next time
            }
            for (String line : text.substring(0, end).split("\n")) {
                tally(line);
            }
            offset += text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return;
            }
            throw new UncheckedIOException("cannot read the audit log to count break-glass attempts", e);
        }
    }

    private static String outcomeClass(AuditEntry entry) {
        int colon = entry.outcome().indexOf(':');
        return colon < 0 ? entry.outcome() : entry.outcome().substring(0, colon);
    }

    private void tally(String line) {
        try {
            AuditEntry entry = AuditLog.parse(line);
            if (entry.action().equals(BreakGlass.ACTION)) {
                counts.merge(outcomeClass(entry), 1L, Long::sum);
            }
        } catch (IllegalStateException e) {
            // a broken line is for 'audit verify' to report; it is no break-glass attempt
        }
    }
}
