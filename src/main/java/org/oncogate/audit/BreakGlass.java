package org.oncogate.audit;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.oncogate.job.JobService;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.PayloadUnavailableException;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.StoredPayload;

/**
 * Emergency read of one stored payload by an on-call operator. Every attempt is audited; a granted one
 * is audited (and synced) before anything is decrypted, so no read can happen without its record. The
 * operator's reason is free text and may mention a patient, so the log keeps only its SHA-256, to be
 * matched against the incident ticket that holds the text.
 */
public final class BreakGlass {

    public static final String ACTION = "breakglass";
    public static final String GRANTED = "granted";

    /** Which part of a job to read: the request as submitted, or the stored state with its result. */
    public enum Part {
        INPUT(PayloadKind.INPUT, JobService.REQUEST), RESULT(PayloadKind.STATE, JobService.STATE);

        private final PayloadKind kind;
        private final String storedPart;

        Part(PayloadKind kind, String storedPart) {
            this.kind = kind;
            this.storedPart = storedPart;
        }

        public static Optional<Part> find(String name) {
            for (Part part : values()) {
                if (part.name().equalsIgnoreCase(name)) {
                    return Optional.of(part);
                }
            }
            return Optional.empty();
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An attempt as the operator typed it. The reason never prints. */
    public record Request(String operator, String incident, String reason, String job, Part part) {

        public Request {
            Objects.requireNonNull(part, "part");
        }

        @Override
        public String toString() {
            return "BreakGlass.Request[operator, incident, reason, job, part=" + part.wireName() + "]";
        }
    }

    /** Decrypts a located payload; the store's own read in production, a spy in tests. */
    @FunctionalInterface
    public interface PayloadReader {
        byte[] read(StoredPayload payload) throws PayloadUnavailableException;
    }

    private final AuditLog audit;
    private final Set<String> onCall;
    private final RegionalStore store;
    private final PayloadReader reader;

    public BreakGlass(AuditLog audit, Set<String> onCall, RegionalStore store, PayloadReader reader) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.onCall = Set.copyOf(onCall);
        this.store = Objects.requireNonNull(store, "store");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The payload's plaintext, for standard output only; or a refusal, audited like the grant. */
    public byte[] open(Request request) throws BreakGlassRefusedException {
        Map<String, String> objects = new TreeMap<>();
        String actor = "operator:" + idOrInvalid(request.operator());
        objects.put("incident", idOrInvalid(request.incident()));
        objects.put("job", idOrInvalid(request.job()));
        objects.put("part", request.part().wireName());
        if (request.reason() != null && !request.reason().isBlank()) {
            objects.put("reason-sha256", AuditLog.sha256(request.reason().strip()));
        }
        StoredPayload payload = authorize(request, actor, objects);
        audit.append(new AuditEntry.Event(actor, ACTION, objects, GRANTED));
        try {
            return reader.read(payload);
        } catch (PayloadUnavailableException e) {
            String outcome = "failed:" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
            audit.append(new AuditEntry.Event(actor, ACTION, objects, outcome));
            throw new BreakGlassRefusedException(outcome, "the payload could not be read (" + outcome + ")");
        }
    }

    private StoredPayload authorize(Request request, String actor, Map<String, String> objects)
            throws BreakGlassRefusedException {
        if (!isId(request.operator())) {
            throw refuse(actor, objects, "invalid-operator", "the operator id is missing or not an id");
        }
        if (!onCall.contains(request.operator())) {
            throw refuse(actor, objects, "not-on-call", "operator " + request.operator()
                    + " is not on the on-call list (oncogate.breakglass.on-call)");
        }
        if (request.incident() == null || request.incident().isBlank()) {
            throw refuse(actor, objects, "missing-incident", "an incident id is required");
        }
        if (!isId(request.incident())) {
            throw refuse(actor, objects, "invalid-incident", "the incident id must be an id (letters, digits, . _ - :)");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw refuse(actor, objects, "missing-reason", "a reason is required");
        }
        if (!isId(request.job())) {
            throw refuse(actor, objects, "invalid-job", "the job id is missing or not an id");
        }
        PayloadKind kind = request.part().kind;
        String part = request.part().storedPart;
        Optional<StoredPayload> found = store.find(kind, request.job(), part);
        if (found.isPresent()) {
            return found.get();
        }
        if (store.heldInExpiredBucket(kind, request.job(), part)) {
            throw refuse(actor, objects, "expired-job", "job " + request.job() + " has expired; its "
                    + request.part().wireName() + " is no longer readable");
        }
        throw refuse(actor, objects, "unknown-job", "no " + request.part().wireName() + " of job "
                + request.job() + " is stored");
    }

    private BreakGlassRefusedException refuse(String actor, Map<String, String> objects, String why, String message) {
        String outcome = "refused:" + why;
        audit.append(new AuditEntry.Event(actor, ACTION, objects, outcome));
        return new BreakGlassRefusedException(outcome, message);
    }

    private static boolean isId(String value) {
        return value != null && value.length() <= 128 && AuditEntry.TOKEN.matcher(value).matches();
    }

    private static String idOrInvalid(String value) {
        return isId(value) ? value : "invalid";
    }
}
