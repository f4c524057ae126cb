package org.oncogate.inference.remote;

import java.time.Duration;

/**
 * How patiently the remote engine talks to its service: timeouts of one HTTP call, how often a
 * transient failure (5xx, 408, 429, connection refused or reset, timeout) is retried and with what
 * exponential backoff, the longest wait between two polls, and the deadline of a whole job.
 */
public record RetryPolicy(Duration connectTimeout, Duration readTimeout, int retries, Duration backoff,
                          Duration maxBackoff, Duration pollCap, Duration deadline) {

    public RetryPolicy {
        for (Duration d : new Duration[] {connectTimeout, readTimeout, backoff, maxBackoff, pollCap, deadline}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("remote inference timeouts and delays must be positive");
            }
        }
        if (retries < 0) {
            throw new IllegalArgumentException("oncogate.inference.remote.retries must not be negative");
        }
        if (maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("oncogate.inference.remote.max-backoff must not be below backoff");
        }
    }

    /** The wait before retry number {@code retry} (0 for the first): backoff doubled each time, capped. */
    Duration backoffBefore(int retry) {
        Duration wait = backoff.multipliedBy(1L << Math.min(retry, 30));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** The wait before the next poll: what the service asked for, or the backoff, at most the poll cap. */
    Duration pollWait(Duration retryAfter) {
        Duration wait = retryAfter == null ? backoff : retryAfter;
        return wait.compareTo(pollCap) > 0 ? pollCap : wait;
    }
}
