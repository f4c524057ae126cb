package org.oncogate.intake.api;

import org.oncogate.job.JobError;

/**
 * A request the job API refuses before any work is done. Each reason is its own type; the HTTP
 * status follows from the type. Messages name rules, never request content.
 */
public abstract class ApiException extends Exception {

    private final transient JobError error;

    protected ApiException(String code, String message, String target) {
        super(code + ": " + message);
        this.error = JobError.of(code, message, target);
    }

    public JobError error() {
        return error;
    }

    /** The HTTP status of the answer. */
    public abstract int status();
}
