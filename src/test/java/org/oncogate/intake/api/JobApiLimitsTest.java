package org.oncogate.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.intake.api.JobApiClient.DEV_KEY;
import static org.oncogate.intake.api.JobApiClient.JOBS_2023_09;
import static org.oncogate.intake.api.JobApiClient.V2023_09;
import static org.oncogate.intake.api.JobApiEndToEndTest.NOTE;
import static org.oncogate.intake.api.JobApiEndToEndTest.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobJson;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * The job API's limits on a fresh gateway per test: a subscription of another region leaves not a
 * byte under data/store; a subscription over its request rate gets 429 with Retry-After (the next
 * period's refill: RequestRateLimitTest).
 */
class JobApiLimitsTest {

    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private RunningGateway gateway;
    private JobApiClient client;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aSubscriptionOfAnotherRegionIsRefusedWithoutAByteStored() throws Exception {
        start(RunningGateway.ABROAD);
        byte[] body = request("P-7001", NOTE).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = client.post(JOBS_2023_09 + "?api-version=" + V2023_09,
                    Map.of("Content-Type", "application/json", "Ocp-Apim-Subscription-Key", "abroad-key",
                            "Repeatability-Request-ID", "abroad-" + i), body);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("x-ms-error-code")).contains("SubscriptionRegionMismatch");
            assertThat(refused.body()).doesNotContain(PhiCanary.MARKER);
            OpenApiContract.assertValidResponse(V2023_09, "OncoPhenotype_CreateJob", 403, refused.body());
        }
        assertThat(gateway.storedBytes()).as("bytes under data/store").isZero();
    }

    @Test
    void overItsRequestRateASubscriptionGets429WithRetryAfter() throws Exception {
        start(Map.of("oncogate.api.rate-limit", "2", "oncogate.api.rate-limit-period", "PT1H"));
        HttpResponse<String> first = client.submit(V2023_09, request("P-7002", NOTE), Map.of());
        assertThat(first.statusCode()).isEqualTo(202);
        String location = first.headers().firstValue("Operation-Location").orElseThrow();
        assertThat(client.get(location, DEV_KEY).statusCode()).as("a GET counts too").isEqualTo(200);
        int stored = inputs();

        HttpResponse<String> submit = client.submit(V2023_09, request("P-7003", NOTE), Map.of());
        assertThrottled(submit);
        OpenApiContract.assertValidResponse(V2023_09, "OncoPhenotype_CreateJob", 429, submit.body());
        assertThrottled(client.get(location, DEV_KEY));
        assertThat(inputs()).as("nothing stored for a throttled submit").isEqualTo(stored);
    }

    /** 429 in the envelope, with Retry-After the seconds left of the hour-long period (it began with the test). */
    private static void assertThrottled(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(3000L, 3600L);
        assertThat(response.headers().firstValue("x-ms-error-code")).contains("TooManyRequests");
        JsonNode error = JobJson.MAPPER.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("TooManyRequests");
        assertThat(error.get("message").asText()).contains("Retry-After");
    }

    private void start(Map<String, String> overrides) throws Exception {
        gateway = RunningGateway.start(folder, clock, overrides);
        client = new JobApiClient(gateway.baseUrl());
    }

    /** Stored job inputs (inference adds other parts to a job, never inputs). */
    private int inputs() {
        return gateway.bean("regionalStore", RegionalStore.class).list(PayloadKind.INPUT).size();
    }
}
