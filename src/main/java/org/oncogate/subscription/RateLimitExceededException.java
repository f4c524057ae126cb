package org.oncogate.subscription;

import java.time.Duration;

/**
 * A subscription sent more requests than its channel takes per period. Nothing was read or stored;
 * the same request is taken once {@link #retryAfter()} has passed.
 */
public class RateLimitExceededException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    RateLimitExceededException(String subscription, int limit, Duration period, Duration retryAfter) {
        super("subscription " + subscription + " exceeds " + limit + " requests per " + period);
        this.retryAfter = retryAfter;
    }

    /** How long until the subscription's next request is taken. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1: the value of a Retry-After header. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
