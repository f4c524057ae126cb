package org.oncogate.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobRecord;
import org.oncogate.job.JobService;
import org.oncogate.subscription.SecretHash;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.RunningGateway;

/**
 * The FHIR channel against a real FHIR server (HAPI's plain RestfulServer on Jetty) holding
 * Patient, DocumentReference, DiagnosticReport and Binary resources: notifications of every form,
 * sent with HAPI's client, are read back where needed, inferred, and written back as mCODE
 * resources that the server then holds, once, however often the notification or the write comes.
 */
class FhirIntakeEndToEndTest {

    static final String SECRET = "ehr-test-secret";

    @TempDir
    static Path folder;
    static FhirTestServer server;
    static RunningGateway gateway;
    static Notifier notifier;
    static final FhirContext CLIENT_CONTEXT = FhirContext.forR4();

    @BeforeAll
    static void start() throws Exception {
        server = FhirTestServer.start();
        server.put(FhirTestDocuments.patient("p-1"));
        server.put(FhirTestDocuments.patient("p-2"));
        gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of(
                "oncogate.fhir.sources", "ehr",
                "oncogate.fhir.source.ehr.base-url", server.baseUrl(),
                "oncogate.fhir.source.ehr.secret-sha256", HexFormat.of().formatHex(SecretHash.sha256(SECRET)),
                "oncogate.fhir.source.ehr.write-back", "true",
                "oncogate.fhir.write-back.max-redeliveries", "3",
                "oncogate.fhir.write-back.redelivery-delay", "50"));
        notifier = new Notifier(CLIENT_CONTEXT, gateway.baseUrl(), "ehr", SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        server.close();
    }

    @Test
    void aFullResourceUpdateIsInferredAndWrittenBackAsConditionAndTnmObservationsOnce() throws Exception {
        DocumentReference document = server.put(FhirTestDocuments.plainDocument("doc-full", "p-1", FhirTestDocuments.LUNG));

        MethodOutcome first = notifier.client().update().resource(document).execute(); // PUT .../DocumentReference/doc-full
        String jobId = jobOf(first);
        JobRecord job = awaitDelivered(jobId);
        assertThat(job.state().status().wireName()).isEqualTo("succeeded");

        Condition condition = onlyCondition("DocumentReference/doc-full");
        assertThat(condition.getMeta().getProfile().get(0).getValue()).endsWith("mcode-primary-cancer-condition");
        assertThat(condition.getSubject().getReference()).isEqualTo("Patient/p-1");
        assertThat(condition.getBodySiteFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/icd-o-3");
        assertThat(condition.getBodySiteFirstRep().getCodingFirstRep().getCode()).as("ICD-O-3 site").isEqualTo("C34.1");
        assertThat(((CodeableConcept) condition.getExtensionByUrl(
                "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior").getValue())
                .getCodingFirstRep().getCode()).as("ICD-O-3 morphology").startsWith("8140");
        assertThat(condition.getEvidenceFirstRep().getDetailFirstRep().getReference()).isEqualTo("DocumentReference/doc-full");

        Map<String, Observation> observations = observationsByLoinc("DocumentReference/doc-full");
        assertThat(observations).containsKeys("21899-0", "21900-6");
        Observation t = observations.get("21899-0");
        assertThat(t.getValueCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo("http://cancerstaging.org");
        assertThat(t.getValueCodeableConcept().getCodingFirstRep().getCode()).as("pathologic T").isEqualTo("pT2");
        assertThat(t.getDerivedFromFirstRep().getReference()).isEqualTo("DocumentReference/doc-full");
        assertThat(t.getFocusFirstRep().getReference()).as("the Condition, its urn:uuid resolved by the server")
                .isEqualTo("Condition/" + condition.getIdElement().getIdPart());
        assertThat(observations.get("21900-6").getValueCodeableConcept().getCodingFirstRep().getCode()).startsWith("pN");
        int conditions = server.all("Condition").size();
        int observationCount = server.all("Observation").size();

        // the same notification again: the same job, not run again, nothing written again
        MethodOutcome again = notifier.client().update().resource(document).execute();
        assertThat(diagnostics(again)).containsExactly("received before as job " + jobId);
        // the same result written again (a retry after a lost answer): conditional updates, no new resources
        gateway.bean("fhirWriteBack", FhirWriteBack.class).write(job);
        assertThat(server.all("Condition")).hasSize(conditions);
        assertThat(server.all("Observation")).hasSize(observationCount);
        assertThat(onlyCondition("DocumentReference/doc-full").getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void anIdOnlyBackportNotificationIsReadBackFromTheServer() throws Exception {
        DiagnosticReport report = server.put(FhirTestDocuments.htmlReport("dr-idonly", "p-2", FhirTestDocuments.LUNG));
        Bundle notification = FhirTestDocuments.withEntries(
                FhirTestDocuments.backport("event-notification", server.baseUrl(), report), server.baseUrl(), false, report);

        String jobId = jobOf(notifier.client().create().resource(notification).execute()); // POST .../ehr/Bundle
        awaitDelivered(jobId);
        Condition condition = onlyCondition("DiagnosticReport/dr-idonly");
        assertThat(condition.getSubject().getReference()).isEqualTo("Patient/p-2");
        assertThat(condition.getBodySiteFirstRep().getCodingFirstRep().getCode()).isEqualTo("C34.1");
        assertThat(observationsByLoinc("DiagnosticReport/dr-idonly")).containsKey("21899-0");
    }

    @Test
    void aNotificationOfAResourceTheServerDoesNotHoldIsRefusedAndStoresNothing() throws Exception {
        long before = gateway.storedBytes();
        HttpResponse<String> answer = notifier.send("PUT", "/DocumentReference/no-such-doc", new byte[0], null);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(notifier.outcome(answer).getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
                .isEqualTo("FocusNotFound");
        assertThat(gateway.storedBytes()).isEqualTo(before);
    }

    @Test
    void aFullResourceBackportNotificationNeedsNoRead() throws Exception {
        DocumentReference document = FhirTestDocuments.plainDocument("doc-backport", "p-1", FhirTestDocuments.LUNG);
        document.getMeta().setVersionId("7"); // only in the notification: the server does not hold it
        Bundle notification = FhirTestDocuments.withEntries(
                FhirTestDocuments.backport("event-notification", server.baseUrl(), document), server.baseUrl(), true,
                document);

        HttpResponse<String> answer = notifier.send("POST", "", // to the endpoint itself, as a rest-hook posts
                CLIENT_CONTEXT.newJsonParser().encodeResourceToString(notification).getBytes(StandardCharsets.UTF_8),
                "application/fhir+json");
        assertThat(answer.statusCode()).isEqualTo(200);
        String jobId = jobOf(notifier.outcome(answer));
        awaitDelivered(jobId);
        assertThat(onlyCondition("DocumentReference/doc-backport").getBodySiteFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("C34.1");
    }

    @Test
    void anEmptyPutToTheResourceReadsItBackIncludingItsBinaryAttachment() throws Exception {
        server.put(FhirTestDocuments.rtfBinary("bin-1", FhirTestDocuments.LUNG));
        server.put(FhirTestDocuments.binaryDocument("doc-binary", "p-2", "bin-1"));

        HttpResponse<String> answer = notifier.send("PUT", "/DocumentReference/doc-binary", new byte[0], null);
        assertThat(answer.statusCode()).isEqualTo(200);
        String jobId = jobOf(notifier.outcome(answer));
        JobRecord job = awaitDelivered(jobId);
        assertThat(job.state().result().patientResults().get(0).patientId()).isEqualTo("p-2");
        assertThat(onlyCondition("DocumentReference/doc-binary").getBodySiteFirstRep().getCodingFirstRep().getCode())
                .as("inferred from the RTF Binary's text").isEqualTo("C34.1");
    }

    @Test
    void anEmptyPingSearchesTheServerForChangedDocuments() throws Exception {
        server.put(FhirTestDocuments.plainDocument("doc-ping", "p-1", FhirTestDocuments.LUNG));
        DocumentReference pdfOnly = FhirTestDocuments.plainDocument("doc-pdf", "p-1", "");
        pdfOnly.getContentFirstRep().getAttachment().setContentType("application/pdf");
        server.put(pdfOnly);

        Notifier.PingAnswer answer = notifier.ping();
        assertThat(answer.status()).isEqualTo(200);
        List<String> diagnostics = answer.outcome().getIssue().stream()
                .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics).toList();
        assertThat(diagnostics).as("a document without text is skipped, not a reason to refuse the ping")
                .contains("skipped DocumentReference/doc-pdf: MissingDocumentText");
        assertThat(diagnostics).as("every other document changed in the last hour, as jobs")
                .filteredOn(d -> !d.startsWith("skipped ")).isNotEmpty()
                .allMatch(d -> d.startsWith("stored as job ") || d.startsWith("received before as job "));
        awaitCondition("DocumentReference/doc-ping");
    }

    @Test
    void handshakeAndHeartbeatAreAnsweredAndStoreNothing() throws Exception {
        for (String type : List.of("handshake", "heartbeat")) {
            long before = gateway.storedBytes();
            MethodOutcome answer = notifier.client().create()
                    .resource(FhirTestDocuments.backport(type, server.baseUrl())).execute();
            assertThat(diagnostics(answer)).containsExactly("subscription status received; nothing stored");
            assertThat(gateway.storedBytes()).as("%s stores nothing", type).isEqualTo(before);
        }
    }

    @Test
    void aWriteTheServerRefusesIsRetriedWithBackoffAndFinallyCountedAsFailedAndLeftUndelivered() throws Exception {
        // two failures, then the third try is taken
        server.failTransactions(2);
        int before = server.transactions();
        DocumentReference retried = server.put(FhirTestDocuments.plainDocument("doc-retry", "p-1", FhirTestDocuments.LUNG));
        awaitDelivered(jobOf(notifier.client().update().resource(retried).execute()));
        assertThat(server.transactions() - before).as("tries").isEqualTo(3);
        assertThat(conditionsOf("DocumentReference/doc-retry")).hasSize(1);

        // more failures than the four tries (max-redeliveries 3): counted, and the job stays undelivered
        server.failTransactions(4);
        DocumentReference lost = server.put(FhirTestDocuments.plainDocument("doc-fail", "p-1", FhirTestDocuments.LUNG));
        String jobId = jobOf(notifier.client().update().resource(lost).execute());
        RunningGateway.await("the write-back failure to be counted", Duration.ofSeconds(30),
                () -> failedWriteBacks() >= 1.0);
        JobRecord job = find(gateway.bean("jobService", JobService.class), jobId).orElseThrow();
        assertThat(job.state().status().wireName()).isEqualTo("succeeded");
        assertThat(job.delivered()).as("left for the next start's recovery").isFalse();
        assertThat(conditionsOf("DocumentReference/doc-fail")).isEmpty();
        server.failTransactions(0);
    }

    private static double failedWriteBacks() {
        Counter counter = gateway.bean(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class)
                .find("oncogate.usage.calls").tags("api", "fhir", "operation", "writeBack", "outcome", "failed").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String jobOf(MethodOutcome outcome) {
        return jobOf((OperationOutcome) outcome.getOperationOutcome());
    }

    private static String jobOf(OperationOutcome outcome) {
        assertThat(outcome.getIssue()).hasSize(1);
        String diagnostics = outcome.getIssueFirstRep().getDiagnostics();
        assertThat(diagnostics).startsWith("stored as job ");
        return diagnostics.substring("stored as job ".length());
    }

    private static List<String> diagnostics(MethodOutcome outcome) {
        return ((OperationOutcome) outcome.getOperationOutcome()).getIssue().stream()
                .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics).toList();
    }

    private static JobRecord awaitDelivered(String jobId) throws InterruptedException {
        JobService jobs = gateway.bean("jobService", JobService.class);
        RunningGateway.await("job " + jobId + " written back", Duration.ofSeconds(30), () -> find(jobs, jobId)
                .map(JobRecord::delivered).orElse(false));
        return find(jobs, jobId).orElseThrow();
    }

    private static Optional<JobRecord> find(JobService jobs, String id) {
        try {
            return jobs.find(id);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void awaitCondition(String document) throws InterruptedException {
        RunningGateway.await("a Condition for " + document, Duration.ofSeconds(30),
                () -> !conditionsOf(document).isEmpty());
    }

    private static Condition onlyCondition(String document) {
        List<Condition> conditions = conditionsOf(document);
        assertThat(conditions).as("one Condition for %s", document).hasSize(1);
        return conditions.get(0);
    }

    private static List<Condition> conditionsOf(String document) {
        return server.all("Condition").stream().map(Condition.class::cast)
                .filter(c -> c.getEvidenceFirstRep().getDetailFirstRep().getReference().equals(document)).toList();
    }

    private static Map<String, Observation> observationsByLoinc(String document) {
        List<Observation> observations = server.all("Observation").stream().map(Observation.class::cast)
                .filter(o -> o.getDerivedFromFirstRep().getReference().equals(document)).toList();
        Map<String, Observation> byCode = observations.stream()
                .collect(Collectors.toMap(o -> o.getCode().getCodingFirstRep().getCode(), o -> o));
        assertThat(byCode).as("one Observation per code").hasSameSizeAs(observations);
        return byCode;
    }
}
