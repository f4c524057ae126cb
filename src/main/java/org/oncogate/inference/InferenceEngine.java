package org.oncogate.inference;

import org.oncogate.job.InferenceResult;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.JobRequest;
import org.oncogate.job.PatientRecord;
import org.oncogate.job.PatientResult;

/** Infers cancer attributes for one patient. Implementations are thread-safe: one serves all jobs. */
public interface InferenceEngine {

    PatientResult infer(PatientRecord patient, JobConfiguration configuration);

    /** The version reported in every result this engine makes. */
    String modelVersion();

    /**
     * Infers every patient of one job. An engine that serves whole jobs (a remote service) overrides
     * this; the job id lets it make a retried call idempotent.
     *
     * @throws InferenceFailedException when the engine fails the job with an error its owner may see
     * @throws InferenceInterruptedException when the gateway stops before the job is finished
     */
    default InferenceResult inferJob(String jobId, JobRequest request) {
        return new InferenceResult(request.patients().stream()
                .map(patient -> infer(patient, request.configuration()))
                .toList(), modelVersion());
    }
}
