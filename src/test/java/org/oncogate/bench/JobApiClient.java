package org.oncogate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The benchmark's side of the wire: one HTTP/1.1 client shared by every virtual client. */
final class JobApiClient {

    static final String API_VERSION = "2023-09-01-preview";
    static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";
    static final String BASELINE_PATH = "/bench/baseline";
    private static final String JOBS_PATH = "/health-insights/onco-phenotype/jobs?api-version=" + API_VERSION;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String key;

    JobApiClient(String baseUrl, String key) {
        this.base = URI.create(baseUrl);
        this.key = key;
    }

    Reply postBaseline(String body) throws IOException, InterruptedException {
        return post(base.resolve(BASELINE_PATH), body);
    }

    Reply submit(String body) throws IOException, InterruptedException {
        return post(base.resolve(JOBS_PATH), body);
    }

    Reply get(URI location) throws IOException, InterruptedException {
        return send(request(location).GET().build());
    }

    /** The job's URL from a 202; relative values are taken against the gateway's base URL. */
    URI operationLocation(Reply accepted) {
        String location = accepted.response().headers().firstValue("Operation-Location")
                .orElseThrow(() -> new IllegalStateException("a 202 without Operation-Location"));
        return base.resolve(location);
    }

    private Reply post(URI uri, String body) throws IOException, InterruptedException {
        return send(request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header(KEY_HEADER, key);
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        return new Reply(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** One answer of the gateway. */
    record Reply(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        /** Retry-After in whole seconds (the only form the API sends), if present and readable. */
        Optional<Duration> retryAfter() {
            return response.headers().firstValue("Retry-After").flatMap(value -> {
                try {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            });
        }

        JsonNode json() throws IOException {
            return JSON.readTree(response.body());
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
            return response.headers().firstValue("x-ms-error-code").orElse("-");
        }
    }
}
