package org.oncogate.job;

/**
 * Input that the gateway refuses. Its {@link JobError} is safe to show to the sender and to log:
 * it names rules and places, never patient data. Each channel turns it into its own answer
 * (an HL7 AR, an HTTP 400, an inbox quarantine entry with an error report).
 */
public abstract class RejectedInputException extends Exception {

    private final transient JobError error;

    protected RejectedInputException(JobError error) {
        super(error.code() + ": " + error.message() + (error.target() == null ? "" : " (" + error.target() + ")"));
        this.error = error;
    }

    public JobError error() {
        return error;
    }
}
