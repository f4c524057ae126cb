package org.oncogate.intake.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobJson;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/** {@code .hl7} files in the inbox go through the HL7 mapping; a batch file becomes one job per message. */
class InboxHl7Test {

    @Test
    void aSingleMessageAndABatchFileEachGetTheirResults(@TempDir Path folder) throws Exception {
        try (RunningGateway gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of())) {
            Path inbox = gateway.inbox("default");
            InboxEndToEndTest.writeAtomically(inbox.resolve("single.hl7"),
                    Files.readAllBytes(Path.of("samples/hl7/oru-r01-pathology.hl7")));
            String batch = String.join("\n", "FHS|^~\\&|LIS|GENHOSP", "BHS|^~\\&|LIS|GENHOSP",
                    oru("B-1", "Invasive ductal carcinoma, pT2 pN1a."),
                    oru("B-2", "Serous carcinoma of the ovary, pT3c pN0."), "BTS|2", "FTS|1");
            InboxEndToEndTest.writeAtomically(inbox.resolve("batch.hl7"), batch.getBytes(StandardCharsets.UTF_8));
            Path outbox = gateway.outbox("default");
            RunningGateway.await("three results", Duration.ofSeconds(30), () ->
                    Files.exists(outbox.resolve("single.result.json")) && Files.exists(outbox.resolve("batch-1.result.json"))
                            && Files.exists(outbox.resolve("batch-2.result.json")));
            JsonNode first = JobJson.MAPPER.readTree(outbox.resolve("batch-1.result.json").toFile());
            JsonNode second = JobJson.MAPPER.readTree(outbox.resolve("batch-2.result.json").toFile());
            assertThat(first.at("/result/patientResults/0/patientId").asText()).isEqualTo("MRN-B-1");
            assertThat(stage(first)).isEqualTo("N+");
            assertThat(second.at("/result/patientResults/0/patientId").asText()).isEqualTo("MRN-B-2");
            assertThat(stage(second)).isEqualTo("N0");
        }
    }

    @Test
    void aBatchWithOneInvalidMessageIsRefusedWholeAndStoresNoJob(@TempDir Path folder) throws Exception {
        try (RunningGateway gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of())) {
            // the first message is fine; the second's report is over the 50,000 characters a patient may have
            String batch = String.join("\n", oru("C-1", "Invasive ductal carcinoma, pT2 pN1a."),
                    oru("C-2", "carcinoma ".repeat(5_001)));
            InboxEndToEndTest.writeAtomically(gateway.inbox("default").resolve("mixed.hl7"),
                    batch.getBytes(StandardCharsets.UTF_8));
            Path report = gateway.outbox("default").resolve("mixed.error.json");
            RunningGateway.await("the error report", Duration.ofSeconds(30), () -> Files.exists(report));
            assertThat(JobJson.MAPPER.readTree(report.toFile()).toString()).contains("PatientTextTooLong");
            assertThat(gateway.bean("regionalStore", RegionalStore.class).list(PayloadKind.INPUT))
                    .as("no job of the batch stored").isEmpty();
            assertThat(gateway.outbox("default").resolve("mixed-1.result.json")).doesNotExist();
        }
    }

    private static String stage(JsonNode result) {
        for (JsonNode inference : result.at("/result/patientResults/0/inferences")) {
            if (inference.get("type").asText().equals("pathologicStageN")) {
                return inference.get("value").asText();
            }
        }
        throw new AssertionError("no pathologicStageN");
    }

    /** A minimal ORU^R01 (LF segment separators, as files often have them). */
    private static String oru(String controlId, String text) {
        return String.join("\n",
                "MSH|^~\\&|LIS|GENHOSP|ONCOGATE|REGION|20261129101500||ORU^R01^ORU_R01|" + controlId + "|P|2.5.1",
                "PID|1||MRN-" + controlId + "^^^GENHOSP^MR||" + PhiCanary.MARKER + "^TEST",
                "OBR|1|PL-" + controlId + "|FL-" + controlId + "|11526-1^Pathology study^LN|||20261128090000",
                "OBX|1|TX|22637-3^Pathology report final diagnosis^LN||" + text + "||||||F");
    }
}
