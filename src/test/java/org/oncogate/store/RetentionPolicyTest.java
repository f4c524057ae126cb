package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Duration QUARTER = Duration.ofMinutes(15);

    @Test
    void retentionBeyond24HoursIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(25), QUARTER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("oncogate.retention=PT25H exceeds the 24 h maximum; retention can only be shortened");
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(24).plusSeconds(1), QUARTER))
                .hasMessageContaining("oncogate.retention=");
    }

    @Test
    void exactly24HoursIsAccepted() {
        RetentionPolicy policy = new RetentionPolicy(RetentionPolicy.MAXIMUM, QUARTER);
        assertThat(policy.retention()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.bucketWidth()).isEqualTo(QUARTER);
    }

    @Test
    void shorteningBringsExpiryForward() {
        RetentionPolicy policy = new RetentionPolicy(Duration.ofHours(2), QUARTER);
        Bucket bucket = policy.bucketFor(Instant.parse("2026-11-29T13:20:00Z"));
        assertThat(policy.expiryOf(bucket)).isEqualTo(Instant.parse("2026-11-29T15:00:00Z")); // 13:15 + 2h - 15m
    }

    @Test
    void nonPositiveRetentionIsRefused() {
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ZERO, QUARTER)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(-1), QUARTER)).hasMessageContaining("must be positive");
    }

    @Test
    void bucketWidthMustBeWholeMinutesDividingAnHour() {
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(24), Duration.ofMinutes(7)))
                .hasMessageContaining("oncogate.store.bucket-width=PT7M");
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(24), Duration.ofSeconds(30)))
                .hasMessageContaining("whole number of minutes");
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(24), Duration.ofHours(2)))
                .hasMessageContaining("divides one hour");
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofHours(24), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        new RetentionPolicy(Duration.ofHours(24), Duration.ofMinutes(5));
        new RetentionPolicy(Duration.ofHours(24), Duration.ofHours(1));
    }

    @Test
    void retentionMustExceedTwoBucketWidths() {
        assertThatThrownBy(() -> new RetentionPolicy(Duration.ofMinutes(30), QUARTER))
                .hasMessageContaining("longer than twice oncogate.store.bucket-width=PT15M");
        new RetentionPolicy(Duration.ofMinutes(31), QUARTER);
    }

    @Test
    void bucketIsTheInstantFlooredToTheWidth() {
        RetentionPolicy policy = TestStores.DEFAULT_POLICY;
        assertThat(policy.bucketFor(Instant.parse("2026-11-29T13:29:59.999Z")).id()).isEqualTo("20261129T1315");
        assertThat(policy.bucketFor(Instant.parse("2026-11-29T13:30:00Z")).id()).isEqualTo("20261129T1330");
        assertThat(policy.bucketFor(Instant.parse("1969-12-31T23:59:59Z")).id()).isEqualTo("19691231T2345");
    }

    @Test
    void everyWriteIsReadableAtLeast23h30AndExpiresBy23h45WithDefaults() {
        RetentionPolicy policy = TestStores.DEFAULT_POLICY;
        Instant firstWrite = Instant.parse("2026-11-29T13:15:00Z");
        Instant lastWrite = Instant.parse("2026-11-29T13:29:59.999Z");
        Bucket bucket = policy.bucketFor(firstWrite);
        assertThat(policy.bucketFor(lastWrite)).isEqualTo(bucket);
        Instant expiry = policy.expiryOf(bucket);
        assertThat(expiry).isEqualTo(firstWrite.plus(Duration.ofHours(23).plusMinutes(45)));
        assertThat(Duration.between(lastWrite, expiry)).isGreaterThan(Duration.ofHours(23).plusMinutes(30));
        assertThat(policy.isExpired(bucket, expiry.minusNanos(1))).isFalse();
        assertThat(policy.isExpired(bucket, expiry)).isTrue();
    }

    @Test
    void outboxCutoffIsRetentionLessOneBucketWidth() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        assertThat(TestStores.DEFAULT_POLICY.unbucketedCutoff(now)).isEqualTo(Instant.parse("2026-11-29T12:15:00Z"));
    }
}
