package org.oncogate.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/** A job that was acknowledged (durably stored) but never ran, as after a crash, runs at the next start. */
class JobRecoveryTest {

    @Test
    void anAcceptedButUnprocessedJobIsFinishedAfterRestart(@TempDir Path folder) throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        String id;
        try (RunningGateway first = RunningGateway.start(folder, clock, Map.of())) {
            PatientDocument note = new PatientDocument("note", ClinicalType.PATHOLOGY_REPORT, "d1", "en", null,
                    DocumentContent.inline(PhiCanary.patientLine() + "\nSerous carcinoma of the ovary, pT3c pN1."));
            JobRequest request = new JobRequest(List.of(new PatientRecord("P-5001", null, List.of(note))), null);
            // accepted and durable, but never handed to the inference route: the gateway "dies" here
            id = first.bean("jobService", JobService.class).accept(request, new JobOrigin("inbox", "default", "P-5001")).id();
        }
        clock.advance(Duration.ofMinutes(1)); // the restart
        try (RunningGateway second = RunningGateway.start(folder, clock, Map.of())) {
            Path result = second.outbox("default").resolve("P-5001.result.json");
            RunningGateway.await("the recovered job's result", Duration.ofSeconds(30), () -> Files.exists(result));
            JsonNode state = org.oncogate.job.JobJson.MAPPER.readTree(result.toFile());
            assertThat(state.get("id").asText()).isEqualTo(id);
            assertThat(state.get("status").asText()).isEqualTo("succeeded");
            assertThat(second.bean("jobService", JobService.class).unfinished()).isEmpty();
        }
    }
}
