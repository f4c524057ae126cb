package org.oncogate.job;

/** Input whose bytes cannot be read as a job: bad encoding, malformed JSON, empty, too large. */
public class UnreadableInputException extends RejectedInputException {

    public UnreadableInputException(JobError error) {
        super(error);
    }
}
