package org.oncogate.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.oncogate.job.JobJson;
import org.oncogate.testing.RunningGateway;

/** A plain HTTP client for the job API, as a hospital's client would call it. */
public final class JobApiClient {

    public static final String DEV_KEY = "oncogate-dev-key";
    public static final String V2023_09 = "2023-09-01-preview";
    public static final String V2023_03 = "2023-03-01-preview";
    public static final String JOBS_2023_09 = "/health-insights/onco-phenotype/jobs";
    public static final String JOBS_2023_03 = "/healthinsights/oncophenotype/jobs";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public JobApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> post(String pathAndQuery, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> submit(String version, String body, Map<String, String> extraHeaders)
            throws IOException, InterruptedException {
        String path = (version.equals(V2023_03) ? JOBS_2023_03 : JOBS_2023_09) + "?api-version=" + version;
        Map<String, String> headers = new java.util.HashMap<>(Map.of(
                "Ocp-Apim-Subscription-Key", DEV_KEY, "Content-Type", "application/json"));
        headers.putAll(extraHeaders);
        return post(path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Polls the Operation-Location of an accepted job until its status is final, and returns the job. */
    public JsonNode awaitFinal(HttpResponse<String> accepted) throws InterruptedException {
        String location = accepted.headers().firstValue("Operation-Location").orElseThrow();
        JsonNode[] last = new JsonNode[1];
        RunningGateway.await("a final status", Duration.ofSeconds(30), () -> {
            try {
                last[0] = JobJson.MAPPER.readTree(get(location, DEV_KEY).body());
                return !Set.of("notStarted", "running").contains(last[0].path("status").asText());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        return last[0];
    }

    public HttpResponse<String> get(String urlOrPath, String key) throws IOException, InterruptedException {
        URI uri = urlOrPath.startsWith("http") ? URI.create(urlOrPath) : URI.create(baseUrl + urlOrPath);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (key != null) {
            request.header("Ocp-Apim-Subscription-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
