package org.oncogate.job;

import java.util.function.BiFunction;
import org.oncogate.inference.InferenceEngine;

/** A test engine that answers whole jobs only, by a function of the job's id and request. */
final class WholeJobEngine implements InferenceEngine {

    private final BiFunction<String, JobRequest, InferenceResult> answer;

    WholeJobEngine(BiFunction<String, JobRequest, InferenceResult> answer) {
        this.answer = answer;
    }

    @Override
    public PatientResult infer(PatientRecord patient, JobConfiguration configuration) {
        throw new UnsupportedOperationException("whole jobs only");
    }

    @Override
    public String modelVersion() {
        return "test";
    }

    @Override
    public InferenceResult inferJob(String jobId, JobRequest request) {
        return answer.apply(jobId, request);
    }
}
