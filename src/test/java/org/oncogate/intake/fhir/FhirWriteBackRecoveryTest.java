package org.oncogate.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.subscription.SecretHash;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.RunningGateway;

/**
 * A write-back that failed for good is not lost: its job stays undelivered, and the next start of
 * the gateway (same data) writes it back, once.
 */
class FhirWriteBackRecoveryTest {

    @TempDir
    Path folder;

    @Test
    void aResultWhoseWriteBackFailedIsWrittenBackAfterTheRestart() throws Exception {
        try (FhirTestServer server = FhirTestServer.start()) {
            Map<String, String> configuration = Map.of(
                    "oncogate.fhir.source.ehr.base-url", server.baseUrl(),
                    "oncogate.fhir.source.ehr.secret-sha256", HexFormat.of().formatHex(SecretHash.sha256("s")),
                    "oncogate.fhir.source.ehr.write-back", "true",
                    "oncogate.fhir.write-back.max-redeliveries", "1",
                    "oncogate.fhir.write-back.redelivery-delay", "10");
            DocumentReference document = server.put(FhirTestDocuments.plainDocument("doc-later", "p-1", FhirTestDocuments.LUNG));
            server.failTransactions(2);
            try (RunningGateway first = RunningGateway.start(folder, new MutableClock(Instant.now()), configuration)) {
                Notifier notifier = new Notifier(FhirContext.forR4(), first.baseUrl(), "ehr", "s");
                assertThat(notifier.client().update().resource(document).execute().getOperationOutcome()).isNotNull();
                RunningGateway.await("both tries to fail", Duration.ofSeconds(30), () -> server.transactions() == 2);
            }
            assertThat(server.all("Condition")).as("nothing written while the server failed").isEmpty();

            try (RunningGateway second = RunningGateway.start(folder, new MutableClock(Instant.now()), configuration)) {
                RunningGateway.await("the recovered write-back", Duration.ofSeconds(30),
                        () -> !server.all("Condition").isEmpty());
                Condition condition = (Condition) server.all("Condition").get(0);
                assertThat(condition.getEvidenceFirstRep().getDetailFirstRep().getReference())
                        .isEqualTo("DocumentReference/doc-later");
                assertThat(server.all("Condition")).hasSize(1);
            }
        }
    }
}
