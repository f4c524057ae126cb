package org.oncogate.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long payloads stay readable, and how they are grouped into time buckets.
 *
 * <p>The invariant: nothing is readable more than 24 h after it was written, counting purge lag,
 * and a result stays retrievable at least 23 h. A payload written at {@code w} lands in the bucket
 * starting at {@code s}, with {@code s <= w < s + width}. The whole bucket expires at
 * {@code s + retention - width}:
 * <ul>
 *   <li>the first write of a bucket ({@code w = s}) is unreadable from {@code w + retention - width}
 *       and its key is destroyed by the next purge, so it is gone by
 *       {@code w + retention - width + purgeLag <= w + retention} as long as the purge runs at least
 *       once per bucket width;</li>
 *   <li>the last write of a bucket ({@code w} just before {@code s + width}) is still readable for
 *       {@code retention - 2 * width}.</li>
 * </ul>
 * With the defaults (24 h retention, {@code oncogate.store.bucket-width=PT15M}, purge every 5
 * minutes): every payload is readable for between 23 h 30 min and 23 h 45 min, and destroyed by
 * 23 h 45 min + 5 min &lt; 24 h. A shorter retention shortens both bounds.
 *
 * <p>Retention can only be shortened: more than 24 h is refused at start-up. Bucket ids have minute
 * resolution, so the width is a whole number of minutes that divides one hour, which also keeps
 * bucket boundaries on the same wall-clock minutes on every instance.
 */
public final class RetentionPolicy {

    public static final Duration MAXIMUM = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);

    private final Duration retention;
    private final Duration bucketWidth;

    public RetentionPolicy(Duration retention, Duration bucketWidth) {
        Objects.requireNonNull(retention, "oncogate.retention");
        Objects.requireNonNull(bucketWidth, "oncogate.store.bucket-width");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("oncogate.retention=" + retention + " must be positive");
        }
        if (retention.compareTo(MAXIMUM) > 0) {
            throw new IllegalArgumentException("oncogate.retention=" + retention
                    + " exceeds the 24 h maximum; retention can only be shortened");
        }
        if (bucketWidth.isNegative() || bucketWidth.isZero()
                || bucketWidth.toSecondsPart() != 0 || bucketWidth.toNanosPart() != 0
                || HOUR.toMinutes() % bucketWidth.toMinutes() != 0) {
            throw new IllegalArgumentException("oncogate.store.bucket-width=" + bucketWidth
                    + " must be a whole number of minutes that divides one hour evenly (e.g. PT5M, PT15M)");
        }
        if (retention.compareTo(bucketWidth.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("oncogate.retention=" + retention
                    + " must be longer than twice oncogate.store.bucket-width=" + bucketWidth);
        }
        this.retention = retention;
        this.bucketWidth = bucketWidth;
    }

    public Duration retention() {
        return retention;
    }

    public Duration bucketWidth() {
        return bucketWidth;
    }

    /** The bucket holding instant {@code t}: {@code t} floored to the bucket width, counted from the epoch. */
    public Bucket bucketFor(Instant t) {
        long width = bucketWidth.toSeconds();
        return new Bucket(Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), width) * width));
    }

    /** From this instant on, nothing in the bucket may be read (see the class comment for why). */
    public Instant expiryOf(Bucket b) {
        return b.start().plus(retention).minus(bucketWidth);
    }

    public boolean isExpired(Bucket b, Instant now) {
        return !now.isBefore(expiryOf(b));
    }

    /** Files outside buckets (the outbox) modified at or before this instant are due for deletion. */
    public Instant unbucketedCutoff(Instant now) {
        return now.minus(retention).plus(bucketWidth);
    }

    @Override
    public String toString() {
        return "RetentionPolicy[retention=" + retention + ", bucketWidth=" + bucketWidth + "]";
    }
}
