package org.oncogate.inference;

/**
 * The gateway is stopping while an engine waits (for a remote service): the job is left unfinished,
 * so that recovery runs it again after the restart.
 */
public final class InferenceInterruptedException extends RuntimeException {

    public InferenceInterruptedException(String jobId) {
        super("inference of job " + jobId + " was interrupted");
    }
}
