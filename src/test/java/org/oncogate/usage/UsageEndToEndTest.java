package org.oncogate.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobJson;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * Usage counters and the hourly report reflect the inbox files processed, aggregate only:
 * labels and counts, never a byte of the documents.
 */
class UsageEndToEndTest {

    private static final String NOTE_ONE = PhiCanary.patientLine() + "\nAdenocarcinoma of the sigmoid colon, pT3 pN1b.";
    private static final String NOTE_TWO = PhiCanary.patientLine() + "\nSquamous cell carcinoma of the cervix.";

    @TempDir
    static Path folder;
    static RunningGateway gateway;
    static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(600));

    @BeforeAll
    static void processTwoNotesAndOneBadFile() throws Exception {
        gateway = RunningGateway.start(folder, clock, Map.of());
        Path inbox = gateway.inbox("default");
        Files.writeString(inbox.resolve("P-3001.txt"), NOTE_ONE);
        Files.writeString(inbox.resolve("P-3002.txt"), NOTE_TWO);
        Files.write(inbox.resolve("P-3003.txt"), new byte[0]);
        Path outbox = gateway.outbox("default");
        RunningGateway.await("two results and one error report", Duration.ofSeconds(30), () ->
                Files.exists(outbox.resolve("P-3001.result.json")) && Files.exists(outbox.resolve("P-3002.result.json"))
                        && Files.exists(outbox.resolve("P-3003.error.json")));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void prometheusEndpointCountsCallsDocumentsAndCharactersPerLabel() throws Exception {
        String metrics = get("/observe/metrics");
        String accepted = "api=\"inbox\",operation=\"submit\",outcome=\"accepted\",region=\"eu-west\","
                + "resource=\"oncogate-dev\",subscription=\"default\"";
        assertThat(metrics).contains("oncogate_usage_calls_total{" + accepted + "} 2.0");
        assertThat(metrics).contains("oncogate_usage_documents_total{" + accepted + "} 2.0");
        assertThat(metrics).contains("oncogate_usage_characters_total{" + accepted + "} "
                + (double) (NOTE_ONE.length() + NOTE_TWO.length()));
        assertThat(metrics).contains("oncogate_usage_calls_total{api=\"inbox\",operation=\"submit\",outcome=\"rejected\","
                + "region=\"eu-west\",resource=\"oncogate-dev\",subscription=\"default\"} 1.0");
        assertThat(metrics).contains("oncogate_usage_calls_total{api=\"inbox\",operation=\"infer\",outcome=\"succeeded\","
                + "region=\"eu-west\",resource=\"oncogate-dev\",subscription=\"default\"} 2.0");
        assertThat(metrics).doesNotContain(PhiCanary.MARKER).doesNotContain("carcinoma").doesNotContain("P-300");
    }

    @Test
    void healthEndpointSaysUp() throws Exception {
        assertThat(get("/observe/health")).contains("UP");
    }

    @Test
    void hourlyReportHoldsTheCompletedHourAggregateOnly() throws Exception {
        clock.advance(Duration.ofHours(1));
        assertThat(gateway.bean("usageReport", UsageReport.class).writeCompletedHours()).isEqualTo(1);
        Path usage = gateway.dataDir().resolve("usage");
        Path report;
        try (Stream<Path> files = Files.list(usage)) {
            report = files.filter(f -> f.getFileName().toString().startsWith("usage-")).findFirst().orElseThrow();
        }
        String text = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(PhiCanary.MARKER).doesNotContain("carcinoma").doesNotContain("P-300");
        JsonNode json = JobJson.MAPPER.readTree(text);
        assertThat(json.get("region").asText()).isEqualTo("eu-west");
        long acceptedCalls = 0;
        long characters = 0;
        for (JsonNode row : json.get("usage")) {
            if (row.get("operation").asText().equals("submit") && row.get("outcome").asText().equals("accepted")) {
                acceptedCalls += row.get("calls").asLong();
                characters += row.get("characters").asLong();
            }
        }
        assertThat(acceptedCalls).isEqualTo(2);
        assertThat(characters).isEqualTo(NOTE_ONE.length() + NOTE_TWO.length());
        assertThat(gateway.bean("usageReport", UsageReport.class).writeCompletedHours())
                .as("an hour is reported once").isZero();
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }
}
