package org.oncogate.job;

import java.util.List;

/** The inferences of a job, with the version of the engine that made them. */
public record InferenceResult(List<PatientResult> patientResults, String modelVersion) {

    public InferenceResult {
        patientResults = List.copyOf(patientResults);
    }
}
