package org.oncogate.intake.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.oncogate.job.JobJson;
import org.oncogate.store.DurableFiles;

/**
 * The customer's pick-up point, {@code outbox/<subscription>/}: results ({@code <name>.result.json})
 * and error reports ({@code <name>.error.json}). Files carry the gateway clock's time so the purge
 * can remove them on schedule. A name too long for the file system (with the room a durable write
 * needs for its temp file) is cut and ends in the fingerprint of the whole name instead.
 */
public final class Outbox {

    /** The longest outbox file name: 255 bytes (ext4, xfs, btrfs), less the temp file's additions. */
    static final int MAX_NAME_BYTES = 255 - DurableFiles.TEMP_NAME_OVERHEAD;

    private final Path root;
    private final Clock clock;

    public Outbox(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    void write(String subscription, String baseName, String suffix, Object body) throws IOException {
        Path folder = root.resolve(subscription).normalize();
        if (!folder.getParent().equals(root.normalize())) {
            throw new IllegalArgumentException("outbox folder outside the outbox root");
        }
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName(baseName, suffix));
        if (!target.getParent().equals(folder)) {
            throw new IllegalArgumentException("outbox file outside its folder");
        }
        // the purge goes by this time: it is set before the file appears, so no reader sees another
        DurableFiles.write(target, JobJson.write(body), clock.instant());
    }

    /** {@code baseName + suffix}, or, beyond {@link #MAX_NAME_BYTES}, the name's start, {@code ~} and its fingerprint. */
    static String fileName(String baseName, String suffix) {
        String name = baseName + suffix;
        if (utf8Length(name) <= MAX_NAME_BYTES) {
            return name;
        }
        String tail = "~" + InboxFile.fingerprint(baseName) + suffix;
        StringBuilder start = new StringBuilder();
        int budget = MAX_NAME_BYTES - utf8Length(tail);
        for (int i = 0; i < baseName.length(); i = baseName.offsetByCodePoints(i, 1)) {
            String codePoint = new String(Character.toChars(baseName.codePointAt(i)));
            budget -= utf8Length(codePoint);
            if (budget < 0) {
                break;
            }
            start.append(codePoint);
        }
        return start + tail;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
