package org.oncogate.store;

import java.util.Locale;
import java.util.Objects;

/** A stored payload cannot be read. The message names the kind, the id and the reason, never content. */
public class PayloadUnavailableException extends Exception {

    /** Why the payload cannot be read. */
    public enum Reason { EXPIRED, MISSING, KEY_MISSING, UNDECRYPTABLE }

    private final PayloadKind kind;
    private final String id;
    private final Reason reason;

    public PayloadUnavailableException(PayloadKind kind, String id, Reason reason) {
        this(kind, id, reason, null);
    }

    public PayloadUnavailableException(PayloadKind kind, String id, Reason reason, Throwable cause) {
        super(kind.dirName() + " payload " + id + " is unavailable ("
                + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")", cause);
        this.kind = kind;
        this.id = id;
        this.reason = Objects.requireNonNull(reason);
    }

    public PayloadKind kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public Reason reason() {
        return reason;
    }
}
