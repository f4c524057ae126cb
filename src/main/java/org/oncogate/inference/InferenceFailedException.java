package org.oncogate.inference;

import org.oncogate.job.JobError;

/**
 * An engine failed a job for a reason its owner may see: the job ends {@code failed} with this
 * error. Code and message name the reason, never patient data.
 */
public final class InferenceFailedException extends RuntimeException {

    private final transient JobError error;

    public InferenceFailedException(JobError error) {
        super(error.code() + ": " + error.message());
        this.error = error;
    }

    public JobError error() {
        return error;
    }
}
