package org.oncogate.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Backoff, poll waits and Retry-After, as the remote engine computes them. */
class RetryPolicyTest {

    // backoff 1 s doubling to at most 5 s; polls at most 3 s apart
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 4,
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofMinutes(1));

    @Test
    void theBackoffDoublesUpToItsCap() {
        assertThat(POLICY.backoffBefore(0)).hasSeconds(1);
        assertThat(POLICY.backoffBefore(1)).hasSeconds(2);
        assertThat(POLICY.backoffBefore(2)).hasSeconds(4);
        assertThat(POLICY.backoffBefore(3)).as("capped").hasSeconds(5);
        assertThat(POLICY.backoffBefore(62)).as("no overflow").hasSeconds(5);
    }

    @Test
    void aPollWaitsAsTheServiceSaysButNoLongerThanTheCap() {
        assertThat(POLICY.pollWait(Duration.ofSeconds(2))).hasSeconds(2);
        assertThat(POLICY.pollWait(Duration.ofSeconds(60))).hasSeconds(3);
        assertThat(POLICY.pollWait(null)).as("no Retry-After: the backoff").hasSeconds(1);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(answer("7").retryAfterFrom(now)).contains(Duration.ofSeconds(7));
        assertThat(answer("Tue, 01 Dec 2026 10:00:30 GMT").retryAfterFrom(now)).contains(Duration.ofSeconds(30));
        assertThat(answer("Tue, 01 Dec 2026 09:00:00 GMT").retryAfterFrom(now)).as("past").contains(Duration.ZERO);
        assertThat(answer("soon").retryAfterFrom(now)).isEmpty();
        assertThat(answer(null).retryAfterFrom(now)).isEmpty();
    }

    @Test
    void nonsensicalPoliciesAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), -1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("oncogate.inference.remote.retries");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("oncogate.inference.remote.max-backoff");
    }

    private static RemoteResponse answer(String retryAfter) {
        return new RemoteResponse(503, null, retryAfter, new byte[0]);
    }
}
