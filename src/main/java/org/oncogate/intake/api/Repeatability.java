package org.oncogate.intake.api;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Azure's repeatable requests: a POST retried with the same {@code Repeatability-Request-ID} gets
 * the same job, for as long as that job exists. The job's id is derived from subscription and
 * request id, so the job store itself finds the first job; nothing else is kept.
 */
final class Repeatability {

    static final String REQUEST_ID = "Repeatability-Request-ID";
    static final String FIRST_SENT = "Repeatability-First-Sent";
    static final String RESULT = "Repeatability-Result";

    private Repeatability() {
    }

    static void validate(String requestId, String firstSent) throws InvalidRepeatabilityException {
        if (requestId != null && (requestId.isBlank() || requestId.length() > 256)) {
            throw new InvalidRepeatabilityException("InvalidRepeatabilityRequestId",
                    "Repeatability-Request-ID must hold 1 to 256 characters", REQUEST_ID);
        }
        if (firstSent != null) {
            try {
                ZonedDateTime.parse(firstSent, DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw new InvalidRepeatabilityException("InvalidRepeatabilityFirstSent",
                        "Repeatability-First-Sent must be an HTTP date (RFC 7231 IMF-fixdate)", FIRST_SENT);
            }
        }
    }

    /** The id of the job a request with this repeatability id creates. */
    static String jobId(String subscription, String requestId) {
        return UUID.nameUUIDFromBytes(("job-api\n" + subscription + "\n" + requestId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
