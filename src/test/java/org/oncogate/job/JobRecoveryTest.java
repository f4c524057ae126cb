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

/**
 * After a crash, the next start finishes what was acknowledged: a job that never ran runs, and a
 * job that ran but whose result was never delivered is delivered.
 */
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
            assertThat(second.bean("jobService", JobService.class).undelivered()).isEmpty();
        }
    }

    @Test
    void aFinishedButUndeliveredJobIsDeliveredAfterRestart(@TempDir Path folder) throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (RunningGateway first = RunningGateway.start(folder, clock, Map.of())) {
            PatientDocument note = new PatientDocument("note", ClinicalType.PATHOLOGY_REPORT, "d1", "en", null,
                    DocumentContent.inline(PhiCanary.patientLine() + "\nClear cell renal cell carcinoma, pT1a."));
            JobRequest request = new JobRequest(List.of(new PatientRecord("P-5002", null, List.of(note))), null);
            JobService jobs = first.bean("jobService", JobService.class);
            String id = jobs.accept(request, new JobOrigin("inbox", "default", "P-5002")).id();
            // inference finished, then the gateway "died" before the outbox file was written
            assertThat(jobs.process(id).state().status().isFinal()).isTrue();
            assertThat(first.outbox("default").resolve("P-5002.result.json")).doesNotExist();
        }
        clock.advance(Duration.ofMinutes(1));
        try (RunningGateway second = RunningGateway.start(folder, clock, Map.of())) {
            Path result = second.outbox("default").resolve("P-5002.result.json");
            RunningGateway.await("the delivered result", Duration.ofSeconds(30), () -> Files.exists(result));
            RunningGateway.await("the delivery to be recorded", Duration.ofSeconds(10), () -> {
                try {
                    return second.bean("jobService", JobService.class).undelivered().isEmpty();
                } catch (RuntimeException e) {
                    return false;
                }
            });
        }
    }

    @Test
    void aJobServedOnReadIsDeliveredWithItsFinalStateAndAnOutboxJobOnlyOnceDelivered(@TempDir Path folder)
            throws Exception {
        try (RunningGateway gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of())) {
            JobService jobs = gateway.bean("jobService", JobService.class);
            JobRequest request = new JobRequest(List.of(new PatientRecord("P-5003", null, List.of(
                    new PatientDocument("note", ClinicalType.PATHOLOGY_REPORT, "d1", "en", null,
                            DocumentContent.inline(PhiCanary.patientLine() + "\nAdenocarcinoma, pT2 pN0."))))), null);
            // processed directly, never handed to a delivery route: only the final state write counts
            String polled = jobs.accept(request, new JobOrigin("job-api", "default", null)).id();
            assertThat(jobs.process(polled).delivered()).as("job API: the final state is its delivery").isTrue();
            String dropped = jobs.accept(request, new JobOrigin("inbox", "default", "P-5003")).id();
            assertThat(jobs.process(dropped).delivered()).as("inbox: delivered only once the outbox file is written")
                    .isFalse();
            assertThat(jobs.find(polled).orElseThrow().delivered()).isTrue();
        }
    }
}
