package org.oncogate.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.RunningGateway;

/**
 * A source's subscription over its notification rate (here 2 per hour) gets 429 with an
 * OperationOutcome of issue type {@code throttled} and {@code Retry-After} (the seconds left of the
 * period), and nothing of the throttled notification is read or stored.
 */
class FhirRateLimitTest {

    private static final String SECRET = "ehr-rate-secret";

    @TempDir
    Path folder;
    private RunningGateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void overItsRateASourceGets429WithRetryAfterAndNothingIsStored() throws Exception {
        gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of(
                "oncogate.fhir.source.ehr.base-url", "http://localhost:9/fhir",
                "oncogate.fhir.source.ehr.secret-sha256", FhirRefusalTest.hash(SECRET),
                "oncogate.fhir.rate-limit", "2", "oncogate.fhir.rate-limit-period", "PT1H"));
        Notifier ehr = new Notifier(FhirRefusalTest.CLIENT_CONTEXT, gateway.baseUrl(), "ehr", SECRET);
        for (String id : new String[] {"doc-1", "doc-2"}) {
            HttpResponse<String> taken = ehr.send("POST", "", document(id), FhirRefusalTest.JSON);
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        }
        long stored = gateway.storedBytes();

        HttpResponse<String> throttled = ehr.send("POST", "", document("doc-3"), FhirRefusalTest.JSON);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(3000L, 3600L);
        OperationOutcome.OperationOutcomeIssueComponent issue = ehr.outcome(throttled).getIssueFirstRep();
        assertThat(issue.getCode().toCode()).isEqualTo("throttled");
        assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("TooManyRequests");
        assertThat(gateway.storedBytes()).as("nothing stored for the throttled notification").isEqualTo(stored);
    }

    private static byte[] document(String id) {
        return FhirRefusalTest.CLIENT_CONTEXT.newJsonParser().encodeResourceToString(
                FhirTestDocuments.plainDocument(id, "p-1", FhirTestDocuments.LUNG)).getBytes(StandardCharsets.UTF_8);
    }
}
