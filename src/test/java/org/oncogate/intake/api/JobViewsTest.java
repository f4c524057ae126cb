package org.oncogate.intake.api;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncogate.job.ClinicalNoteEvidence;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceEvidence;
import org.oncogate.job.InferenceResult;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobError;
import org.oncogate.job.JobJson;
import org.oncogate.job.JobState;
import org.oncogate.job.PatientResult;

/**
 * A job in every status the gateway produces, rendered for each api-version exactly as the API
 * answers GET, validates against that version's official schema.
 */
class JobViewsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void everyStatusValidatesInBothVersions() {
        JobState notStarted = JobState.notStarted("3fa85f64-5717-4562-b3fc-2c963f66afa6", T0, T0.plusSeconds(85_500));
        JobState running = notStarted.running(T0.plusSeconds(1));
        InferenceResult result = new InferenceResult(List.of(new PatientResult("P1", List.of(
                new Inference(InferenceType.PATHOLOGIC_STAGE_T, "T2", null, 0.9, List.of(new InferenceEvidence(
                        new ClinicalNoteEvidence("d1", "pT2", 12, 3), 1.0)), null),
                Inference.none(InferenceType.DIAGNOSIS_DATE)))), "oncogate-rules-2026-11-29");
        JobState succeeded = running.succeeded(result, T0.plusSeconds(2));
        JobState failed = running.failed(JobError.of("InferenceFailed", "the inference engine failed", null),
                T0.plusSeconds(2));
        for (ApiVersion version : ApiVersion.values()) {
            for (JobState state : List.of(notStarted, running, succeeded, failed)) {
                OpenApiContract.assertValidResponse(version.wireName(), "OncoPhenotype_GetJob", 200,
                        new String(JobJson.write(JobApi.view(version, state))));
            }
        }
    }
}
