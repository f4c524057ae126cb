package org.oncogate.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every HTTP channel (job API, FHIR) labels its answers the same way. */
class UsageEventTest {

    @ParameterizedTest
    @CsvSource({"400, rejected", "401, unauthorized", "403, forbidden", "404, notFound", "413, rejected",
            "422, rejected", "429, throttled", "500, error", "503, error"})
    void anHttpStatusHasOneOutcomeLabel(int status, String outcome) {
        assertThat(UsageEvent.httpOutcome(status)).isEqualTo(outcome);
    }
}
