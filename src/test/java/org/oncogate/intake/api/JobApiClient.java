package org.oncogate.intake.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A plain HTTP client for the job API, as a hospital's client would call it. */
final class JobApiClient {

    static final String DEV_KEY = "oncogate-dev-key";
    static final String V2023_09 = "2023-09-01-preview";
    static final String V2023_03 = "2023-03-01-preview";
    static final String JOBS_2023_09 = "/health-insights/onco-phenotype/jobs";
    static final String JOBS_2023_03 = "/healthinsights/oncophenotype/jobs";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    JobApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> post(String pathAndQuery, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> submit(String version, String body, Map<String, String> extraHeaders)
            throws IOException, InterruptedException {
        String path = (version.equals(V2023_03) ? JOBS_2023_03 : JOBS_2023_09) + "?api-version=" + version;
        Map<String, String> headers = new java.util.HashMap<>(Map.of(
                "Ocp-Apim-Subscription-Key", DEV_KEY, "Content-Type", "application/json"));
        headers.putAll(extraHeaders);
        return post(path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String urlOrPath, String key) throws IOException, InterruptedException {
        URI uri = urlOrPath.startsWith("http") ? URI.create(urlOrPath) : URI.create(baseUrl + urlOrPath);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (key != null) {
            request.header("Ocp-Apim-Subscription-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
