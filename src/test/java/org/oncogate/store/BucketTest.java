package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BucketTest {

    @Test
    void idIsTheUtcStartMinuteAndParsesBack() {
        Bucket bucket = new Bucket(Instant.parse("2026-11-29T13:15:00Z"));
        assertThat(bucket.id()).isEqualTo("20261129T1315");
        assertThat(Bucket.parse("20261129T1315")).isEqualTo(bucket);
    }

    @Test
    void idsSortLikeStarts() {
        Bucket earlier = new Bucket(Instant.parse("2026-11-29T23:45:00Z"));
        Bucket later = new Bucket(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(earlier.id()).isLessThan(later.id());
        assertThat(earlier).isLessThan(later);
    }

    @Test
    void malformedIdsAndOddStartsAreRefused() {
        for (String bad : new String[] {"", "20261129T131", "20261129t1315", "20261132T1315", "20261129T2460", "../x", "20261129T1315 "}) {
            assertThatThrownBy(() -> Bucket.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new Bucket(Instant.parse("2026-11-29T13:15:01Z"))).isInstanceOf(IllegalArgumentException.class);
    }
}
