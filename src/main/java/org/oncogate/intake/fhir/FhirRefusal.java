package org.oncogate.intake.fhir;

import org.oncogate.subscription.RateLimitExceededException;

/**
 * A notification the gateway does not take, answered with an {@code OperationOutcome}: the
 * {@link Reason} fixes the HTTP status and the FHIR issue type, the code names the problem. The
 * message never holds patient data (it is answered and logged).
 */
public final class FhirRefusal extends Exception {

    /** Why a notification was refused; each reason has its status and issue type. */
    public enum Reason {
        UNAUTHORIZED(401, "security"),
        FORBIDDEN(403, "forbidden"),
        NOT_FOUND(404, "not-found"),
        METHOD_NOT_ALLOWED(405, "not-supported"),
        TOO_LARGE(413, "too-costly"),
        UNSUPPORTED_MEDIA_TYPE(415, "not-supported"),
        MALFORMED(400, "structure"),
        UNPROCESSABLE(422, "processing"),
        TOO_MANY_REQUESTS(429, "throttled"),
        SOURCE_UNAVAILABLE(503, "transient");

        private final int status;
        private final String issueType;

        Reason(int status, String issueType) {
            this.status = status;
            this.issueType = issueType;
        }

        public int status() {
            return status;
        }

        public String issueType() {
            return issueType;
        }
    }

    private final Reason reason;
    private final String code;
    private final String location;
    private final long retryAfterSeconds;

    public FhirRefusal(Reason reason, String code, String message, String location) {
        this(reason, code, message, location, 0);
    }

    private FhirRefusal(Reason reason, String code, String message, String location, long retryAfterSeconds) {
        super(message, null, false, false);
        this.reason = reason;
        this.code = code;
        this.location = location;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The source's subscription sent more notifications than the channel takes per period. */
    static FhirRefusal throttled(RateLimitExceededException exceeded) {
        return new FhirRefusal(Reason.TOO_MANY_REQUESTS, "TooManyRequests",
                "this source's subscription sent more notifications than the gateway takes per period; send it again later",
                null, exceeded.retryAfterSeconds());
    }

    public Reason reason() {
        return reason;
    }

    /** A short name of the problem, e.g. {@code MalformedJson}. */
    public String code() {
        return code;
    }

    /** The seconds a sender should wait before sending again (a Retry-After header), or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Where in the notification (a FHIRPath-like expression or a line and column), or null. */
    public String location() {
        return location;
    }
}
