package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A job as its owner sees it (the 2023-09-01-preview {@code OncoPhenotypeResult} shape): status,
 * timestamps, and the result or error once final.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobState(
        String id,
        JobStatus status,
        Instant createdDateTime,
        Instant expirationDateTime,
        Instant lastUpdateDateTime,
        JobError error,
        InferenceResult result) {

    public static JobState notStarted(String id, Instant created, Instant expires) {
        return new JobState(id, JobStatus.NOT_STARTED, created, expires, created, null, null);
    }

    public JobState running(Instant now) {
        return new JobState(id, JobStatus.RUNNING, createdDateTime, expirationDateTime, now, null, null);
    }

    public JobState succeeded(InferenceResult inferences, Instant now) {
        return new JobState(id, JobStatus.SUCCEEDED, createdDateTime, expirationDateTime, now, null, inferences);
    }

    public JobState failed(JobError failure, Instant now) {
        return new JobState(id, JobStatus.FAILED, createdDateTime, expirationDateTime, now, failure, null);
    }
}
