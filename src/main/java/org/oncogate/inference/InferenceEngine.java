package org.oncogate.inference;

import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientRecord;
import org.oncogate.job.PatientResult;

/** Infers cancer attributes for one patient. Implementations are thread-safe: one serves all jobs. */
public interface InferenceEngine {

    PatientResult infer(PatientRecord patient, JobConfiguration configuration);

    /** The version reported in every result this engine makes. */
    String modelVersion();
}
