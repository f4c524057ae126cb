package org.oncogate.inference.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One HTTP answer of the remote service. The body holds patient data (evidence text) and is never
 * printed.
 */
record RemoteResponse(int status, String operationLocation, String retryAfter, byte[] body) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Worth retrying: the service is overloaded, unavailable or failed this once. */
    boolean isTransient() {
        return status == 408 || status == 429 || status >= 500;
    }

    /** The {@code Retry-After} header as a wait from {@code now}: delay-seconds or an HTTP date. */
    Optional<Duration> retryAfterFrom(Instant now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        String value = retryAfter.trim();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "RemoteResponse[status=" + status + ", bytes=" + (body == null ? 0 : body.length) + "]";
    }
}
