package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.intake.hl7.Hl7EndToEndTest.oru;
import static org.oncogate.intake.hl7.RawMllpClient.msa;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * The HL7 channel's limits on a fresh gateway per test: a sender whose subscription is of another
 * region gets an AR and leaves not a byte under data/store; a subscription over its message rate
 * gets an AE RateLimitExceeded (send again later; the next period's refill: RequestRateLimitTest).
 */
class Hl7LimitsTest {

    private static final String REPORT = "Invasive ductal carcinoma of the left breast, pT1c pN0.";

    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private RunningGateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aSenderOfAnotherRegionGetsAnArWithoutAByteStored() throws Exception {
        Map<String, String> overrides = new HashMap<>(RunningGateway.ABROAD);
        overrides.put("oncogate.hl7.senders", "LIS^GENHOSP=default,RIS^FARHOSP=abroad");
        gateway = RunningGateway.start(folder, clock, overrides);
        try (RawMllpClient client = new RawMllpClient(gateway.hl7Port(), Duration.ofSeconds(10))) {
            for (int i = 0; i < 3; i++) {
                String ack = client.exchange(oru("ABROAD-" + i, REPORT).replace("LIS|GENHOSP", "RIS|FARHOSP"));
                assertThat(msa(ack, 1)).isEqualTo("AR");
                assertThat(msa(ack, 2)).isEqualTo("ABROAD-" + i);
                assertThat(msa(ack, 3)).startsWith("SubscriptionRegionMismatch");
                assertThat(ack).doesNotContain(PhiCanary.MARKER);
            }
        }
        assertThat(gateway.storedBytes()).as("bytes under data/store").isZero();
    }

    @Test
    void overItsMessageRateASubscriptionGetsAnAeToSendItAgainLater() throws Exception {
        gateway = RunningGateway.start(folder, clock, Map.of(
                "oncogate.hl7.rate-limit", "2", "oncogate.hl7.rate-limit-period", "PT1H"));
        try (RawMllpClient client = new RawMllpClient(gateway.hl7Port(), Duration.ofSeconds(10))) {
            assertThat(msa(client.exchange(oru("RATE-1", REPORT)), 1)).isEqualTo("AA");
            assertThat(msa(client.exchange(oru("RATE-2", REPORT)), 1)).isEqualTo("AA");
            int stored = inputs();

            String ack = client.exchange(oru("RATE-3", REPORT));
            assertThat(msa(ack, 1)).isEqualTo("AE");
            assertThat(msa(ack, 2)).isEqualTo("RATE-3");
            assertThat(msa(ack, 3)).matches("RateLimitExceeded: the subscription's message rate is exceeded;"
                    + " send the message again after (3[0-5]\\d\\d|3600) s");
            assertThat(ack).contains("ERR|").contains("RateLimitExceeded");
            assertThat(inputs()).as("nothing stored for a throttled message").isEqualTo(stored);
        }
    }

    /** Stored job inputs (inference adds other parts to a job, never inputs). */
    private int inputs() {
        return gateway.bean("regionalStore", RegionalStore.class).list(PayloadKind.INPUT).size();
    }
}
