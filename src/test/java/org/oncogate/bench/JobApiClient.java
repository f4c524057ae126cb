package org.oncogate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The benchmark's side of the job API: its requests, with the subscription key, over the benchmark's HTTP client. */
final class JobApiClient {

    static final String API_VERSION = "2023-09-01-preview";
    static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";
    static final String BASELINE_PATH = "/bench/baseline";
    private static final String JOBS_PATH = "/health-insights/onco-phenotype/jobs?api-version=" + API_VERSION;
    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchHttpClient http;
    private final String key;

    JobApiClient(BenchHttpClient http, String key) {
        this.http = http;
        this.key = key;
    }

    Reply postBaseline(String body) throws IOException {
        return new Reply(http.post(BASELINE_PATH, body.getBytes(StandardCharsets.UTF_8), JSON_TYPE, KEY_HEADER, key));
    }

    Reply submit(String body) throws IOException {
        return new Reply(http.post(JOBS_PATH, body.getBytes(StandardCharsets.UTF_8), JSON_TYPE, KEY_HEADER, key));
    }

    /** GETs a job at its Operation-Location. */
    Reply get(String location) throws IOException {
        return new Reply(http.get(location, KEY_HEADER, key));
    }

    /** The job's URL from a 202 (the client takes a relative one against the gateway's base URL). */
    String operationLocation(Reply accepted) {
        return accepted.answer().header("Operation-Location")
                .orElseThrow(() -> new IllegalStateException("a 202 without Operation-Location"));
    }

    /** One answer of the gateway. */
    record Reply(BenchHttpClient.Answer answer) {

        int status() {
            return answer.status();
        }

        /** Retry-After in whole seconds (the only form the API sends), if present and readable. */
        Optional<Duration> retryAfter() {
            return answer.header("Retry-After").flatMap(value -> {
                try {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            });
        }

        JsonNode json() throws IOException {
            return JSON.readTree(answer.body());
        }

        /** The error code of a refusal: the envelope's error.code, else x-ms-error-code, else "-". */
        String errorCode() {
            try {
                JsonNode code = json().at("/error/code");
                if (code.isTextual()) {
                    return code.asText();
                }
            } catch (IOException | RuntimeException e) {
                // not JSON: fall back to the header
            }
            return answer.header("x-ms-error-code").orElse("-");
        }
    }
}
