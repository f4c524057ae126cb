package org.oncogate.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.intake.api.JobApiClient.DEV_KEY;
import static org.oncogate.intake.api.JobApiClient.JOBS_2023_03;
import static org.oncogate.intake.api.JobApiClient.JOBS_2023_09;
import static org.oncogate.intake.api.JobApiClient.V2023_03;
import static org.oncogate.intake.api.JobApiClient.V2023_09;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobJson;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * The job API over real HTTP with a plain client: the official examples of both versions, the
 * submit-poll-read cycle, repeatability, every refusal with its status and code. Every response
 * body is checked against the official OpenAPI schema of its version.
 */
class JobApiEndToEndTest {

    static final String NOTE = PhiCanary.patientLine()
            + "\nRight lower lobe lobectomy: squamous cell carcinoma of the lung, 4.2 cm. TNM: pT2b pN0 pMX.";

    @TempDir
    static Path folder;
    static RunningGateway gateway;
    static JobApiClient client;
    static final MutableClock clock = new MutableClock(Instant.now());

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.start(folder, clock, Map.of(
                "oncogate.subscriptions", "default,abroad",
                "oncogate.subscription.abroad.region", "us-east",
                // SHA-256 of "abroad-key"
                "oncogate.subscription.abroad.key-sha256",
                "6719bae6b9740b8f8c197ceead84aa0744972e6f21b64ac9509296c1f028b983",
                "oncogate.api.max-body-size", "200000"));
        client = new JobApiClient(gateway.baseUrl());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void officialExamplesOfBothVersionsAreAcceptedAndAnsweredInTheirOwnShape() throws Exception {
        for (String version : new String[] {V2023_03, V2023_09}) {
            String body = JobJson.MAPPER.writeValueAsString(example(version).at("/parameters/body"));
            HttpResponse<String> accepted = client.submit(version, body, Map.of());
            assertThat(accepted.statusCode()).as("%s example", version).isEqualTo(202);
            OpenApiContract.assertValidResponse(version, "OncoPhenotype_CreateJob", 202, accepted.body());
            JsonNode done = pollUntilFinal(version, accepted);
            assertThat(done.get("status").asText()).isEqualTo("succeeded");
        }
    }

    @Test
    void submitPollAndReadInferencesWithEvidence() throws Exception {
        HttpResponse<String> accepted = client.submit(V2023_09, request("P-6001", NOTE), Map.of());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Operation-Location").orElseThrow();
        assertThat(location).startsWith(gateway.baseUrl() + JOBS_2023_09 + "/").endsWith("?api-version=" + V2023_09);
        assertThat(accepted.headers().firstValue("Retry-After")).contains("1");
        assertThat(accepted.headers().map().keySet()).as("the key is never echoed")
                .noneMatch(h -> h.equalsIgnoreCase("Ocp-Apim-Subscription-Key"));
        JsonNode job = pollUntilFinal(V2023_09, accepted);
        JsonNode patient = job.at("/result/patientResults/0");
        assertThat(patient.get("patientId").asText()).isEqualTo("P-6001");
        JsonNode stageT = inference(patient, "pathologicStageT");
        assertThat(stageT.get("value").asText()).isEqualTo("T2");
        JsonNode evidence = stageT.at("/evidence/0/patientDataEvidence");
        int offset = evidence.get("offset").asInt();
        assertThat(NOTE.substring(offset, offset + evidence.get("length").asInt())).isEqualTo("pT2b");
        assertThat(inference(patient, "histology").get("value").asText()).isEqualTo("8070");
        assertThat(Instant.parse(job.get("expirationDateTime").asText()))
                .isAfter(Instant.parse(job.get("createdDateTime").asText()).plus(Duration.ofHours(23)))
                .isBefore(Instant.parse(job.get("createdDateTime").asText()).plus(Duration.ofHours(24)));

        String legacy = location.replace(JOBS_2023_09, JOBS_2023_03).replace(V2023_09, V2023_03);
        HttpResponse<String> old = client.get(legacy, DEV_KEY);
        assertThat(old.statusCode()).isEqualTo(200);
        OpenApiContract.assertValidResponse(V2023_03, "OncoPhenotype_GetJob", 200, old.body());
        assertThat(JobJson.MAPPER.readTree(old.body()).at("/results/patients/0/id").asText()).isEqualTo("P-6001");
    }

    @Test
    void aRetriedPostWithTheSameRepeatabilityIdReturnsTheSameJob() throws Exception {
        Map<String, String> repeat = Map.of("Repeatability-Request-ID", "retry-7f3a",
                "Repeatability-First-Sent", "Sun, 29 Nov 2026 10:00:00 GMT");
        HttpResponse<String> first = client.submit(V2023_09, request("P-6002", NOTE), repeat);
        HttpResponse<String> second = client.submit(V2023_09, request("P-6002", NOTE), repeat);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.headers().firstValue("Repeatability-Result")).contains("accepted");
        assertThat(JobJson.MAPPER.readTree(second.body()).get("id").asText())
                .isEqualTo(JobJson.MAPPER.readTree(first.body()).get("id").asText());
        OpenApiContract.assertValidResponse(V2023_09, "OncoPhenotype_CreateJob", 202, second.body());
        HttpResponse<String> other = client.submit(V2023_09, request("P-6002", NOTE),
                Map.of("Repeatability-Request-ID", "retry-other"));
        assertThat(JobJson.MAPPER.readTree(other.body()).get("id").asText())
                .isNotEqualTo(JobJson.MAPPER.readTree(first.body()).get("id").asText());
    }

    @Test
    void keysAndRegionsAreChecked() throws Exception {
        String path = JOBS_2023_09 + "?api-version=" + V2023_09;
        byte[] body = request("P-6003", NOTE).getBytes(StandardCharsets.UTF_8);
        assertRefused(client.post(path, Map.of("Content-Type", "application/json"), body),
                V2023_09, 401, "Unauthorized");
        assertRefused(client.post(path, Map.of("Content-Type", "application/json",
                "Ocp-Apim-Subscription-Key", "wrong-key"), body), V2023_09, 401, "Unauthorized");
        RegionalStore store = gateway.bean("regionalStore", RegionalStore.class);
        int stored = store.list(PayloadKind.INPUT).size();
        assertRefused(client.post(path, Map.of("Content-Type", "application/json",
                "Ocp-Apim-Subscription-Key", "abroad-key"), body), V2023_09, 403, "SubscriptionRegionMismatch");
        assertThat(store.list(PayloadKind.INPUT)).as("nothing stored for another region").hasSize(stored);
    }

    @Test
    void eachBadRequestGetsItsOwnClearRefusalAndTheServerKeepsServing() throws Exception {
        String jobs = JOBS_2023_09 + "?api-version=" + V2023_09;
        Map<String, String> json = Map.of("Content-Type", "application/json", "Ocp-Apim-Subscription-Key", DEV_KEY);
        assertRefused(client.post(jobs, json, ("{\"patients\": [{\"id\": \"" + PhiCanary.MARKER)
                .getBytes(StandardCharsets.UTF_8)), V2023_09, 400, "InvalidRequestBody");
        assertRefused(client.post(jobs, Map.of("Content-Type", "text/plain", "Ocp-Apim-Subscription-Key", DEV_KEY),
                request("P-6004", NOTE).getBytes(StandardCharsets.UTF_8)), V2023_09, 415, "UnsupportedMediaType");
        assertRefused(client.post(jobs, json, request("P-6004", NOTE + " x".repeat(150_000))
                .getBytes(StandardCharsets.UTF_8)), V2023_09, 413, "RequestTooLarge");
        assertRefused(client.post(JOBS_2023_09, json, request("P-6004", NOTE).getBytes(StandardCharsets.UTF_8)),
                V2023_09, 400, "MissingApiVersionParameter");
        assertRefused(client.post(JOBS_2023_09 + "?api-version=2022-01-01", json,
                request("P-6004", NOTE).getBytes(StandardCharsets.UTF_8)), V2023_09, 400, "UnsupportedApiVersionValue");
        assertRefused(client.post(JOBS_2023_09 + "?api-version=" + V2023_03, json,
                request("P-6004", NOTE).getBytes(StandardCharsets.UTF_8)), V2023_09, 400, "UnsupportedApiVersionValue");
        ObjectNode twice = (ObjectNode) JobJson.MAPPER.readTree(request("P-6004", NOTE));
        ((com.fasterxml.jackson.databind.node.ArrayNode) twice.at("/patients/0/patientDocuments"))
                .add(twice.at("/patients/0/patientDocuments/0").deepCopy());
        HttpResponse<String> duplicate = client.post(jobs, json, JobJson.MAPPER.writeValueAsBytes(twice));
        assertRefused(duplicate, V2023_09, 400, "DuplicateDocumentId");
        assertThat(JobJson.MAPPER.readTree(duplicate.body()).at("/error/target").asText())
                .isEqualTo("patients[0].patientDocuments[1].id");
        assertRefused(client.post(jobs, json, request("P-6004", NOTE + " y".repeat(25_000))
                .getBytes(StandardCharsets.UTF_8)), V2023_09, 400, "PatientTextTooLong");
        assertRefused(client.get(JOBS_2023_09 + "/00000000-0000-0000-0000-000000000000?api-version=" + V2023_09,
                DEV_KEY), V2023_09, 404, "NotFound");
        assertThat(client.submit(V2023_09, request("P-6004", NOTE), Map.of()).statusCode())
                .as("still serving").isEqualTo(202);
    }

    @Test
    void aJobIsGoneOnceExpired() throws Exception {
        HttpResponse<String> accepted = client.submit(V2023_09, request("P-6005", NOTE), Map.of());
        pollUntilFinal(V2023_09, accepted);
        String location = accepted.headers().firstValue("Operation-Location").orElseThrow();
        Instant expires = Instant.parse(JobJson.MAPPER.readTree(client.get(location, DEV_KEY).body())
                .get("expirationDateTime").asText());
        MutableClock gatewayClock = clock;
        Instant now = gatewayClock.instant();
        try {
            gatewayClock.set(expires.minusSeconds(1));
            assertThat(client.get(location, DEV_KEY).statusCode()).as("just before expiry").isEqualTo(200);
            gatewayClock.set(expires);
            assertRefused(client.get(location, DEV_KEY), V2023_09, 404, "NotFound");
        } finally {
            gatewayClock.set(now);
        }
    }

    @Test
    void theRequestConfigurationIsHonoured() throws Exception {
        ObjectNode limited = (ObjectNode) JobJson.MAPPER.readTree(request("P-6006", NOTE));
        limited.putObject("configuration").put("includeEvidence", false)
                .putArray("inferenceTypes").add("histology").add("pathologicStageT");
        JsonNode patient = pollUntilFinal(V2023_09, client.submit(V2023_09, limited.toString(), Map.of()))
                .at("/result/patientResults/0");
        assertThat(patient.get("inferences")).extracting(i -> i.get("type").asText())
                .containsExactlyInAnyOrder("histology", "pathologicStageT");
        assertThat(patient.get("inferences")).allSatisfy(i -> assertThat(i.has("evidence")).isFalse());

        ObjectNode benign = (ObjectNode) JobJson.MAPPER.readTree(request("P-6007",
                PhiCanary.patientLine() + "\nBreast, core biopsy: fibroadenoma. No evidence of malignancy."));
        benign.putObject("configuration").put("checkForCancerCase", true);
        JsonNode none = pollUntilFinal(V2023_09, client.submit(V2023_09, benign.toString(), Map.of()))
                .at("/result/patientResults/0");
        assertThat(none.get("inferences")).as("no cancer case, no inferences").isEmpty();
    }

    @Test
    void oncogatesOwnInferenceTypesAreInferredWhenARequestNamesThem() throws Exception {
        ObjectNode extra = (ObjectNode) JobJson.MAPPER.readTree(request("P-6009", NOTE));
        extra.putObject("configuration").putArray("inferenceTypes").add("tumorLaterality").add("pathologicStageTSubcategory")
                .add("tumorBehavior");
        JsonNode patient = pollUntilFinal(V2023_09, client.submit(V2023_09, extra.toString(), Map.of()), false)
                .at("/result/patientResults/0");
        assertThat(patient.get("inferences")).extracting(i -> i.get("type").asText() + "=" + i.get("value").asText())
                .containsExactlyInAnyOrder("tumorLaterality=Right", "pathologicStageTSubcategory=T2b", "tumorBehavior=3");
    }

    @Test
    void usageIsCountedPerOperationSubscriptionAndOutcome() throws Exception {
        client.submit(V2023_09, request("P-6008", NOTE), Map.of());
        client.get(JOBS_2023_09 + "/00000000-0000-0000-0000-000000000000?api-version=" + V2023_09, "wrong-key");
        String metrics = client.get("/observe/metrics", null).body();
        assertThat(metrics).containsPattern("oncogate_usage_calls_total\\{api=\"job-api\",operation=\"submit\","
                + "outcome=\"accepted\",region=\"eu-west\",resource=\"oncogate-dev\",subscription=\"default\"\\} [1-9]");
        assertThat(metrics).contains("oncogate_usage_calls_total{api=\"job-api\",operation=\"get\",outcome=\"unauthorized\","
                + "region=\"eu-west\",resource=\"oncogate-dev\",subscription=\"unknown\"}");
        assertThat(metrics).doesNotContain(PhiCanary.MARKER).doesNotContain("P-60");
    }

    @Test
    void theOpenApiDocumentsAreServed() throws Exception {
        for (String version : new String[] {V2023_03, V2023_09}) {
            HttpResponse<String> document = client.get("/openapi/" + version + ".json", null);
            assertThat(document.statusCode()).isEqualTo(200);
            assertThat(JobJson.MAPPER.readTree(document.body()).at("/info/version").asText()).isEqualTo(version);
        }
    }

    private static void assertRefused(HttpResponse<String> response, String version, int status, String code)
            throws IOException {
        assertThat(response.statusCode()).as("status for %s", code).isEqualTo(status);
        assertThat(response.headers().firstValue("x-ms-error-code")).as("x-ms-error-code").contains(code);
        JsonNode error = JobJson.MAPPER.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain(PhiCanary.MARKER);
        OpenApiContract.assertValidResponse(version, "OncoPhenotype_CreateJob", status, response.body());
    }

    private static JsonNode pollUntilFinal(String version, HttpResponse<String> accepted) throws Exception {
        return pollUntilFinal(version, accepted, true);
    }

    /**
     * Polls until the job is final; each answer is checked against the official OpenAPI document
     * unless it holds oncogate's own inference types, which that document's enum does not list.
     */
    private static JsonNode pollUntilFinal(String version, HttpResponse<String> accepted, boolean officialTypesOnly)
            throws Exception {
        String location = accepted.headers().firstValue("Operation-Location").orElseThrow();
        JsonNode[] last = new JsonNode[1];
        RunningGateway.await("a final status", Duration.ofSeconds(30), () -> {
            try {
                HttpResponse<String> response = client.get(location, DEV_KEY);
                assertThat(response.statusCode()).isEqualTo(200);
                if (officialTypesOnly) {
                    OpenApiContract.assertValidResponse(version, "OncoPhenotype_GetJob", 200, response.body());
                }
                last[0] = JobJson.MAPPER.readTree(response.body());
                return !Set.of("notStarted", "running").contains(last[0].get("status").asText());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        return last[0];
    }

    private static JsonNode inference(JsonNode patient, String type) {
        for (JsonNode inference : patient.get("inferences")) {
            if (inference.get("type").asText().equals(type)) {
                return inference;
            }
        }
        throw new AssertionError("no inference of type " + type);
    }

    static String request(String patientId, String text) throws IOException {
        return JobJson.MAPPER.writeValueAsString(Map.of("patients", java.util.List.of(Map.of(
                "id", patientId,
                "patientDocuments", java.util.List.of(Map.of(
                        "type", "note", "clinicalType", "pathologyReport", "id", "doc-1", "language", "en",
                        "createdDateTime", "2026-11-20T09:30:00Z",
                        "content", Map.of("sourceType", "inline", "value", text)))))));
    }

    private static JsonNode example(String version) throws IOException {
        try (InputStream in = JobApiEndToEndTest.class.getResourceAsStream(
                "/onco-phenotype-examples/" + version + "/SuccessfulOncoPhenotypeRequest.json")) {
            return JobJson.MAPPER.readTree(in);
        }
    }
}
