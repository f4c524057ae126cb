package org.oncogate.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.RunningGateway;

/**
 * A notification's job waits for inference as a new exchange holding only the job's id: a copy of
 * the HTTP exchange would keep the request, its response and the original exchange alive (some
 * kilobytes a job, up to the queue's 10,000 jobs) for as long as the job waits.
 */
class FhirInferenceHandOffTest {

    private static final String SECRET = "ehr-hand-off-secret";

    @TempDir
    Path folder;
    private RunningGateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aWaitingJobHoldsItsIdAndNothingOfTheHttpRequest() throws Exception {
        gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of(
                "oncogate.fhir.source.ehr.base-url", "http://localhost:9/fhir",
                "oncogate.fhir.source.ehr.secret-sha256", FhirRefusalTest.hash(SECRET)));
        gateway.context().getRouteController().stopRoute("inference"); // so that the job stays queued
        Notifier ehr = new Notifier(FhirRefusalTest.CLIENT_CONTEXT, gateway.baseUrl(), "ehr", SECRET);

        HttpResponse<String> taken = ehr.send("POST", "", document("doc-1"), FhirRefusalTest.JSON);

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        String jobId = ehr.outcome(taken).getIssueFirstRep().getDiagnostics().replace("stored as job ", "");
        var queue = gateway.context().getEndpoint("seda:inference", SedaEndpoint.class).getQueue();
        assertThat(queue).hasSize(1);
        Exchange waiting = queue.peek();
        assertThat(waiting.getIn()).isNotInstanceOf(HttpMessage.class);
        assertThat(waiting.getIn().getBody()).isEqualTo(jobId);
        assertThat(waiting.getIn().getHeaders()).isEmpty();
        assertThat(waiting.getProperties()).doesNotContainKeys(FhirIntake.NEW_JOBS);
    }

    private static byte[] document(String id) {
        return FhirRefusalTest.CLIENT_CONTEXT.newJsonParser().encodeResourceToString(
                FhirTestDocuments.plainDocument(id, "p-1", FhirTestDocuments.LUNG)).getBytes(StandardCharsets.UTF_8);
    }
}
