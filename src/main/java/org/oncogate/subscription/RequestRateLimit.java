package org.oncogate.subscription;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many requests one channel takes from each subscription per period: at most {@code limit} per
 * {@code period}, refilled at the start of each period (Resilience4j's {@link RateLimiter}, one per
 * subscription, never waiting). Periods run on a monotonic nanosecond clock ({@code System::nanoTime}
 * in the gateway): not the wall clock, which may jump, nor the gateway's {@code clock} bean, which
 * tests hold still.
 */
public final class RequestRateLimit {

    private final String channel;
    private final RateLimiterConfig config;
    private final LongSupplier nanoTime;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public RequestRateLimit(String channel, int limit, Duration period, LongSupplier nanoTime) {
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the " + channel + " rate limit needs at least 1 request per positive period");
        }
        this.channel = channel;
        this.nanoTime = nanoTime;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** Takes one request of the subscription, or refuses it with the time until the next one is taken. */
    public void admit(Subscription subscription) throws RateLimitExceededException {
        RateLimiter limiter = limiters.computeIfAbsent(subscription.name(),
                name -> RateLimiter.of(channel + "/" + name, config, nanoTime::getAsLong));
        if (!limiter.acquirePermission()) {
            long nanos = ((AtomicRateLimiter) limiter).getDetailedMetrics().getNanosToWait();
            throw new RateLimitExceededException(subscription.name(), config.getLimitForPeriod(),
                    config.getLimitRefreshPeriod(), Duration.ofNanos(Math.max(nanos, 0)));
        }
    }
}
