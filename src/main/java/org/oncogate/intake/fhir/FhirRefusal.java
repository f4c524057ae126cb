package org.oncogate.intake.fhir;

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

    public FhirRefusal(Reason reason, String code, String message, String location) {
        super(message, null, false, false);
        this.reason = reason;
        this.code = code;
        this.location = location;
    }

    public Reason reason() {
        return reason;
    }

    /** A short name of the problem, e.g. {@code MalformedJson}. */
    public String code() {
        return code;
    }

    /** Where in the notification (a FHIRPath-like expression or a line and column), or null. */
    public String location() {
        return location;
    }
}
