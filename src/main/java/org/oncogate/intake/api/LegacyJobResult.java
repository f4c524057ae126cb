package org.oncogate.intake.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobError;
import org.oncogate.job.JobState;
import org.oncogate.job.JobStatus;

/**
 * A job in the 2023-03-01-preview {@code OncoPhenotypeResult} shape: {@code jobId},
 * {@code errors}, and {@code results.patients[].id}. {@code diagnosisDate} did not exist then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LegacyJobResult(
        String jobId,
        Instant createdDateTime,
        Instant expirationDateTime,
        Instant lastUpdateDateTime,
        JobStatus status,
        List<JobError> errors,
        Results results) {

    record Results(List<Patient> patients, String modelVersion) {
    }

    record Patient(String id, List<Inference> inferences) {
    }

    static LegacyJobResult of(JobState state) {
        Results results = state.result() == null ? null : new Results(
                state.result().patientResults().stream()
                        .map(p -> new Patient(p.patientId(), p.inferences().stream()
                                .filter(i -> i.type() != InferenceType.DIAGNOSIS_DATE).toList()))
                        .toList(),
                state.result().modelVersion());
        return new LegacyJobResult(state.id(), state.createdDateTime(), state.expirationDateTime(),
                state.lastUpdateDateTime(), state.status(), state.error() == null ? null : List.of(state.error()),
                results);
    }
}
