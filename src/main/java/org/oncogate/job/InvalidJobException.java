package org.oncogate.job;

/** A well-formed job that breaks one of the service's rules (ids, language, limits, types). */
public class InvalidJobException extends RejectedInputException {

    public InvalidJobException(JobError error) {
        super(error);
    }
}
