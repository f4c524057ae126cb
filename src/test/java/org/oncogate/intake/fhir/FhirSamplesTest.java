package org.oncogate.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.RunningGateway;

/**
 * Every notification in samples/fhir is answered as its README says, by the shipped configuration
 * (source {@code ehr}, development secret) with only the source's base URL moved to a test server,
 * which holds the report the id-only sample names and receives the written-back results.
 */
class FhirSamplesTest {

    static final Path SAMPLES = Path.of("samples/fhir");

    @TempDir
    Path folder;

    @Test
    void theSamplesAreStoredOrAcknowledgedAndTheirResultsWrittenBack() throws Exception {
        FhirContext context = FhirContext.forR4();
        try (FhirTestServer server = FhirTestServer.start()) {
            server.put(context.newJsonParser().parseResource(DiagnosticReport.class,
                    Files.readString(SAMPLES.resolve("source/diagnostic-report.json"))));
            try (RunningGateway gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of(
                    "oncogate.fhir.source.ehr.base-url", server.baseUrl(),
                    "oncogate.fhir.source.ehr.write-back", "true"))) {
                Notifier notifier = new Notifier(context, gateway.baseUrl(), "ehr", "oncogate-dev-fhir-secret");
                assertThat(answer(notifier, "backport-handshake.json")).containsExactly("subscription status received; nothing stored");
                assertThat(answer(notifier, "backport-heartbeat.json")).containsExactly("subscription status received; nothing stored");
                assertThat(gateway.storedBytes()).isZero();
                String job = answer(notifier, "document-reference.json").get(0);
                assertThat(job).startsWith("stored as job ");
                assertThat(answer(notifier, "backport-full-resource.json")).as("the same document, version 1")
                        .containsExactly(job.replace("stored as", "received before as"));
                assertThat(answer(notifier, "backport-id-only.json")).singleElement().asString().startsWith("stored as job ");
                assertThat(answer(notifier, "diagnostic-report-bundle.json")).singleElement().asString()
                        .startsWith("received before as job ");

                RunningGateway.await("both documents' results written back", Duration.ofSeconds(30),
                        () -> server.all("Condition").size() == 2);
                assertThat(site(server, "DocumentReference/path-2026-0417")).isEqualTo("C34.1");
                assertThat(site(server, "DiagnosticReport/dr-2026-0533")).isEqualTo("C50.4");
                assertThat(server.all("Observation").stream().map(Observation.class::cast)
                        .map(o -> o.getValueCodeableConcept().getCodingFirstRep().getCode()))
                        .as("the engine's categories (Onco-Phenotype values T2, N+, ...) with the AJCC p prefix")
                        .containsExactlyInAnyOrder("pT2", "pN+", "pT1", "pN0");
            }
        }
    }

    private static List<String> answer(Notifier notifier, String sample) throws Exception {
        HttpResponse<String> response = notifier.send("POST", "", Files.readAllBytes(SAMPLES.resolve(sample)),
                "application/fhir+json");
        assertThat(response.statusCode()).as("%s: %s", sample, response.body()).isEqualTo(200);
        return notifier.outcome(response).getIssue().stream()
                .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics).toList();
    }

    private static String site(FhirTestServer server, String document) {
        return server.all("Condition").stream().map(Condition.class::cast)
                .filter(c -> c.getEvidenceFirstRep().getDetailFirstRep().getReference().equals(document))
                .findFirst().orElseThrow().getBodySiteFirstRep().getCodingFirstRep().getCode();
    }
}
