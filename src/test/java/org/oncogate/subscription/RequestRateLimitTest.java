package org.oncogate.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class RequestRateLimitTest {

    private static final Subscription HOME = new Subscription("home", "eu", new byte[32]);
    private static final Subscription OTHER = new Subscription("other", "eu", new byte[32]);

    private final FakeNanoTime time = new FakeNanoTime();
    private final RequestRateLimit limit = new RequestRateLimit("test", 2, Duration.ofMinutes(1), time);

    @Test
    void takesTheLimitPerPeriodThenRefusesWithTheTimeToTheNextPeriod() throws Exception {
        limit.admit(HOME);
        limit.admit(HOME);
        time.advance(Duration.ofSeconds(20));
        RateLimitExceededException refused = catchThrowableOfType(RateLimitExceededException.class, () -> limit.admit(HOME));
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(40));
        assertThat(refused.retryAfterSeconds()).isEqualTo(40);
        assertThat(refused.getMessage()).isEqualTo("subscription home exceeds 2 requests per PT1M");
    }

    @Test
    void theNextPeriodTakesRequestsAgain() throws Exception {
        limit.admit(HOME);
        limit.admit(HOME);
        assertThatThrownBy(() -> limit.admit(HOME)).isInstanceOf(RateLimitExceededException.class);
        time.advance(Duration.ofMinutes(1));
        assertThatCode(() -> limit.admit(HOME)).doesNotThrowAnyException();
    }

    @Test
    void eachSubscriptionHasItsOwnLimit() throws Exception {
        limit.admit(HOME);
        limit.admit(HOME);
        assertThatThrownBy(() -> limit.admit(HOME)).isInstanceOf(RateLimitExceededException.class);
        assertThatCode(() -> limit.admit(OTHER)).doesNotThrowAnyException();
        assertThatCode(() -> limit.admit(OTHER)).doesNotThrowAnyException();
    }

    @Test
    void retryAfterIsRoundedUpToWholeSecondsAndAtLeastOne() throws Exception {
        RequestRateLimit fast = new RequestRateLimit("test", 1, Duration.ofMillis(300), time);
        fast.admit(HOME);
        RateLimitExceededException refused = catchThrowableOfType(RateLimitExceededException.class, () -> fast.admit(HOME));
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(300));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    /** A monotonic clock that the test moves. */
    private static final class FakeNanoTime implements LongSupplier {
        private long nanos = 1_000_000_000L;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long getAsLong() {
            return nanos;
        }
    }

    @Test
    void aLimitBelowOneOrAnEmptyPeriodIsAConfigurationError() {
        assertThatThrownBy(() -> new RequestRateLimit("oncogate.api", 0, Duration.ofSeconds(1), time))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oncogate.api");
        assertThatThrownBy(() -> new RequestRateLimit("oncogate.api", 1, Duration.ZERO, time))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
