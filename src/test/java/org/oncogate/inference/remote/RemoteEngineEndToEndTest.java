package org.oncogate.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.inference.rules.RulesEngine;
import org.oncogate.intake.api.JobApiClient;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.InferenceResult;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.JobJson;
import org.oncogate.job.JobRequest;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * Two real gateways: {@code remote} (the shipped rules engine) serves the job API, and
 * {@code gateway} runs with {@code oncogate.inference.engine=remote} against it. A job submitted to
 * the gateway comes out with exactly what the rules engine infers; a job run twice is one job at the
 * remote; a refused key fails the job with its code; a remote of another region stops start-up.
 */
class RemoteEngineEndToEndTest {

    private static final String NOTE = PhiCanary.patientLine()
            + "\nFINAL DIAGNOSIS: Right upper lobe, lobectomy: invasive adenocarcinoma of the lung, 3.1 cm."
            + "\nTNM: pT2a pN1 pMX. Lymph nodes: 2 of 11 positive.";

    @TempDir
    static Path folder;
    static RunningGateway remote;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        remote = RunningGateway.start(folder.resolve("remote"), new MutableClock(Instant.now()), Map.of());
        Map<String, String> overrides = remoteEngine("ONCOGATE_TEST_REMOTE_KEY", "eu-west");
        overrides.put("oncogate.inference.consumers", "4");
        gateway = RunningGateway.start(folder.resolve("gateway"), new MutableClock(Instant.now()), overrides);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        remote.close();
    }

    @Test
    void aJobComesOutWithTheInferencesOfTheRulesEngine() throws Exception {
        JobRequest request = request("P-8001");
        JsonNode job = new JobApiClient(gateway.baseUrl()).awaitFinal(new JobApiClient(gateway.baseUrl())
                .submit(JobApiClient.V2023_09, new String(JobJson.write(request)), Map.of()));
        assertThat(job.get("status").asText()).isEqualTo("succeeded");
        RulesEngine rules = new RulesEngine();
        assertThat(job.at("/result/modelVersion").asText()).as("the remote's own model version")
                .isEqualTo(rules.modelVersion());
        JsonNode patient = job.at("/result/patientResults/0");
        assertThat(patient.get("patientId").asText()).isEqualTo("P-8001");
        assertThat(patient.get("inferences")).as("every inference, score and evidence span, as the rules make them")
                .isEqualTo(JobJson.MAPPER.valueToTree(rules.infer(request.patients().get(0),
                        request.configuration()).inferences()));
        assertThat(patient.get("inferences")).as("the note says enough for some inferences, with evidence")
                .anySatisfy(i -> assertThat(i.at("/evidence/0/patientDataEvidence/length").asInt()).isPositive());
    }

    @Test
    void theInferenceRouteWaitsForAsManyJobsAsConfigured() {
        assertThat(gateway.context().getRoute("inference").getEndpoint())
                .isInstanceOfSatisfying(SedaEndpoint.class, seda -> assertThat(seda.getConcurrentConsumers()).isEqualTo(4));
    }

    @Test
    void aJobRunTwiceIsOneJobAtTheRemote() throws Exception {
        // as after a crash: recovery runs an unfinished job again, under the same repeatability id
        RegionalStore remoteStore = remote.bean("regionalStore", RegionalStore.class);
        int before = remoteStore.list(PayloadKind.INPUT).size();
        try (CamelContext camel = new DefaultCamelContext()) {
            RemoteEngine engine = new RemoteEngine(camel, new RemoteEndpoint(URI.create(remote.baseUrl()),
                    RemoteEndpoint.API_VERSION, JobApiClient.DEV_KEY, "eu-west"), new RetryPolicy(Duration.ofSeconds(5),
                    Duration.ofSeconds(5), 2, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(200),
                    Duration.ofSeconds(20)));
            camel.start();
            InferenceResult first = engine.inferJob("job-rerun-1", request("P-8003"));
            InferenceResult again = engine.inferJob("job-rerun-1", request("P-8003"));
            assertThat(again).isEqualTo(first);
        }
        assertThat(remoteStore.list(PayloadKind.INPUT)).as("one job stored at the remote").hasSize(before + 1);
    }

    @Test
    void aKeyTheRemoteRefusesFailsTheJobWithItsCode(@TempDir Path other) throws Exception {
        try (RunningGateway wrongKey = RunningGateway.start(other, new MutableClock(Instant.now()),
                remoteEngine("ONCOGATE_TEST_WRONG_KEY", "eu-west"))) {
            JobApiClient client = new JobApiClient(wrongKey.baseUrl());
            JsonNode job = client.awaitFinal(client.submit(JobApiClient.V2023_09,
                    new String(JobJson.write(request("P-8002"))), Map.of()));
            assertThat(job.get("status").asText()).isEqualTo("failed");
            assertThat(job.at("/error/code").asText()).isEqualTo(RemoteErrors.UNAUTHORIZED);
            assertThat(job.at("/error/message").asText()).contains("HTTP 401, code Unauthorized");
        }
    }

    @Test
    void aRemoteOfAnotherRegionStopsStartUp(@TempDir Path other) throws Exception {
        Main main = RunningGateway.configured(other, new MutableClock(Instant.now()),
                remoteEngine("ONCOGATE_TEST_REMOTE_KEY", "us-east"));
        assertThatThrownBy(main::start).satisfies(e -> assertThat(rootCause(e).getMessage())
                .contains("oncogate.inference.remote.region is us-east")
                .contains("oncogate.region eu-west").contains("not starting"));
        main.stop();
        assertThat(other.resolve("data/store")).as("nothing was stored").satisfies(p ->
                assertThat(Files.exists(p) && Files.list(p).findAny().isPresent()).isFalse());
    }

    @Test
    void aRemoteThatDeclaresNoRegionStopsStartUp(@TempDir Path other) throws Exception {
        Main main = RunningGateway.configured(other, new MutableClock(Instant.now()),
                remoteEngine("ONCOGATE_TEST_REMOTE_KEY", ""));
        assertThatThrownBy(main::start).satisfies(e -> assertThat(rootCause(e).getMessage())
                .contains("oncogate.inference.remote.region must declare"));
        main.stop();
    }

    private static Map<String, String> remoteEngine(String keyVariable, String region) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("oncogate.inference.engine", "remote");
        overrides.put("oncogate.inference.remote.base-url", remote.baseUrl());
        overrides.put("oncogate.inference.remote.key-env", keyVariable);
        overrides.put("oncogate.inference.remote.region", region);
        overrides.put("oncogate.inference.remote.read-timeout", "PT5S");
        overrides.put("oncogate.inference.remote.backoff", "PT0.05S");
        overrides.put("oncogate.inference.remote.poll-cap", "PT0.2S");
        overrides.put("oncogate.inference.remote.deadline", "PT20S");
        return overrides;
    }

    private static JobRequest request(String patientId) {
        return new JobRequest(List.of(new PatientRecord(patientId, null, List.of(new PatientDocument(
                PatientDocument.NOTE, ClinicalType.PATHOLOGY_REPORT, "doc-1", "en", "2026-11-30T10:00:00Z",
                DocumentContent.inline(NOTE))))), JobConfiguration.DEFAULTS);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
