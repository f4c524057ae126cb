package org.oncogate.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks an audit log: every line a complete entry, sequence numbers 1, 2, 3 ... without gaps, each
 * entry's {@code previous} the SHA-256 of the line before it, and the last entry at least as new as
 * {@code audit.head} records (with the same hash when it is that entry). So an edited, removed,
 * reordered or truncated line, or entries cut off the end, all break the check at a named line.
 * Rewriting the whole chain and the head together is not detected: for that, ship the lines to
 * storage the gateway cannot rewrite.
 */
public final class AuditChain {

    private AuditChain() {
    }

    /** The outcome of {@link #verify}: intact, or the first line (1-based) that cannot be trusted and why. */
    public record Verification(int entries, Optional<Integer> brokenLine, String problem) {

        public boolean intact() {
            return brokenLine.isEmpty();
        }

        static Verification intact(int entries) {
            return new Verification(entries, Optional.empty(), "");
        }

        static Verification broken(int entries, int line, String problem) {
            return new Verification(entries, Optional.of(line), problem);
        }
    }

    public static Verification verify(Path dir) throws IOException {
        String text;
        try {
            text = Files.readString(dir.resolve(AuditLog.FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = "";
        }
        String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
        int complete = lines.length == 0 ? 0 : lines.length - 1; // the part after the last newline is not a line
        if (lines.length > 0 && !lines[lines.length - 1].isEmpty()) {
            return Verification.broken(complete, lines.length, "the last line is incomplete (the log was truncated)");
        }
        String previous = AuditEntry.GENESIS;
        for (int i = 0; i < complete; i++) {
            int line = i + 1;
            AuditEntry entry;
            try {
                entry = AuditLog.parse(lines[i]);
            } catch (IllegalStateException | IllegalArgumentException e) {
                return Verification.broken(complete, line, "not a valid audit entry (edited or truncated)");
            }
            if (entry.seq() != line) {
                return Verification.broken(complete, line, "holds entry " + entry.seq() + " where entry " + line
                        + " belongs (entries were removed or reordered)");
            }
            if (!entry.previous().equals(previous)) {
                return line == 1
                        ? Verification.broken(complete, line, "the first entry does not start the chain (edited)")
                        : Verification.broken(complete, line - 1, "does not hash to what entry " + line
                                + " recorded (entry " + (line - 1) + " was edited, or entry " + line + "'s link was)");
            }
            previous = AuditLog.sha256(lines[i]);
        }
        return checkHead(dir, complete, lines);
    }

    private static Verification checkHead(Path dir, int complete, String[] lines) throws IOException {
        Path headFile = dir.resolve(AuditLog.HEAD);
        if (!Files.exists(headFile)) {
            return complete == 0 ? Verification.intact(0)
                    : Verification.broken(complete, complete, "audit.head is missing, so the end of the log is unconfirmed");
        }
        AuditLog.Head head;
        try {
            head = AuditLog.MAPPER.readValue(Files.readAllBytes(headFile), AuditLog.Head.class);
        } catch (IOException e) {
            return Verification.broken(complete, complete, "audit.head is unreadable, so the end of the log is unconfirmed");
        }
        if (head.seq() > complete) {
            return Verification.broken(complete, complete + 1, "the log ends at entry " + complete
                    + " but audit.head records entry " + head.seq() + " (entries were cut off the end)");
        }
        // a crash between the line's fsync and the head's write leaves the head one entry behind: allowed
        if (!AuditLog.sha256(lines[(int) head.seq() - 1]).equals(head.sha256())) {
            return Verification.broken(complete, (int) head.seq(), "does not hash to what audit.head recorded (edited)");
        }
        return Verification.intact(complete);
    }
}
