package org.oncogate.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One line of the audit log. It names things by id only: every value is a short token without
 * spaces, so free text (which could quote a patient) cannot be recorded at all. {@code previous} is
 * the SHA-256 (hex) of the previous line as written, which chains the entries.
 */
@JsonPropertyOrder({"seq", "time", "actor", "action", "objects", "outcome", "previous"})
public record AuditEntry(long seq, Instant time, String actor, String action, SortedMap<String, String> objects,
                         String outcome, String previous) {

    /** An id, a count, a duration or a hash: no spaces, nothing that reads as prose. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/+=^-]{0,199}");
    static final String GENESIS = "0".repeat(64);

    public AuditEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("audit sequence numbers start at 1");
        }
        Objects.requireNonNull(time, "time");
        token("actor", actor);
        token("action", action);
        token("outcome", outcome);
        objects = objects == null ? new TreeMap<>() : new TreeMap<>(objects);
        objects.forEach((key, value) -> {
            token("object name", key);
            token("object " + key, value);
        });
        if (previous == null || !previous.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("previous must be a SHA-256 in hex");
        }
    }

    public String object(String name) {
        return objects.get(name);
    }

    private static void token(String what, String value) {
        if (value == null || !TOKEN.matcher(value).matches()) {
            // never echo the value: this check exists because it might be anything
            throw new IllegalArgumentException("audit " + what + " must be an id-like token " + TOKEN.pattern());
        }
    }

    /** What a caller asks to record; the log adds sequence, time and chain. */
    public record Event(String actor, String action, Map<String, String> objects, String outcome) {
    }
}
